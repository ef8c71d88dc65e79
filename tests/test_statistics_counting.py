"""What is counted for the statistics, and what is not: views on the page and in the player,
downloads, and how far a view got (the reach beacon); never a robot's or the owner's, and
nothing about the visitor."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from slideshelf.presentations.models import Visibility
from slideshelf.statistics.models import DailyCount
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db

ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def owner():
    return make_user("owner")


@pytest.fixture
def deck(media, owner):
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def counted(deck) -> dict[tuple[str, int], int]:
    """Today's counts (the tests' counter writes at once), zeros left out."""
    found = DailyCount.objects.filter(deck=deck, day=timezone.localdate())
    return {(row.kind, row.slide): row.count for row in found if row.count}


def beacon(client: Client, deck, agent: str = "", **data: str | int):
    return client.post(reverse("deck-reach", args=[deck.public_id]), data, HTTP_USER_AGENT=agent)


def test_a_page_view_counts_once_as_reaching_the_slide_it_opens_at(client, deck):
    client.get(deck.get_absolute_url())
    response = client.get(f"{deck.get_absolute_url()}4/")
    assert response.cookies == {}
    assert counted(deck) == {("page", 0): 2, ("reach", 1): 1, ("reach", 4): 1}
    deck.refresh_from_db()
    assert deck.view_count == 2


def test_player_views_and_downloads_are_counted_by_kind(client, deck):
    client.get(f"/embed/{deck.public_id}/?slide=3")
    client.get(reverse("download-original", args=[deck.public_id]))
    client.get(reverse("download-pdf", args=[deck.public_id]))
    client.get(reverse("download-pdf", args=[deck.public_id]), HTTP_RANGE="bytes=1000-")
    client.head(reverse("download-pdf", args=[deck.public_id]))
    assert counted(deck) == {("embed", 0): 1, ("reach", 3): 1, ("original", 0): 1, ("pdf", 0): 1}


def test_robots_are_not_counted_anywhere(client, deck):
    client.get(deck.get_absolute_url(), HTTP_USER_AGENT=ROBOT)
    client.get(f"/embed/{deck.public_id}/", HTTP_USER_AGENT=ROBOT)
    client.get(reverse("download-pdf", args=[deck.public_id]), HTTP_USER_AGENT=ROBOT)
    assert beacon(client, deck, ROBOT, **{"from": 1, "to": 3}).status_code == 204
    assert counted(deck) == {}


def test_the_owner_is_not_counted_on_the_page_downloads_or_reach(client, deck, owner):
    client.force_login(owner)
    client.get(deck.get_absolute_url())
    client.get(reverse("download-original", args=[deck.public_id]))
    assert beacon(client, deck, **{"from": 1, "to": 6}).status_code == 204
    assert counted(deck) == {}
    deck.refresh_from_db()
    assert deck.view_count == 0


def test_nothing_is_counted_with_counting_off(client, deck, settings):
    settings.COUNT_VIEWS = False
    client.get(deck.get_absolute_url())
    client.get(reverse("download-pdf", args=[deck.public_id]))
    assert counted(deck) == {}


def test_the_beacon_moves_a_view_to_its_furthest_slide_without_csrf_or_session(deck):
    browser = Client(enforce_csrf_checks=True)
    browser.get(f"{deck.get_absolute_url()}2/")
    response = beacon(browser, deck, **{"from": 2, "to": 5})
    assert response.status_code == 204 and response.cookies == {}
    assert counted(deck) == {("page", 0): 1, ("reach", 5): 1}
    # The same view read on after coming back to the tab: moved on again, not counted twice.
    beacon(browser, deck, **{"from": 5, "to": 6})
    assert counted(deck) == {("page", 0): 1, ("reach", 6): 1}


@pytest.mark.parametrize(
    "data",
    [
        {"from": 1, "to": 7},  # past the deck's six slides
        {"from": 3, "to": 3},  # not a move
        {"from": 4, "to": 2},  # backwards
        {"from": 0, "to": 2},
        {"from": "one", "to": "two"},
        {"to": 3},
        {},
    ],
)
def test_the_beacon_refuses_what_is_not_a_move_forward_within_the_deck(client, deck, data):
    assert beacon(client, deck, **data).status_code == 400
    assert counted(deck) == {}


def test_the_beacon_takes_only_posts_and_only_decks_the_visitor_may_see(client, deck):
    assert client.get(reverse("deck-reach", args=[deck.public_id])).status_code == 405
    assert (
        client.post(reverse("deck-reach", args=["nosuchdeck"]), {"from": 1, "to": 2}).status_code
        == 404
    )
    deck.visibility = Visibility.PRIVATE
    deck.save()
    assert beacon(client, deck, **{"from": 1, "to": 2}).status_code == 404
    assert counted(deck) == {}


def test_the_page_and_the_player_load_the_reach_script_with_their_beacon_address(client, deck):
    address = reverse("deck-reach", args=[deck.public_id])
    for page in (deck.get_absolute_url(), f"/embed/{deck.public_id}/"):
        html = client.get(page).content.decode()
        assert f'reach.js" data-reach="{address}" defer></script>' in html, page
