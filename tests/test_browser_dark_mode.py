"""The site in a browser set to dark: dark grounds, and axe finds no contrast or other
WCAG AA fault on the home page, a presentation, search results and the login page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page

from slideshelf.search.engines import engine
from tests.browser import assert_no_axe_violations, checked_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

# Relative luminance of a computed `rgb(…)` colour, as WCAG defines it.
LUMINANCE = """element => {
  const [r, g, b] = getComputedStyle(element).backgroundColor.match(/[\\d.]+/g).slice(0, 3)
    .map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


@pytest.fixture
def deck(media, settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine.cache_clear()
    owner = get_user_model().objects.create_user("owner", password="pw")
    # Indexed when its transaction commits (SEARCH_SYNC_ON_COMMIT in tests).
    yield convert_now(
        upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk", language="en")
    )
    engine.cache_clear()


@pytest.fixture
def dark(browser: Browser) -> Iterator[Page]:
    yield from checked_page(browser, color_scheme="dark")


@pytest.fixture
def light(browser: Browser) -> Iterator[Page]:
    yield from checked_page(browser, color_scheme="light")


def ground(page: Page, selector: str = "body") -> float:
    return float(page.locator(selector).first.evaluate(LUMINANCE))


@pytest.mark.parametrize(
    "where",
    ["home", "presentation", "search", "login"],
)
def test_pages_are_dark_and_pass_axe_in_a_dark_browser(dark, live_server, deck, where):
    path = {
        "home": "/",
        "presentation": deck.get_absolute_url(),
        "search": "/search/?q=AutoGen",
        "login": "/login/",
    }[where]
    dark.goto(live_server.url + path)
    if where == "presentation":
        dark.wait_for_selector(".viewer.ready")
    if where == "search":
        assert dark.locator(".result").count() >= 1, "the search found the deck"
    assert ground(dark) < 0.05, "the page's ground is dark"
    assert ground(dark, "header.site") < 0.05, "the header's ground is dark"
    assert dark.evaluate("getComputedStyle(document.documentElement).colorScheme") == "light dark"
    assert_no_axe_violations(dark)


def test_search_marks_and_the_shortcuts_list_pass_axe_in_the_dark(dark, live_server, deck):
    dark.goto(live_server.url + deck.get_absolute_url() + "?q=AutoGen")
    dark.wait_for_selector(".viewer.ready")
    assert dark.locator(".transcript mark").count() >= 1
    dark.get_by_role("button", name="Keyboard shortcuts").click()
    assert ground(dark, "dialog#shortcuts") < 0.05
    assert_no_axe_violations(dark)


def test_a_light_browser_still_gets_the_light_site(light, live_server, deck):
    light.goto(live_server.url + "/")
    assert ground(light) > 0.8
