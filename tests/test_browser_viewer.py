"""The slide viewer in real Chromium: keys, pointer, address, loading and no-script views."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.browser import horizontal_overflow
from tests.conftest import CORPUS, REPO, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def counter(page):
    return page.locator(".viewer .counter").inner_text()


def current_image(page):
    return page.locator(".stage img.current").get_attribute("src")


def test_keys_move_through_the_slides_and_the_address_follows(page, live_server, deck):
    base = live_server.url + deck.get_absolute_url()
    page.goto(base)
    page.wait_for_selector(".viewer.ready")
    history_length = page.evaluate("history.length")
    page.locator(".stage").focus()
    page.keyboard.press("ArrowRight")
    assert counter(page) == "Slide 2 of 6"
    assert page.url == base + "2/"
    assert current_image(page).endswith("/2.webp")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    assert counter(page) == "Slide 4 of 6" and page.url == base + "4/"
    page.keyboard.press("End")
    assert counter(page) == "Slide 6 of 6"
    page.keyboard.press("ArrowRight")  # past the end stays at the end
    assert counter(page) == "Slide 6 of 6"
    page.keyboard.press("PageUp")
    assert counter(page) == "Slide 5 of 6"
    page.keyboard.press("Home")
    assert counter(page) == "Slide 1 of 6" and page.url == base + "1/"
    # Moving replaces the address instead of adding a history entry per slide.
    assert page.evaluate("history.length") == history_length


def test_slide_address_opens_the_viewer_at_that_slide(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url() + "5/")
    page.wait_for_selector(".viewer.ready")
    assert counter(page) == "Slide 5 of 6"
    assert current_image(page).endswith("/5.webp")
    assert page.locator('.strip a[aria-current="true"]').get_attribute("data-n") == "5"


def test_buttons_clicks_on_the_halves_and_thumbnails_move(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    page.get_by_role("button", name="Next slide").click()
    assert counter(page) == "Slide 2 of 6"
    stage = page.locator(".stage").bounding_box()
    page.mouse.click(stage["x"] + stage["width"] * 0.9, stage["y"] + stage["height"] / 2)
    assert counter(page) == "Slide 3 of 6"
    page.mouse.click(stage["x"] + stage["width"] * 0.1, stage["y"] + stage["height"] / 2)
    assert counter(page) == "Slide 2 of 6"
    page.locator('.strip a[data-n="6"]').click()
    assert counter(page) == "Slide 6 of 6"
    page.locator('.transcript a.thumb[data-n="3"]').click()
    assert counter(page) == "Slide 3 of 6"


def test_counter_is_announced_to_screen_readers(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url())
    live = page.locator(".viewer .counter")
    assert live.get_attribute("aria-live") == "polite"
    assert page.locator(".stage img.current").get_attribute("alt") == deck.slides.get(number=1).alt


def test_loading_message_shows_until_the_first_slide_arrives(page, live_server, deck):
    # Hold the first slide image back, so the loading state can be seen.
    held = []
    page.route("**/r*/1.webp", lambda route: held.append(route))
    page.goto(live_server.url + deck.get_absolute_url(), wait_until="domcontentloaded")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)  # lets Playwright hand the request to the route
    loading = page.locator(".stage .loading")
    assert held, "the first slide was requested"
    assert loading.is_visible()
    assert loading.inner_text() == "Presentation loading. Please wait."
    for route in held:
        route.continue_()
    page.wait_for_selector(".viewer.ready")
    assert not loading.is_visible()


def test_without_javascript_every_slide_image_and_the_transcript_show(browser, live_server, deck):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + deck.get_absolute_url())
        images = page.locator(".all-slides img")
        assert images.count() == 6
        assert all(images.nth(i).is_visible() for i in range(6))
        assert not page.locator(".stage").is_visible()
        assert page.locator(".transcript section").count() == 6
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_page_fits_the_screen_without_horizontal_scrolling(
    browser, live_server, deck, width, tmp_path
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + deck.get_absolute_url())
        page.wait_for_selector(".viewer.ready")
        page.screenshot(path=str(tmp_path / f"presentation-{width}.png"), full_page=True)
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


def test_docs_screenshots_exist():
    # docs/ shows the page as a visitor sees it, at desktop and phone width.
    assert (REPO / "docs" / "presentation-desktop.png").stat().st_size > 10_000
    assert (REPO / "docs" / "presentation-phone.png").stat().st_size > 5_000
