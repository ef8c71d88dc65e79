"""Slide pictures in real Chromium: the viewer's frame in the deck's own shape, and the 2×
pictures where the screen has twice the pixels.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from PIL import Image, ImageDraw
from playwright.sync_api import ConsoleMessage, Page

from slideshelf.presentations.models import Slide
from tests.browser import VIEWPORT, wait_in_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, deck_with_slides, draw_2x_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

FRAME = """() => {
  const box = document.querySelector('.stage').getBoundingClientRect();
  return box.width / box.height;
}"""
PICTURE = """() => {
  const img = document.querySelector('.stage img.current');
  const frame = document.querySelector('.stage').getBoundingClientRect();
  const box = img.getBoundingClientRect();
  return {src: img.currentSrc, ratio: img.naturalWidth / img.naturalHeight, done: img.complete,
          srcset: img.getAttribute('srcset') || '', fit: getComputedStyle(img).objectFit,
          overlap: [box.width - frame.width, box.height - frame.height]};
}"""


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("owner", password="pw")


@pytest.fixture
def four_by_three(media, owner):
    """A 4:3 deck of three slides, its 2× pictures drawn."""
    deck = upload(CORPUS / "pptx/pypptx_tbl-cell.pptx", owner=owner, title="Tables")
    return draw_2x_now(convert_now(deck))


@pytest.fixture
def three_shapes(media, owner, tmp_path):
    """A PDF whose pages are 4:3, 16:9 and portrait 9:16, its 2× pictures drawn."""
    pages = []
    for number, size in enumerate([(800, 600), (800, 450), (450, 800)], start=1):
        page = Image.new("RGB", size, "white")
        ImageDraw.Draw(page).text((40, 40), f"Page {number}", fill="black", font_size=48)
        pages.append(page)
    path = tmp_path / "shapes.pdf"
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=72)
    return draw_2x_now(convert_now(upload(path, owner=owner, title="Shapes")))


@contextmanager
def viewing(browser, live_server, deck, scale: float = 1) -> Iterator[Page]:
    """The deck's page, its viewer ready, on a screen of `scale` × the pixel density; the test
    fails if the page's Content-Security-Policy refused anything (Chromium logs each)."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=scale)
    refused: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    context.on("console", seen)
    try:
        page = context.new_page()
        page.goto(live_server.url + deck.get_absolute_url())
        page.wait_for_selector(".viewer.ready")
        yield page
    finally:
        context.close()
    assert not refused, "\n".join(refused)


def shows(page: Page, ending: str) -> None:
    """Wait for the stage's picture to be the file whose address ends so, loaded."""
    wait_in_page(
        page, f"() => document.querySelector('.stage img.current').currentSrc.endsWith('{ending}')"
    )
    wait_in_page(page, "() => document.querySelector('.stage img.current').complete")


def test_a_4_3_deck_fills_its_frame_with_no_bars(browser, live_server, four_by_three):
    slide = four_by_three.slides.get(number=1)
    assert slide.width / slide.height == pytest.approx(4 / 3, rel=0.01)
    with viewing(browser, live_server, four_by_three) as page:
        assert page.evaluate(FRAME) == pytest.approx(4 / 3, rel=0.01)
        picture = page.evaluate(PICTURE)
        assert picture["ratio"] == pytest.approx(4 / 3, rel=0.01)
        # The picture covers the frame, which shows nothing of its own around it.
        assert picture["overlap"] == [pytest.approx(0, abs=1), pytest.approx(0, abs=1)]


@pytest.mark.parametrize(("scale", "picked"), [(1, "/1.webp"), (2, "/1@2x.webp")])
def test_the_browser_picks_the_picture_for_its_pixel_density(
    browser, live_server, four_by_three, scale, picked
):
    with viewing(browser, live_server, four_by_three, scale) as page:
        assert page.evaluate(PICTURE)["src"].endswith(picked)
        # Slides the script shows are offered at both densities too.
        page.keyboard.press("ArrowRight")
        shows(page, picked.replace("/1", "/2"))
        # The strip's thumbnails are 7.5rem wide: 320 px are enough even at twice the density.
        thumb = page.locator(".strip img").first
        thumb.evaluate("img => img.decode()")
        assert thumb.evaluate("img => img.currentSrc").endswith("/1-thumb.webp")


def test_slides_of_other_shapes_show_whole_in_the_deck_s_frame(browser, live_server, three_shapes):
    with viewing(browser, live_server, three_shapes, scale=2) as page:
        assert page.evaluate(FRAME) == pytest.approx(4 / 3, rel=0.01)  # the first page's shape
        for number, ratio in [(3, 9 / 16), (2, 16 / 9), (1, 4 / 3)]:
            page.locator(f'.strip a[data-n="{number}"]').click()
            shows(page, f"/{number}@2x.webp")
            shown = page.evaluate(PICTURE)
            assert shown["ratio"] == pytest.approx(ratio, rel=0.01)
            assert f"/{number}.webp " in shown["srcset"]
            # Laid on the frame whole, which keeps its shape.
            assert shown["fit"] == "contain" and shown["overlap"] == [0, 0]
            assert page.evaluate(FRAME) == pytest.approx(4 / 3, rel=0.01)


def test_a_deck_without_2x_pictures_shows_its_1x_ones_on_any_screen(
    browser, live_server, media, owner
):
    deck = convert_now(upload(CORPUS / "pptx/pypptx_tbl-cell.pptx", owner=owner))
    with viewing(browser, live_server, deck, scale=2) as page:
        assert page.evaluate(PICTURE)["src"].endswith("/1.webp")
        page.keyboard.press("ArrowRight")
        shows(page, "/2.webp")
        assert page.evaluate(PICTURE)["srcset"] == ""
        assert page.evaluate(FRAME) == pytest.approx(4 / 3, rel=0.01)


def test_full_screen_picks_again_for_the_whole_screen(browser, live_server, four_by_three):
    # At 1.5 × the density the page's frame (747 px wide, 944 px in `sizes`) takes the
    # 1600 px picture, the whole screen (1280 px) the 2400 px one.
    with viewing(browser, live_server, four_by_three, scale=1.5) as page:
        assert page.evaluate(PICTURE)["src"].endswith("/1.webp")
        page.get_by_role("button", name="Full screen").click()
        wait_in_page(page, "() => document.fullscreenElement !== null")
        shows(page, "/1@2x.webp")
        page.evaluate("() => document.exitFullscreen()")
        # Back in the page, the column's width again (fullscreenchange comes a frame later).
        wait_in_page(
            page, "() => document.querySelector('.stage img.current').sizes.startsWith('(min')"
        )


def with_2x_files(deck):
    """deck_with_slides' deck with a 2× picture and thumbnail behind every slide, as drawn."""
    folder = Path(settings.MEDIA_ROOT) / deck.media_prefix()
    Image.new("RGB", (1280, 720), "white").save(folder / "picture2x.webp")
    Image.new("RGB", (320, 180), "white").save(folder / "small2x.webp")
    slides = list(deck.slides.all())
    for slide in slides:
        os.link(folder / "picture2x.webp", folder / f"{slide.number}@2x.webp")
        os.link(folder / "small2x.webp", folder / f"{slide.number}-thumb@2x.webp")
        slide.image_2x = f"{deck.media_prefix()}/{slide.number}@2x.webp"
        slide.thumbnail_2x = f"{deck.media_prefix()}/{slide.number}-thumb@2x.webp"
        slide.width_2x, slide.thumb_width_2x = 1280, 320
    Slide.objects.bulk_update(slides, ["image_2x", "thumbnail_2x", "width_2x", "thumb_width_2x"])
    return deck


def test_pictures_the_script_adds_to_a_big_deck_offer_their_2x_files(browser, live_server, media):
    deck = with_2x_files(deck_with_slides(45, title="Forty-five slides"))
    with viewing(browser, live_server, deck, scale=3) as page:
        # The strip grows past the page's first 20 slides as the viewer reaches them.
        page.locator(".stage").focus()
        page.keyboard.press("End")
        shows(page, "/45@2x.webp")
        last = page.locator('.strip a[data-n="45"] img')
        assert "/45-thumb@2x.webp 320w" in last.get_attribute("srcset")
        # The transcript's thumbnails past the first 20 arrive as the reader scrolls to them,
        # their places held in the deck's shape (16:9 here) until then.
        empty = page.locator('.transcript a.thumb[data-n="40"]').bounding_box()
        assert empty["width"] / empty["height"] == pytest.approx(16 / 9, rel=0.02)
        page.locator("#slide-40").scroll_into_view_if_needed()
        filled = page.locator("#slide-40 a.thumb img")
        filled.wait_for()
        assert "/40-thumb@2x.webp 320w" in filled.get_attribute("srcset")
        filled.evaluate("img => img.decode()")
        assert filled.evaluate("img => img.currentSrc").endswith("/40-thumb@2x.webp")
