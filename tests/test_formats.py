"""Every format LibreOffice opens as a presentation converts; the files are made in tmp_path."""

from __future__ import annotations

import pytest

from slideshelf.conversion.models import Status
from slideshelf.conversion.sniff import EXTENSIONS
from slideshelf.studio.forms import ACCEPT
from tests.conftest import CORPUS, REPO
from tests.factories import convert_now, upload
from tests.formats import NOTES, TITLES, deck_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("extension", "file_type"),
    [
        *[(extension, "pptx") for extension in ("pptm", "ppsx", "ppsm", "potx", "potm")],
        ("pot", "ppt"),
        ("pps", "ppt"),
        ("otp", "odp"),
        ("fodp", "fodp"),
        ("sxi", "sxi"),
    ],
)
def test_presentation_format_converts_with_its_titles_and_notes(
    media, tmp_path, extension, file_type
):
    deck = convert_now(upload(deck_as(extension, tmp_path)))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.conversion.file_type == file_type
    slides = list(deck.slides.all())
    assert [slide.title for slide in slides] == TITLES
    assert slides[0].text_source == "structure"
    assert NOTES in slides[0].notes


@pytest.mark.parametrize(
    ("extension", "file_type"), [("sxd", "sxd"), ("odg", "odg"), ("otg", "odg")]
)
def test_draw_document_pages_become_slides_with_their_pdf_text(
    media, tmp_path, extension, file_type
):
    deck = convert_now(upload(deck_as(extension, tmp_path)))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.conversion.file_type == file_type
    slides = list(deck.slides.all())
    assert [slide.title for slide in slides] == TITLES
    assert [slide.text for slide in slides] == ["alpha body", "beta body"]
    assert {slide.text_source for slide in slides} == {"pdf"}


def test_flat_draw_document_converts(media, tmp_path):
    deck = convert_now(upload(deck_as("fodg", tmp_path)))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.conversion.file_type == "fodg" and deck.slide_count == 2


@pytest.mark.slow
def test_powerpoint_4_file_converts_with_every_slide(media):
    deck = convert_now(upload(CORPUS / "broken/poi_pp40only.ppt"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.slide_count == 87
    second = deck.slides.get(number=2)
    assert "Question1" in second.title + second.text


def test_upload_form_offers_every_format_the_sniffer_accepts():
    assert ACCEPT.split(",") == list(EXTENSIONS)
    assert {".sxi", ".fodp", ".pot", ".ppsm", ".odg", ".sxd"} <= set(EXTENSIONS)


def test_readme_names_every_accepted_format():
    opening = (REPO / "README.md").read_text().split("\n\n")[1]
    missing = [ext for ext in EXTENSIONS if ext[1:].upper() not in opening]
    assert missing == []
