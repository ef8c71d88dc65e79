"""An 800-slide deck in real Chromium: the first slides come with the page, the rest as the
reader gets to them; without JavaScript, blocks of slides with links between them."""

from __future__ import annotations

import pytest

from tests.browser import assert_no_axe_violations, horizontal_overflow, wait_in_page
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import deck_with_slides

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]
SLIDES = 800


@pytest.fixture
def big(media):
    return deck_with_slides(SLIDES, title="Eight hundred slides", language="en")


def strip_length(page) -> int:
    return page.locator(".strip a").count()


def loaded(page, selector: str) -> bool:
    return page.locator(selector).evaluate("img => img.complete && img.naturalWidth > 0")


def test_the_strip_grows_as_it_scrolls_and_as_the_viewer_moves(page, live_server, big):
    page.goto(live_server.url + big.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    assert strip_length(page) == 20, "the first 20 come with the page"
    for batch in (40, 60):
        page.locator(".strip").evaluate("strip => { strip.scrollLeft = strip.scrollWidth; }")
        wait_in_page(page, f"() => document.querySelectorAll('.strip a').length == {batch}")
    page.locator(".stage").focus()
    page.keyboard.press("End")
    assert page.locator(".viewer .counter").inner_text() == "Slide 800 of 800"
    last = page.locator('.strip a[data-n="800"]')
    assert last.get_attribute("aria-current") == "true"
    wait_in_page(page, "() => document.querySelector('.strip a[data-n=\"800\"] img').naturalWidth")
    assert last.locator("img").get_attribute("alt") == "Slide 800"


def test_transcript_thumbnails_arrive_as_the_reader_scrolls(page, live_server, big):
    page.goto(live_server.url + big.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    assert page.locator("#slide-500 a.thumb img").count() == 0, "not loaded up front"
    page.locator("#slide-500").scroll_into_view_if_needed()
    page.wait_for_selector("#slide-500 a.thumb img")
    wait_in_page(page, "() => document.querySelector('#slide-500 a.thumb img').complete")
    assert loaded(page, "#slide-500 a.thumb img")
    assert page.locator("#slide-780 a.thumb img").count() == 0, "far below: still waiting"
    page.locator("#slide-500 a.thumb").click()
    assert page.locator(".viewer .counter").inner_text() == "Slide 500 of 800"


def test_a_deep_slide_address_opens_there_with_its_thumbnail_marked(page, live_server, big):
    page.goto(live_server.url + big.get_absolute_url() + "437/")
    page.wait_for_selector(".viewer.ready")
    assert page.locator(".viewer .counter").inner_text() == "Slide 437 of 800"
    assert page.locator('.strip a[aria-current="true"]').get_attribute("data-n") == "437"
    assert page.locator('.strip a[data-n="437"]').is_visible()
    page.locator("#slide-437").scroll_into_view_if_needed()
    page.wait_for_selector("#slide-437 a.thumb img")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [1280, 360])
def test_without_javascript_slides_come_in_blocks_of_twenty(browser, live_server, big, width):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + big.get_absolute_url())
        assert page.locator(".all-slides img").count() == 20
        assert page.locator(".transcript section").count() == SLIDES
        assert not page.locator('.transcript a.thumb[data-n="21"]').is_visible(), "no empty link"
        assert page.get_by_role("link", name="Slides 21–40").count() == 2, "above and below"
        page.get_by_role("link", name="Slides 21–40").last.click()
        assert page.url.endswith(big.get_absolute_url() + "21/")
        numbers = page.locator(".all-slides li").evaluate_all("items => items.map(i => i.id)")
        assert numbers == [f"s{n}" for n in range(21, 41)]
        blocks = page.get_by_role("navigation", name="Browse the slides").inner_text()
        assert " ".join(blocks.split()) == "Slides 1–20 Slides 21–40 of 800 Slides 41–60"
        assert horizontal_overflow(page) == 0
    finally:
        context.close()
