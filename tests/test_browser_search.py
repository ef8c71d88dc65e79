"""Search in real Chromium: the header box, a slide hit to its slide with marked words, axe-core."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from slideshelf.presentations.models import Presentation, Slide
from slideshelf.search.engines import engine
from tests.browser import assert_no_axe_violations, horizontal_overflow
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def deck(media, settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine.cache_clear()
    owner = get_user_model().objects.create_user("anna", password="pw", first_name="Anna")
    # Decks are indexed when their transaction commits (SEARCH_SYNC_ON_COMMIT in tests).
    converted = convert_now(
        upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk", language="en")
    )
    swedish = Presentation.objects.create(
        owner=owner,
        title="Tolka tabeller i presentationer",
        language="sv",
        revision=1,
        slide_count=2,
        original_name="tabeller.pptx",
    )
    Slide.objects.bulk_create(
        Slide(presentation=swedish, number=n, title=title, text_source="structure")
        for n, title in ((1, "Varför tabeller?"), (2, "Parsing av tabeller i praktiken"))
    )
    swedish.save()  # indexed again, now with its slides
    yield converted
    engine.cache_clear()


def test_a_search_from_the_header_leads_to_the_slide_with_its_words_marked(page, live_server, deck):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search presentations").fill("chart parsing")
    page.get_by_role("searchbox", name="Search presentations").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=chart\+parsing$"))
    expect(page.locator("h1")).to_have_text("Search results for “chart parsing”")
    result = page.locator(".result", has_text="AutoGen talk")
    expect(result.locator(".hits mark").first).to_be_visible()
    result.get_by_role("link", name="Slide 4").click()
    page.wait_for_url(re.compile(rf"{deck.get_absolute_url()}4/\?q=chart\+parsing$"))
    expect(page.locator(".viewer .counter")).to_have_text("Slide 4 of 6")
    expect(page.locator(".transcript .search-note")).to_contain_text("chart parsing")
    marked = page.locator("#slide-4 mark").all_inner_texts()
    assert [word.lower() for word in marked] == ["chart", "parsing"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_search_pages_pass_axe(browser, live_server, deck, language):
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    try:
        for query in ("?q=parsing", "?q=parsing&language=en", "?q=xqzzyvv+-parsing", "", "?q=-x"):
            response = page.goto(f"{live_server.url}/search/{query}")
            assert response.status == 200
            assert page.locator("html").get_attribute("lang") == language
            assert_no_axe_violations(page)
        page.goto(f"{live_server.url}{deck.get_absolute_url()}3/?q=parsing")
        assert page.locator(".transcript mark").count() >= 1
        assert_no_axe_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_search_page_fits_the_screen_without_horizontal_scrolling(
    browser, live_server, deck, width, tmp_path
):
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        locale="sv",
        extra_http_headers={"Accept-Language": "sv"},
    )
    page = context.new_page()
    try:
        for name, query in (("results", "?q=parsing"), ("empty", ""), ("none", "?q=xqzzyvv")):
            page.goto(f"{live_server.url}/search/{query}")
            page.screenshot(path=str(tmp_path / f"search-{name}-{width}.png"), full_page=True)
            assert horizontal_overflow(page) == 0, name
        page.goto(live_server.url + "/")
        page.screenshot(path=str(tmp_path / f"home-{width}.png"))
        assert horizontal_overflow(page) == 0
        page.goto(f"{live_server.url}{deck.get_absolute_url()}3/?q=parsing")
        page.locator("#transcript").scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / f"presentation-{width}.png"))
        assert horizontal_overflow(page) == 0
    finally:
        context.close()
