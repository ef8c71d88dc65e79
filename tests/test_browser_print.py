"""The presentation page on paper, in real Chromium: the title, the details and the
transcript, each slide's picture (loaded, even the ones a screen fetches only as the reader
nears them) beside its words; none of the site's or the viewer's chrome."""

from __future__ import annotations

import pypdfium2
import pytest
from django.contrib.auth import get_user_model

from tests.browser import wait_in_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, deck_with_slides, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

HIDDEN_ON_PAPER = (
    "header.site",
    "footer.site",
    ".site-search",
    ".viewer",
    ".controls",
    ".share",
    ".similar",
)
EVERY_PICTURE_LOADED = """() => {
  const sections = [...document.querySelectorAll('.transcript section')];
  return sections.length > 0 && sections.every(section => {
    const img = section.querySelector('a.thumb img');
    return img && img.complete && img.naturalWidth > 0;
  });
}"""


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def test_printing_shows_the_title_details_and_every_slide_beside_its_picture(
    page, live_server, deck
):
    page.goto(live_server.url + deck.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    page.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert page.locator("button:visible").count() == 0
    assert page.locator("h1").is_visible()
    assert page.locator(".deck > .meta").is_visible()
    assert page.locator(".licence").is_visible()
    sections = page.locator(".transcript section")
    assert sections.count() == 6
    wait_in_page(page, EVERY_PICTURE_LOADED)
    for index in range(6):
        section = sections.nth(index)
        assert section.evaluate("s => getComputedStyle(s).breakInside") == "avoid"
        picture = section.locator("a.thumb img").bounding_box()
        words = section.locator(".words").bounding_box()
        assert picture and words
        assert picture["x"] + picture["width"] <= words["x"], "the picture is beside the words"
        assert picture["width"] > 200, "the picture is big enough to read on paper"


def test_a_printed_deck_is_a_pdf_of_several_pages(page, live_server, deck, tmp_path):
    page.goto(live_server.url + deck.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    page.emulate_media(media="print")
    wait_in_page(page, EVERY_PICTURE_LOADED)
    path = tmp_path / "deck.pdf"
    page.pdf(path=str(path), format="A4")
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) > 1
        first_page = pdf[0].get_textpage().get_text_range()
        assert "AutoGen talk" in first_page
        assert "Skip to the transcript" not in first_page
    finally:
        pdf.close()


def test_printing_a_big_deck_fetches_the_pictures_a_screen_would_fetch_later(
    page, live_server, media
):
    # deck_with_slides: a 30-slide page, more than the page's HTML carries pictures for,
    # without LibreOffice converting 30 slides (see its docstring).
    big = deck_with_slides(30, title="Thirty slides", language="en")
    page.goto(live_server.url + big.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    assert page.locator(".transcript a.thumb[data-thumb]").count() == 10
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator(".transcript a.thumb[data-thumb]").count() == 0
    wait_in_page(page, EVERY_PICTURE_LOADED)
    eager = page.locator(".transcript a.thumb img").evaluate_all(
        "imgs => imgs.filter(img => img.loading === 'eager').length"
    )
    assert eager == 30
