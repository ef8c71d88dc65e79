"""Slide views driven through the real viewer in Chromium reach the owner's statistics: two
readers, one who reads to slide 4 and one who stops at slide 2, and the owner, not counted."""

from __future__ import annotations

import time

import pytest

from slideshelf.pages import counter
from slideshelf.statistics.models import DailyCount
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import deck_with_slides
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def deck(media):
    """Six slides with real pictures, built without LibreOffice: how far readers get does not
    depend on how the slides were made."""
    return deck_with_slides(6, owner=make_user("ada"), title="Reach")


def read_to(browser, url: str, slide: int):
    """A visitor opens the deck, moves to `slide` with the arrow key, then leaves the page.
    The visitor's browser stays open: closing it at once could cancel the beacon on its way."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".viewer.ready")
    page.locator(".stage").focus()
    for _ in range(slide - 1):
        page.keyboard.press("ArrowRight")
    assert page.locator(".viewer .counter").inner_text() == f"Slide {slide} of 6"
    page.goto("about:blank")  # the page is left: its beacon says how far the reader got
    return context


def flushed_when(reached) -> None:
    """Flush the live server's counts until `reached()` holds (a beacon is sent as the page
    goes, and answered a moment later)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        counter.the_counter().flush()
        if reached():
            return
        time.sleep(0.1)
    raise AssertionError("the beacons' counts never arrived")


def test_views_through_the_viewer_show_in_the_statistics(browser, live_server, client, deck):
    url = live_server.url + deck.get_absolute_url()
    readers = [read_to(browser, url, 4), read_to(browser, url, 2)]
    flushed_when(lambda: DailyCount.objects.filter(deck=deck, slide=4).exists())
    flushed_when(lambda: DailyCount.objects.filter(deck=deck, slide=2).exists())
    for reader in readers:
        reader.close()

    client.force_login(deck.owner)
    context = browser.new_context()
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(url)  # the owner's own view is not counted
    page.goto(f"{live_server.url}/my/{deck.public_id}/statistics/")
    counter.the_counter().flush()
    page.reload()
    page.click("text=How far readers got, as a table")
    rows = page.locator("section[aria-labelledby=reach-heading] tbody tr")
    reach = [rows.nth(n).locator("td").all_inner_texts() for n in range(rows.count())]
    assert reach == [
        ["2", "100%"],
        ["2", "100%"],
        ["1", "50%"],
        ["1", "50%"],
        ["0", "0%"],
        ["0", "0%"],
    ]
    assert "2 views" in page.inner_text(".statistics-total")
    context.close()
    assert "2 views" in client.get("/my/").content.decode(), "the totals on the owner's list"
