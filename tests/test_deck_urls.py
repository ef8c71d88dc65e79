"""A deck's addresses: every action has a reserved name, so no slug can shadow it, and the
routes mean the same whatever their order."""

from __future__ import annotations

import pytest
from django.urls import URLResolver, path
from django.urls.resolvers import RegexPattern

from slideshelf.presentations.models import RESERVED_SLUGS, Presentation
from slideshelf.urls import deck_routes

ADDRESSES = [
    "download/",
    "download/pdf/",
    "report/",
    "delete/",
    "status.json",
    "r2.0/3-thumb.webp",
    "r2.1/3@2x.webp",
    "r2.10/3-thumb@2x.webp",
    "my-deck/",
    "my-deck/3/",
    "download-deck/",
    "reports/",
]


def resolver(routes: list) -> URLResolver:
    return URLResolver(RegexPattern(r"^"), [path("p/<str:public_id>/", (routes, None, None))])


def test_every_action_under_a_deck_is_a_reserved_slug():
    actions = {str(route.pattern).split("/")[0] for route in deck_routes}
    actions -= {"", "<deckslug:slug>", "r<int:revision>.<str:audience>"}
    assert actions == RESERVED_SLUGS


@pytest.mark.parametrize("address", ADDRESSES)
def test_routes_mean_the_same_in_any_order(address):
    forwards = resolver(deck_routes).resolve(f"p/abc/{address}")
    backwards = resolver(list(reversed(deck_routes))).resolve(f"p/abc/{address}")
    assert forwards.url_name == backwards.url_name


@pytest.mark.parametrize("title", ["Download", "Report", "Delete", "status.json"])
def test_a_deck_named_like_an_action_gets_a_slug_of_its_own(title):
    assert Presentation(title=title).slug not in RESERVED_SLUGS
