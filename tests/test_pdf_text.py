"""The text read from PDF pages: lines in reading order, whole words, titles and footers.

Two decks are made here with python-pptx, one with a slide for each kind of text and one
with a chart, and saved as PDF by the real LibreOffice once for the module; the shared
corpus's PDFs show the rest. Where pdfium alone reads a line wrongly, a comment says how.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches, Pt

from slideshelf.conversion.extractors.pdf import page_texts, read_pages
from slideshelf.conversion.extractors.pdf_text import PageText, TextLine, across_pages
from slideshelf.conversion.office.client import Output
from slideshelf.conversion.runtime import get_office
from slideshelf.conversion.stages.slide_text import pdf_slide_text
from slideshelf.conversion.stages.to_pdf import PDF_FILTER
from tests.conftest import CORPUS, SQLITE_PASS_ONLY

pytestmark = SQLITE_PASS_ONLY

PLUGFEST = CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"
ARABIC_CID = CORPUS / "pdf/pdfjs_ArabicCIDTrueType.pdf"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

ARABIC = ["السلام عليكم ورحمة الله", "لا إله إلا الله", "بِسْمِ اللَّهِ الرَّحْمَنِ"]
MIXED_RIGHT_TO_LEFT = ["مؤتمر LibreOffice 2024 للمطورين", "Version 2 من البرنامج (تجريبي)"]
MIXED_LEFT_TO_RIGHT = ["We use اللغة العربية in class", "Name: محمد علي, age 30"]
HEBREW = ["שאלה 1: מה?", "שלום עולם (בדיקה)"]
LIGATURES = "ﬁrst ﬂoor, oﬀ, oﬃce, baﬄe"
WRAPPED_TITLE = "Quarterly results of the northern region sales offices"
FOOTER = "Jane Doe"


def add_slide(deck, title: str, lines=(), right_to_left: bool = False):
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    for index, line in enumerate(lines):
        paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
        paragraph.text = line
        if right_to_left:
            paragraph._p.get_or_add_pPr().set("rtl", "1")
    return slide


def numbered(slide) -> None:
    for paragraph in slide.placeholders[1].text_frame.paragraphs:
        etree.SubElement(
            paragraph._p.get_or_add_pPr(), f"{DRAWINGML}buAutoNum", type="arabicPeriod"
        )


def with_footer(slide, number: int) -> None:
    box = slide.shapes.add_textbox(Inches(0.2), Inches(7.1), Inches(3), Inches(0.3))
    box.text_frame.text = f"{FOOTER} {number}"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(10)


def deck(path: Path) -> Path:
    presentation = Presentation()
    slides = [
        add_slide(presentation, "مرحبا بالعالم", ARABIC, right_to_left=True),
        add_slide(presentation, "مؤتمر المطورين", MIXED_RIGHT_TO_LEFT, right_to_left=True),
        add_slide(presentation, "Mixed", MIXED_LEFT_TO_RIGHT),
        add_slide(presentation, "שלום", HEBREW, right_to_left=True),
        add_slide(presentation, "Ligatures", [LIGATURES]),
        add_slide(presentation, WRAPPED_TITLE, ["Sales grew"]),
        add_slide(presentation, "Steps", ["Plan", "Build", "Ship"]),
    ]
    numbered(slides[6])
    # Liberation Sans has no ﬀ ﬃ ﬄ: LibreOffice draws them from another font, after the line.
    slides[4].placeholders[1].text_frame.paragraphs[0].runs[0].font.name = "Liberation Sans"
    for number, slide in enumerate(slides, start=1):
        with_footer(slide, number)
    presentation.save(str(path))
    return path


def chart_deck(path: Path) -> Path:
    """Bars for twenty age groups, whose axis LibreOffice labels 0, 2, 4 … 20 so close that
    pdfium runs the labels together."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "Ages"
    data = CategoryChartData()
    data.categories = [f"{age} to {age + 4} years" for age in range(0, 100, 5)]
    data.add_series("People", range(20))
    chart = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(1.5), Inches(8), Inches(5), data
    ).chart
    chart.category_axis.tick_labels.font.size = Pt(9)
    presentation.save(str(path))
    return path


def as_pdf(path: Path) -> list[PageText]:
    """The deck's pages as LibreOffice draws them into a PDF and the reader reads them."""
    office = get_office()
    assert office is not None, "LibreOffice is installed by 'make test' as root"
    pdf = path.with_suffix(".pdf")
    office.convert(str(path), [Output(str(pdf), PDF_FILTER)])
    return read_pages(str(pdf))


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> list[PageText]:
    return as_pdf(deck(tmp_path_factory.mktemp("pdf_text") / "deck.pptx"))


@pytest.fixture(scope="module")
def chart(tmp_path_factory) -> PageText:
    return as_pdf(chart_deck(tmp_path_factory.mktemp("pdf_text") / "chart.pptx"))[0]


def texts(page: PageText) -> list[str]:
    """The page's lines, without the bullets the deck's template gives its points."""
    return [line.text.removeprefix("• ") for line in page.lines]


# -- right-to-left text ---------------------------------------------------------------------


@pytest.mark.office
def test_arabic_reads_in_the_order_it_is_typed_ligatures_and_vowel_signs_too(made):
    assert pdf_slide_text(made[0], 1).title == "مرحبا بالعالم"
    for line in ARABIC:  # لا is one glyph; pdfium alone gives ال
        assert line in texts(made[0])


@pytest.mark.office
def test_latin_words_and_numbers_in_an_arabic_line_keep_their_place(made):
    for line in MIXED_RIGHT_TO_LEFT:  # pdfium alone: "2 Version", "2024 LibreOffice"
        assert line in texts(made[1])


@pytest.mark.office
def test_arabic_words_in_a_latin_line_are_in_order_with_spaces_around_them(made):
    for line in MIXED_LEFT_TO_RIGHT:  # pdfium alone: "We use العربية اللغة in class"
        assert line in texts(made[2])


@pytest.mark.office
def test_hebrew_numbers_and_brackets_read_as_typed(made):
    for line in HEBREW:  # pdfium alone: "שאלה :1 מה?", "שלום עולם )בדיקה("
        assert line in texts(made[3])


def test_a_right_to_left_pdf_that_pdfium_reads_well_stays_as_it_was():
    assert page_texts(str(ARABIC_CID)) == ["\n".join(["انواع الخطوط العربية"] * 4)]


# -- characters -------------------------------------------------------------------------------


@pytest.mark.office
def test_ligatures_are_written_out_even_when_drawn_in_another_font(made):
    assert "first floor, off, office, baffle" in texts(made[4])  # pdfium alone: "o , o ce"


def test_ligatures_are_written_out_but_other_compatibility_characters_keep_their_meaning():
    slide = pdf_slide_text("ﬁnance\nx² H₂O Ｋ ﬆ")
    assert (slide.title, slide.body) == ("finance", "x² H₂O Ｋ st")


def test_no_control_character_is_left_where_pdfium_marked_a_line_end_hyphen():
    pages = page_texts(str(PLUGFEST))
    assert not any(char < " " and char != "\n" for text in pages for char in text)
    assert "Chairing the OASIS ODF Advanced Collaboration Sub-Committee" in pages[57]
    assert "http://www.microsoft.com/en-us/news/press/2009/dec09/12-16statement.aspx" in pages[59]


def test_a_word_hyphenated_at_a_line_end_is_joined_when_the_document_writes_it_whole():
    pages = [
        PageText((TextLine("the detec\x02tion area and the Sub\x02Committee"),)),
        PageText((TextLine("Detection is quick"), TextLine("a sel\x02sel pair"))),
    ]
    first, second = (page.text for page in across_pages(pages))
    assert first == "the detection area and the Sub-Committee"
    assert second.endswith("a sel-sel pair")


# -- lines --------------------------------------------------------------------------------


@pytest.mark.office
def test_a_numbered_lists_items_are_lines_of_their_own_with_a_space_after_the_number(made):
    assert texts(made[6])[1:4] == ["1. Plan", "2. Build", "3. Ship"]  # pdfium alone: "1.Plan"


@pytest.mark.office
def test_labels_pdfium_runs_together_are_apart(chart):
    lines = texts(chart)
    assert "50 to 54 years" in lines and "55 to 59 years" in lines
    assert "0 2 4 6 8 10 12 14 16 18 20" in lines  # pdfium alone: "02468 10 12 14 16 18 20"


# -- titles ---------------------------------------------------------------------------------


@pytest.mark.office
def test_a_title_wrapped_onto_two_lines_is_kept_whole(made):
    page = made[5]
    assert page.lines[0].text != WRAPPED_TITLE  # it does wrap
    slide = pdf_slide_text(page, 6)
    assert (slide.title, slide.body.split("\n")[0]) == (WRAPPED_TITLE, "• Sales grew")


def test_titles_wrapped_in_a_real_deck_are_whole_and_subtitles_stay_apart():
    pages = read_pages(str(PLUGFEST))
    assert pdf_slide_text(pages[0], 1).title == "Collaborated Editing on ODF"
    assert pdf_slide_text(pages[9], 10).title == "Flaws of current Change-Tracking"
    demo = pdf_slide_text(pages[16], 17)  # a title, and under it a line of the same size
    assert demo.title == "Demo: MS Office2011 Mac"
    assert demo.body.startswith("Change 1: Format substring")


@pytest.mark.office
def test_a_footer_repeated_on_every_page_is_never_a_title_but_stays_in_the_body(made):
    for number, page in enumerate(made, start=1):
        footer = [line for line in page.lines if line.footer]
        assert [line.text for line in footer] == [f"{FOOTER} {number}"]
        slide = pdf_slide_text(page, number)
        assert FOOTER not in slide.title
        assert slide.body.endswith(f"{FOOTER} {number}")


def test_the_authors_name_at_the_foot_of_a_real_deck_is_not_its_slides_title():
    pages = read_pages(str(PLUGFEST))
    assert pages[1].lines[0].text == "Svante Schubert 2"  # drawn first, at the foot
    slides = [pdf_slide_text(page, number) for number, page in enumerate(pages, start=1)]
    assert slides[1].title == "Who am I"
    assert (
        slides[2].title == "Change-Tracking (CT) Interoperability ODF with Microsoft Offices (MSO)"
    )
    assert not any(slide.title.startswith("Svante Schubert") for slide in slides)
    assert slides[1].body.endswith("Svante Schubert 2")


def test_a_title_repeated_on_every_page_at_its_top_is_no_footer():
    pages = [
        PageText((TextLine(f"Step {n}", 40, 20, 60, 10, 300), TextLine(word, 20, 100, 120)), 540)
        for n, word in enumerate(["Plan", "Build", "Test", "Ship", "Rest"], start=1)
    ]
    pages = across_pages(pages)
    assert not any(line.footer for page in pages for line in page.lines)
    assert pdf_slide_text(pages[3], 4).title == "Step 4"
