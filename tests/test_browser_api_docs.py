"""The API's documentation in real Chromium: served from the site, under its CSP, usable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import WIDTHS, assert_fits_and_passes_axe, horizontal_overflow
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import deck_with_slides

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


def test_the_documentation_shows_every_operation_and_tries_one(page, live_server, media):
    deck = deck_with_slides(2, title="Tried from the docs")
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(live_server.url + "/api/v1/docs/")
    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible()
    summaries = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/decks/" in summaries and "/api/v1/decks/{public_id}/" in summaries
    page.get_by_role("button", name="GET /api/v1/decks/{public_id}/ A deck and every slide").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_placeholder("public_id").fill(deck.public_id)
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".response .response-col_status").first).to_have_text("200")
    expect(page.locator(".highlight-code").first).to_contain_text("Tried from the docs")
    elsewhere = [url for url in asked if not url.startswith(live_server.url)]
    assert not elsewhere, f"the documentation asked other sites: {elsewhere}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_documentation_fits_every_width_and_passes_axe(browser, live_server, media, language):
    """As it first shows: axe clean, its words said to be English (Swagger UI speaks no other
    language). An operation opened and tried still fits every width; axe is not asked there:
    Swagger UI's own copy buttons have no names and its code boxes scroll without a keyboard
    stop, which the site cannot mend from outside."""
    deck = deck_with_slides(2, title="Tried from the docs")
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/api/v1/docs/")
        expect(page.locator(".opblock").first).to_be_visible()
        assert page.locator("html").get_attribute("lang") == "en"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            assert_fits_and_passes_axe(page, f"API documentation at {width} px")
        page.get_by_role(
            "button", name="GET /api/v1/decks/{public_id}/ A deck and every slide"
        ).click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_placeholder("public_id").fill(deck.public_id)
        page.get_by_role("button", name="Execute").click()
        expect(page.locator(".response .response-col_status").first).to_have_text("200")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            assert horizontal_overflow(page) == 0, f"tried, at {width} px"
    finally:
        context.close()
