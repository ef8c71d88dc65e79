"""The viewer on a touch screen, in real Chromium with touch input: a sideways swipe on the
slide moves it, a vertical one scrolls the page, a tap and a pinch do what they always did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page

from tests.browser import csp_violations
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]
PHONE = {"width": 412, "height": 860}


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


@pytest.fixture
def phone(browser: Browser, live_server, deck) -> Iterator[Page]:
    """The deck's page on a phone: a touch screen, the mobile viewport."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    refused = csp_violations(context)
    page = context.new_page()
    try:
        page.goto(live_server.url + deck.get_absolute_url())
        page.wait_for_selector(".viewer.ready")
        yield page
    finally:
        context.close()
    assert not refused, "\n".join(refused)


def touch(page: Page, *paths: tuple[tuple[float, float], tuple[float, float]]) -> None:
    """Fingers put down at each path's start, moved in small steps to its end, lifted: touch
    events as the screen sends them, through the browser's input pipeline."""
    cdp = page.context.new_cdp_session(page)

    def points(fraction: float) -> list[dict[str, float]]:
        return [
            {"x": x0 + (x1 - x0) * fraction, "y": y0 + (y1 - y0) * fraction, "id": i}
            for i, ((x0, y0), (x1, y1)) in enumerate(paths)
        ]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(0)})
    steps = 10
    for step in range(1, steps + 1):
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(step / steps)}
        )
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(100)
    cdp.detach()


def stage_box(page: Page) -> dict[str, float]:
    box = page.locator(".stage").bounding_box()
    assert box
    return box


def counter(page: Page) -> str:
    return page.locator(".viewer .counter").inner_text()


def test_swiping_left_and_right_moves_the_slides_and_the_address(phone, live_server, deck):
    base = live_server.url + deck.get_absolute_url()
    box = stage_box(phone)
    y = box["y"] + box["height"] / 2
    right, left = box["x"] + box["width"] * 0.85, box["x"] + box["width"] * 0.15
    touch(phone, ((right, y), (left, y)))
    assert counter(phone) == "Slide 2 of 6"
    assert phone.url == base + "2/"
    assert phone.locator(".stage img.current").get_attribute("src").endswith("/2.webp")
    touch(phone, ((right, y), (left, y)))
    assert counter(phone) == "Slide 3 of 6" and phone.url == base + "3/"
    touch(phone, ((left, y), (right, y)))
    assert counter(phone) == "Slide 2 of 6" and phone.url == base + "2/"


def test_a_vertical_swipe_on_the_slide_scrolls_the_page_and_keeps_the_slide(phone):
    box = stage_box(phone)
    x = box["x"] + box["width"] / 2
    bottom, top = box["y"] + box["height"] * 0.9, box["y"] + box["height"] * 0.1
    assert phone.evaluate("window.scrollY") == 0
    touch(phone, ((x, bottom), (x, top)))
    assert phone.evaluate("window.scrollY") > 0
    assert counter(phone) == "Slide 1 of 6"


def test_a_tap_still_moves_by_the_half_it_lands_on(phone):
    box = stage_box(phone)
    y = box["y"] + box["height"] / 2
    phone.touchscreen.tap(box["x"] + box["width"] * 0.9, y)
    assert counter(phone) == "Slide 2 of 6"
    phone.touchscreen.tap(box["x"] + box["width"] * 0.1, y)
    assert counter(phone) == "Slide 1 of 6"


def test_a_pinch_on_the_slide_zooms_instead_of_moving_it(phone):
    box = stage_box(phone)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    touch(
        phone,
        ((cx - 20, cy), (cx - 150, cy)),
        ((cx + 20, cy), (cx + 150, cy)),
    )
    assert counter(phone) == "Slide 1 of 6"
    assert phone.evaluate("window.visualViewport.scale") > 1
