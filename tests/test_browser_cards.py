"""Lists of decks in real Chromium: a card holds a title no word break fits, covers of 4:3
and 16:9 decks lie in one 16:9 frame so a row stays even, and a short page's footer sits at
the window's foot."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.browser import horizontal_overflow, wait_in_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

ADDRESS = "presentations.for.the.whole.municipality@kommunen.example.org"
WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" + "xy"
# Both shapes, from the corpus manifest: mkd_test is 16:9, pypptx_tbl-cell 4:3.
WIDE, SQUARE = "pptx/mkd_test.pptx", "pptx/pypptx_tbl-cell.pptx"
CARDS = """cards => cards.map(card => {
  const img = card.querySelector('img'), title = card.querySelector('.card-title');
  const box = card.getBoundingClientRect(), frame = img.getBoundingClientRect();
  return {
    ratio: img.naturalWidth / img.naturalHeight,
    fit: getComputedStyle(img).objectFit,
    frame: [frame.top, frame.width, frame.height],
    titleTop: title.getBoundingClientRect().top,
    inside: title.getBoundingClientRect().right <= box.right + 0.5
      && card.scrollWidth <= card.clientWidth,
  };
})"""


@pytest.fixture
def decks(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return [
        convert_now(upload(CORPUS / WIDE, owner=owner, title=ADDRESS)),
        convert_now(upload(CORPUS / SQUARE, owner=owner, title=WORD)),
    ]


def cards(page) -> list[dict]:
    for img in page.locator(".card img").all():
        img.scroll_into_view_if_needed()  # lazy covers load as they near the window
        wait_in_page(page, "img => img.complete && img.naturalWidth > 0", img.element_handle())
    return page.locator(".card").evaluate_all(CARDS)


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("path", ["/", "/u/owner/"])
def test_long_titles_wrap_and_mixed_covers_keep_one_frame(page, live_server, decks, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    found = cards(page)
    assert len(found) == 2
    ratios = sorted(round(card["ratio"], 2) for card in found)
    assert ratios == [1.33, 1.78], "one 4:3 and one 16:9 cover"
    for card in found:
        assert card["inside"], "the title stays inside its card"
        assert card["fit"] == "contain"
        _top, frame_width, frame_height = card["frame"]
        assert frame_width / frame_height == pytest.approx(16 / 9, abs=0.02)
    assert horizontal_overflow(page) == 0
    if width == 1280:  # side by side: the same frame, the titles on one line
        assert found[0]["frame"] == pytest.approx(found[1]["frame"], abs=0.5)
        assert found[0]["titleTop"] == pytest.approx(found[1]["titleTop"], abs=0.5)


def test_a_short_pages_footer_sits_at_the_foot_of_the_window(page, live_server, decks):
    page.goto(live_server.url + "/login/")
    footer = page.locator("footer.site").bounding_box()
    assert footer
    assert footer["y"] + footer["height"] == pytest.approx(800, abs=1)
    # A long page's footer is after its content, below the window.
    page.goto(live_server.url + decks[0].get_absolute_url())
    footer = page.locator("footer.site").bounding_box()
    assert footer and footer["y"] > 800
