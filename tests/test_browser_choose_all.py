""" "Choose all" on the owner's list, in real Chromium: it ticks and clears every card, shows a
dash when only some are ticked, and the bulk form then changes exactly the ticked decks."""

from __future__ import annotations

import pytest

from slideshelf.presentations.models import Presentation
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import deck_with_slides
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def owner_page(browser, live_server, client, media):
    owner = make_user("ada")
    decks = [deck_with_slides(1, owner=owner, title=f"Deck {n}") for n in range(3)]
    client.force_login(owner)
    context = browser.new_context(locale="en", extra_http_headers={"Accept-Language": "en"})
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/my/")
    yield page, decks
    context.close()


def ticked(page) -> list[bool]:
    return page.locator('input[name="deck"]').evaluate_all("boxes => boxes.map(b => b.checked)")


def test_choose_all_ticks_and_clears_every_card(owner_page):
    page, _ = owner_page
    everything = page.get_by_label("Choose all")
    assert everything.is_visible()
    everything.check()
    assert ticked(page) == [True, True, True]
    everything.uncheck()
    assert ticked(page) == [False, False, False]


def test_some_ticked_shows_a_dash_and_only_those_change(owner_page):
    page, decks = owner_page
    everything = page.get_by_label("Choose all")
    everything.check()
    page.uncheck(f"#pick-{decks[0].public_id}")
    assert everything.evaluate("box => box.indeterminate && !box.checked")
    page.check(f"#pick-{decks[0].public_id}")
    assert everything.evaluate("box => box.checked && !box.indeterminate")
    page.uncheck(f"#pick-{decks[0].public_id}")
    page.select_option("#id_action", "private")
    with page.expect_navigation():
        page.click("#bulk button[type=submit]")
    assert "2 presentations are private now." in page.inner_text("[role=status]")
    visibility = dict(Presentation.objects.values_list("public_id", "visibility"))
    assert visibility == {
        decks[0].public_id: "public",
        decks[1].public_id: "private",
        decks[2].public_id: "private",
    }


def test_without_script_there_is_no_choose_all(browser, live_server, client, media):
    owner = make_user("bo")
    deck_with_slides(1, owner=owner)
    client.force_login(owner)
    context = browser.new_context(java_script_enabled=False)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/my/")
    assert not page.get_by_label("Choose all").is_visible()
    assert page.locator('input[name="deck"]').is_visible()
    context.close()
