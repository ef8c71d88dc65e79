from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from tests.browser import assert_no_axe_violations, horizontal_overflow, wait_in_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

# A slide's image or thumbnail: /p/<id>/r<revision>.<audience>/<n>.webp or <n>-thumb.webp.
SLIDE_IMAGE = re.compile(r"/r\d+\.[a-z-]+/(\d+)(?:-thumb)?\.webp$")
WIDTHS = (1280, 360)


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


@pytest.fixture
def deck_page(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url())
    return page


def test_page_shows_its_title_and_an_image_of_every_slide_loads(deck_page):
    assert deck_page.locator("h1").inner_text() == "A presentation on the topic: AutoGen talk"
    loaded, broken = set(), []
    images = deck_page.locator("img")
    for index in range(images.count()):
        image = images.nth(index)
        if not image.is_visible():
            continue  # e.g. a no-script fallback: a hidden lazy image never loads
        # Lazy images load once they come near the viewport, so each is scrolled to first.
        image.scroll_into_view_if_needed()
        wait_in_page(deck_page, "img => img.complete", image.element_handle())
        src, width = image.evaluate("img => [img.currentSrc || img.src, img.naturalWidth]")
        if not width:
            broken.append(src)
        elif slide := SLIDE_IMAGE.search(src):
            loaded.add(int(slide.group(1)))
    assert broken == []
    assert loaded == set(range(1, 7))


def test_page_fits_the_window_at_desktop_and_phone_widths(deck_page, tmp_path):
    for width in WIDTHS:
        deck_page.set_viewport_size({"width": width, "height": 800})
        deck_page.screenshot(path=tmp_path / f"presentation-{width}.png", full_page=True)
        assert horizontal_overflow(deck_page) == 0, f"scrolls sideways at {width} px"
        assert (tmp_path / f"presentation-{width}.png").stat().st_size > 0


def test_presentation_page_passes_axe(deck_page):
    assert_no_axe_violations(deck_page)


def test_home_page_passes_axe(page, live_server, deck):
    page.goto(live_server.url + "/")
    assert_no_axe_violations(page)
