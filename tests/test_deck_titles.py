"""Titles a person would write: a deck's automatic title, and slide titles that are no field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation as PptxPresentation

from slideshelf.conversion.extractors.pdf import page_texts
from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.models import Status, TitleFrom
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.stages.slide_text import pdf_slide_text
from slideshelf.conversion.titles import default_title
from slideshelf.conversion.types import SlideText
from slideshelf.lib.titles import is_field_text, is_stock_title, readable_file_name
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

# -- lines that are a field's, names nobody wrote ------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "11/29/2026 6",
        "2",
        "8",
        "29.11.2026",
        "2026-11-29",
        "Nov 29, 2026",
        "6:30 PM",
        "Sunday, November 29, 2026",
        "29. November 2026",
        "11/29/2026 6:30 PM",
        "上午 07:39:24",
        "2026年11月29日",
        "1.9",
        "6 / 28",
    ],
)
def test_a_date_a_time_a_number_or_a_date_and_a_number_is_field_text(line):
    assert is_field_text(line)


@pytest.mark.parametrize(
    "line",
    [
        "Marketing 2026",
        "Chapter 2",
        "Q3 2026",
        "May the best team win",
        "Congreso Latinoamericano, 2023-11-10",
        "11.03.2009 Finanzkrise Teil 4",
    ],
)
def test_a_line_with_words_in_it_is_no_field(line):
    assert not is_field_text(line, slide_number=1)


def test_a_footer_row_ending_in_the_slides_number_is_field_text():
    assert is_field_text("11/29/26 Global Slide Footer 1", slide_number=1)
    assert not is_field_text("11/29/26 Global Slide Footer 1", slide_number=2)


@pytest.mark.parametrize(
    "title",
    [
        "PowerPoint Presentation",
        "PowerPoint-presentation",
        "Presentation1",
        "Präsentation1",
        "Presentación1",
        "Slide 1",
        "Untitled",
        "TITLE",
        "Click to add title",
        "Klicka här för att lägga till en rubrik",
        "PowerPoint-presentatie",
        "Diapositive 1",
        "No Slide Title",
    ],
)
def test_names_programs_and_templates_give_are_stock_titles(title):
    assert is_stock_title(title)


@pytest.mark.parametrize("title", ["Water Finance", "Presentation skills", "Slide rules"])
def test_titles_people_wrote_are_not_stock(title):
    assert not is_stock_title(title)


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("annual_report-2025_v2.pptx", "Annual report 2025 v2"),
        ("iPhone_launch.key", "iPhone launch"),
        ("Budget 2026 (1).pdf", "Budget 2026"),
        ("README", "README"),
    ],
)
def test_a_file_name_is_made_readable(name, readable):
    assert readable_file_name(name) == readable


# -- slides read from a PDF's text ---------------------------------------------------------


def test_a_pdf_pages_footer_row_is_neither_its_title_nor_its_body():
    slide = pdf_slide_text("11/29/2026 6\nHow We Refactor\nWhy it matters", 6)
    assert (slide.title, slide.body) == ("How We Refactor", "Why it matters")


def test_a_page_of_only_a_date_and_a_number_has_no_text():
    assert pdf_slide_text("29.11.2026\n2\n", 2).is_empty


def test_a_dated_line_with_words_stays_the_title():
    slide = pdf_slide_text("Congreso Latinoamericano, 2023-11-10\n¿Quién habla?", 2)
    assert slide.title == "Congreso Latinoamericano, 2023-11-10"


def test_slide_numbers_of_a_libreoffice_pdf_are_not_titles():
    pages = page_texts(str(CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"))
    assert pages[26].startswith("27\n")
    assert pdf_slide_text(pages[26], 27).title == "Logical XML groups (Components)"


# -- the deck's title, from what the pipeline read -----------------------------------------


def job_of(*slides: SlideText, deck_title: str = "", source: str = "structure") -> Job:
    job = Job(Path("original"), Path("scratch"), job_config(), deck_title=deck_title)
    job.slides = [SlideResult(slide, source) for slide in slides]
    return job


def test_the_first_slides_title_is_the_decks_without_its_body():
    job = job_of(
        SlideText(
            title="How We Refactor, and How We Know It",
            body="Emerson Murphy-Hill\nPortland State (now UBC)\nChris Parnin",
        ),
        deck_title="How We Refactor",
    )
    assert default_title(job, "refactor.pptx") == (
        "How We Refactor, and How We Know It",
        TitleFrom.SLIDE,
    )


def test_a_first_slide_without_a_title_gives_its_heading():
    job = job_of(SlideText(body="Draft\nFinanzkrise Teil 4 :", heading="Finanzkrise Teil 4 :"))
    assert default_title(job, "x.pptx") == ("Finanzkrise Teil 4", TitleFrom.SLIDE)


def test_a_title_property_comes_next_and_never_a_later_slide():
    job = job_of(SlideText(), SlideText(title="Agenda"), deck_title="Water Finance")
    assert default_title(job, "x.pptx") == ("Water Finance", TitleFrom.PROPERTY)


def test_a_stock_title_property_gives_way_to_the_file_name():
    job = job_of(SlideText(alt_texts=("A photo",)), deck_title="PowerPoint Presentation")
    assert default_title(job, "annual_report-2025_v2.pptx") == (
        "Annual report 2025 v2",
        TitleFrom.FILE_NAME,
    )


def test_a_deck_without_slides_is_titled_by_its_file_name():
    assert default_title(job_of(), "empty.odp") == ("Empty", TitleFrom.FILE_NAME)


def test_a_number_or_a_date_is_no_deck_title():
    for title in ("2", "0%", "11/29/2026"):
        job = job_of(SlideText(title=title))
        assert default_title(job, "dated.pdf") == ("Dated", TitleFrom.FILE_NAME)


def test_text_recognised_in_a_picture_is_no_deck_title():
    job = job_of(SlideText(), source="ocr")
    job.slides[0].ocr_text = "EF 07:39:24"
    assert default_title(job, "clock.ppt") == ("Clock", TitleFrom.FILE_NAME)


def test_a_pathological_title_is_cut_at_a_word():
    words = "Ministère de l’Enseignement Supérieur et de la Recherche Scientifique "
    title, _ = default_title(job_of(SlideText(title=words * 4)), "x.pptx")
    assert len(title) <= 151 and title.endswith("…")
    assert (words * 4).startswith(title[:-1] + " ")


# -- real files through the whole pipeline -------------------------------------------------

converting = pytest.mark.django_db(transaction=True)


@converting
def test_a_deck_takes_its_first_slides_title_placeholder_not_the_names_below_it(media):
    deck = convert_now(upload(CORPUS / "pptx/poi_ubc_HowWeRefactor.pptx"))
    assert deck.title == "How We Refactor, and How We Know It"
    assert deck.conversion.title_from == TitleFrom.SLIDE
    assert deck.get_absolute_url().endswith("/how-we-refactor-and-how-we-know-it/")


@converting
def test_a_deck_without_a_title_placeholder_takes_the_first_slides_top_line(media):
    deck = convert_now(upload(CORPUS / "pptx/pypptx_test_slides.pptx"))
    assert (deck.title, deck.conversion.title_from) == ("Test text", TitleFrom.SLIDE)


@converting
def test_a_title_property_titles_a_deck_whose_first_slide_has_no_text(media, tmp_path):
    prs = PptxPresentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = "Agenda"
    prs.core_properties.title = "Quarterly review"
    prs.save(tmp_path / "q3.pptx")
    deck = convert_now(upload(tmp_path / "q3.pptx"))
    assert (deck.title, deck.conversion.title_from) == ("Quarterly review", TitleFrom.PROPERTY)


@converting
def test_a_stock_title_property_is_passed_over_for_the_file_name(media):
    deck = convert_now(upload(CORPUS / "pptx/unst_picture.pptx"))  # its title is "Presentation"
    assert (deck.title, deck.conversion.title_from) == ("Unst picture", TitleFrom.FILE_NAME)


@converting
def test_an_empty_first_slide_gives_the_file_name(media):
    deck = convert_now(upload(CORPUS / "odp/odft_blank.odp"))
    assert (deck.title, deck.conversion.title_from) == ("Odft blank", TitleFrom.FILE_NAME)


@converting
def test_a_given_title_is_kept_and_no_source_recorded(media):
    deck = convert_now(upload(CORPUS / "pptx/pypptx_test_slides.pptx", title="Mine"))
    assert (deck.title, deck.conversion.title_from) == ("Mine", "")


@converting
def test_date_and_slide_number_fields_title_no_slide_of_a_ppt(media):
    # PowerPoint 97 has no structure LibreOffice keeps for these slides: they are read from
    # the PDF, whose only text is each slide's footer row.
    deck = convert_now(upload(CORPUS / "ppt/poi_headers_footers.ppt"))
    assert deck.conversion.status == Status.READY
    assert not any(is_field_text(s.title, s.number) for s in deck.slides.all() if s.title)
    assert "11/29" not in deck.title and deck.title == "Poi headers footers"
