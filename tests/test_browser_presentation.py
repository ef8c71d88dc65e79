from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.browser import assert_no_axe_violations, horizontal_overflow
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The large slide images, not their thumbnails (/p/<id>/r<revision>/<n>.webp).
SLIDE_IMAGES = 'img[src$=".webp"]:not([src$="-thumb.webp"])'
WIDTHS = (1280, 360)


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


@pytest.fixture
def deck_page(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url())
    return page


def test_page_shows_its_title_and_every_slide_image_loads(deck_page):
    assert deck_page.locator("h1").inner_text() == "A presentation on the topic: AutoGen talk"
    images = deck_page.locator(SLIDE_IMAGES)
    assert images.count() == 6
    for index in range(6):
        image = images.nth(index)
        # All but the first are loading="lazy": they load once they come near the viewport.
        image.scroll_into_view_if_needed()
        deck_page.wait_for_function("img => img.complete", arg=image.element_handle())
    widths = images.evaluate_all("imgs => imgs.map(img => [img.src, img.naturalWidth])")
    assert [src for src, width in widths if width == 0] == []


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
