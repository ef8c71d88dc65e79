"""The REST API's first part: the schema and its documentation, listed decks, one deck with
its slides, and one shape for every error (RFC 9457)."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model

from slideshelf.moderation.services import hide
from slideshelf.presentations.models import Collection, Tag, Visibility
from tests.factories import deck_with_slides

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def ada():
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def decks(media, ada):
    staff = get_user_model().objects.create_user("sam", password="pw", is_staff=True)
    made = {
        kind: deck_with_slides(2, owner=ada, title=f"Canary {kind}", visibility=visibility)
        for kind, visibility in (
            ("public", Visibility.PUBLIC),
            ("unlisted", Visibility.UNLISTED),
            ("private", Visibility.PRIVATE),
            ("hidden", Visibility.PUBLIC),
        )
    }
    hide(made["hidden"], staff, "An advert.")
    return made


def get(client, path, **headers):
    response = client.get(path, **headers)
    return response, json.loads(response.content) if response.content else None


def test_the_schema_is_openapi_3_1_and_the_documentation_is_served_from_here(client):
    _, schema = get(client, "/api/v1/openapi.json")
    assert schema["openapi"] == "3.1.0"
    assert {"/api/v1/decks/", "/api/v1/decks/{public_id}/"} <= set(schema["paths"])
    docs = client.get("/api/v1/docs/").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', docs)
    assert scripts and all(src.startswith("/static/") for src in scripts), "no CDN"
    assert "<script>" not in docs, "no inline script: the site's CSP refuses it"


def test_the_list_holds_listed_decks_only(client, decks, ada):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(ada)  # not even the owner's own unlisted or private decks
        _, page = get(client, "/api/v1/decks/")
        assert [deck["title"] for deck in page["results"]] == ["Canary public"]
        assert page["count"] == 1 and page["next"] is None


def test_the_list_filters_and_pages(client, media, ada):
    event = Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=ada)
    for number in range(5):
        deck = deck_with_slides(1, owner=ada if number % 2 else None, title=f"Deck {number}")
        deck.tags.set([Tag.named("kommun" if number < 3 else "skola")])
        deck.collection = event if number == 4 else None
        deck.language = "sv" if number == 0 else "en"
        deck.save()

    def titles(query):
        return [deck["title"] for deck in get(client, f"/api/v1/decks/?{query}")[1]["results"]]

    assert titles("") == [f"Deck {n}" for n in (4, 3, 2, 1, 0)], "newest first"
    assert titles("tag=kommun") == ["Deck 2", "Deck 1", "Deck 0"]
    assert titles("owner=ada") == ["Deck 3", "Deck 1"]
    assert titles("collection=kommundagen") == ["Deck 4"]
    assert titles("language=sv") == ["Deck 0"]
    _, first = get(client, "/api/v1/decks/?page_size=2&tag=kommun")
    assert first["count"] == 3 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/decks/?page_size=2&tag=kommun&page=2"
    _, second = get(client, first["next"].removeprefix("http://testserver"))
    assert [d["title"] for d in second["results"]] == ["Deck 0"] and second["next"] is None
    assert second["previous"].endswith("page=1")


def test_a_deck_with_every_slides_text_and_addresses(client, decks):
    response, deck = get(client, f"/api/v1/decks/{decks['public'].public_id}/")
    assert response.status_code == 200
    assert deck["title"] == "Canary public" and deck["owner"] == "ada"
    assert deck["status"] == "ready" and deck["slide_count"] == 2
    assert deck["embed_url"] == f"http://testserver/embed/{decks['public'].public_id}/"
    first = deck["slides"][0]
    assert first["number"] == 1 and first["title"] == "Part 1"
    assert first["text"] == "Words only slide 1 says: marker1x."
    assert first["image_url"].startswith("http://testserver/p/") and first["width"] == 640
    assert client.get(first["image_url"].removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize(
    ("kind", "anonymous", "owner"),
    [("public", 200, 200), ("unlisted", 200, 200), ("private", 404, 200), ("hidden", 404, 200)],
)
def test_who_may_read_a_deck_is_who_may_see_it_on_the_site(
    client, decks, ada, kind, anonymous, owner
):
    path = f"/api/v1/decks/{decks[kind].public_id}/"
    assert client.get(path).status_code == anonymous
    client.force_login(get_user_model().objects.create_user("eve", password="pw"))
    assert client.get(path).status_code == anonymous
    client.force_login(ada)
    assert client.get(path).status_code == owner


def test_a_deck_read_again_unchanged_is_304(client, decks):
    path = f"/api/v1/decks/{decks['public'].public_id}/"
    first = client.get(path)
    tag = first["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again["ETag"] == tag and not again.content
    deck = decks["public"]
    deck.title = "Canary renamed"
    deck.save()
    changed = client.get(path, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_every_error_is_a_problem_in_the_requests_language(client, decks):
    response, body = get(client, "/api/v1/decks/no-such-deck/")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    assert body == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "code": "not_found",
        "detail": "There is nothing at this address.",
    }
    private = f"/api/v1/decks/{decks['private'].public_id}/"
    assert get(client, private)[1] == body, "a private deck is told as nothing at all"
    response, body = get(client, "/api/v1/decks/?page_size=500", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 422 and response["Content-Type"] == PROBLEM
    assert body["code"] == "invalid_request" and body["title"] == "Ogiltig begäran"
    assert body["errors"][0]["where"] == "query.page_size"


def test_the_root_says_where_to_start(client):
    _, index = get(client, "/api/v1/")
    assert index == {
        "documentation": "http://testserver/api/v1/docs/",
        "schema": "http://testserver/api/v1/openapi.json",
        "decks": "http://testserver/api/v1/decks/",
    }


def test_a_deck_read_again_is_kept_rendered_and_asks_only_who_may_see_it(client, decks, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    path = f"/api/v1/decks/{decks['public'].public_id}/"
    first = client.get(path)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path)
    assert again.content == first.content
    assert len(queries) == 1, "the deck, for who may see it; nothing else"
    deck = decks["public"]
    deck.title = "Canary renamed"
    deck.save()
    assert client.get(path).json()["title"] == "Canary renamed", "a change is seen at once"
    cache.clear()
