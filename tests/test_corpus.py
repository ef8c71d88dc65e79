"""The whole corpus through the real pipeline: every deck converts or fails with a reason."""

from __future__ import annotations

import os

import pytest
from django.core.files.storage import default_storage

from slideshelf.conversion.extractors.pdf import page_texts
from slideshelf.conversion.models import Status, TitleFrom
from slideshelf.conversion.services import UNEXPECTED
from slideshelf.conversion.stages.slide_text import pdf_slide_text
from tests.conftest import CORPUS, SQLITE_PASS_ONLY, expected_slides, manifest
from tests.factories import convert_now, upload

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    SQLITE_PASS_ONLY,
]

# Perf files that cost minutes in LibreOffice alone; run with SLIDESHELF_TEST_HUGE=1.
HUGE = {"odp/odft_perf_Presentation5_800slides.odp"}


def good_files() -> list[str]:
    files = [p for p in manifest() if p.split("/")[0] in {"pptx", "ppt", "odp", "pdf"}]
    if not os.environ.get("SLIDESHELF_TEST_HUGE"):
        files = [p for p in files if p not in HUGE]
    return sorted(files)


def broken_files() -> list[str]:
    return sorted(p for p in manifest() if p.startswith("broken/"))


def assert_every_page_with_text_gives_its_slide_text(deck):
    pages = page_texts(default_storage.path(deck.pdf.name))
    for slide in deck.slides.all():
        # A page whose only text is its date or number has none of its own to give.
        if not pdf_slide_text(pages[slide.number - 1], slide.number).is_empty:
            assert slide.full_text.strip(), f"slide {slide.number} lost its text"


def assert_no_automatic_title_is_longer_than_the_first_slides_title(deck):
    """A title from the first slide is its title, or one line of it: never its body run
    together. Titles from the file's title or name are whatever those are."""
    if deck.conversion.title_from != TitleFrom.SLIDE:
        assert deck.conversion.title_from in (TitleFrom.PROPERTY, TitleFrom.FILE_NAME)
        return
    first = deck.slides.get(number=1)
    longest = max(len(line) for line in [first.title, *first.text.splitlines()])
    assert len(deck.title) <= longest + 5, (deck.title, first.title)


@pytest.mark.parametrize("relative", good_files())
def test_corpus_deck_becomes_ready_with_its_real_slide_count(relative, media):
    deck = convert_now(upload(CORPUS / relative))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.slide_count == expected_slides(relative)
    assert deck.slides.count() == deck.slide_count
    assert_every_page_with_text_gives_its_slide_text(deck)
    assert_no_automatic_title_is_longer_than_the_first_slides_title(deck)


@pytest.mark.parametrize("relative", broken_files())
def test_broken_file_converts_or_fails_with_a_specific_message(relative, media):
    deck = convert_now(upload(CORPUS / relative))
    assert deck.conversion.status in (Status.READY, Status.FAILED)
    if deck.conversion.status == Status.FAILED:
        assert deck.conversion.failure_english and deck.conversion.failure_english != UNEXPECTED
        assert default_storage.exists(deck.original.name)  # the original is kept
    else:
        assert deck.slide_count == deck.slides.count() > 0


def test_a_good_deck_converts_after_every_broken_one(media):
    for relative in broken_files():
        convert_now(upload(CORPUS / relative))
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx"))
    assert deck.conversion.status == Status.READY
    assert deck.slide_count == 6
