"""The viewer's keyboard shortcuts in real Chromium: "?" and a button open a native dialog
listing them, Esc closes it, and focus goes back to where it was."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.browser import assert_no_axe_violations
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("owner", password="pw")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


@pytest.fixture
def deck_page(page, live_server, deck):
    page.goto(live_server.url + deck.get_absolute_url())
    page.wait_for_selector(".viewer.ready")
    return page


def dialog_open(page) -> bool:
    return page.locator("dialog#shortcuts").evaluate("dialog => dialog.open")


def focused(page) -> str:
    return page.evaluate("document.activeElement.className || document.activeElement.tagName")


def test_question_mark_opens_the_list_of_shortcuts_and_esc_gives_focus_back(deck_page):
    deck_page.locator(".stage").focus()
    deck_page.keyboard.press("?")
    dialog = deck_page.get_by_role("dialog", name="Keyboard shortcuts")
    assert dialog.is_visible()
    assert dialog.evaluate("dialog => dialog.matches(':modal')")
    keys = [" ".join(text.split()) for text in dialog.locator("dt").all_text_contents()]
    assert keys == ["←Left arrow →Right arrow", "Page Up Page Down", "Home End", "?", "Esc"]
    # Keys pressed while the list is open move no slide.
    deck_page.keyboard.press("ArrowRight")
    assert deck_page.locator(".viewer .counter").inner_text() == "Slide 1 of 6"
    deck_page.keyboard.press("Escape")
    assert not dialog_open(deck_page)
    assert focused(deck_page) == "stage js-only"


def test_the_button_opens_the_list_and_its_close_button_closes_it(deck_page):
    button = deck_page.get_by_role("button", name="Keyboard shortcuts")
    assert button.is_visible()
    button.click()
    assert dialog_open(deck_page)
    assert_no_axe_violations(deck_page)
    deck_page.get_by_role("button", name="Close").click()
    assert not dialog_open(deck_page)
    assert focused(deck_page) == "shortcuts-button"


def test_question_mark_typed_in_the_search_box_opens_nothing(deck_page):
    deck_page.locator("#site-search-q").fill("")
    deck_page.locator("#site-search-q").press("?")
    assert deck_page.locator("#site-search-q").input_value() == "?"
    assert not dialog_open(deck_page)


def test_the_list_speaks_the_visitors_language(browser, live_server, deck):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(live_server.url + deck.get_absolute_url())
        page.wait_for_selector(".viewer.ready")
        page.get_by_role("button", name="Kortkommandon").click()
        dialog = page.get_by_role("dialog", name="Kortkommandon")
        assert dialog.is_visible()
        assert "Föregående och nästa bild" in dialog.inner_text()
    finally:
        context.close()
