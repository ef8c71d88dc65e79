"""The API's search, similar lists and collections: what the search page and deck pages give,
as data, with listed decks only."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Collection, Visibility
from slideshelf.search import api
from slideshelf.search.engines import engine
from tests.factories import text_deck

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def index(settings, tmp_path):
    settings.SEARCH_ENGINE = "tantivy"
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine.cache_clear()
    yield
    engine.cache_clear()


@pytest.fixture
def decks():
    anna = get_user_model().objects.create_user("anna", password="pw")
    spring = Collection.objects.create(name="Spring meeting", slug="spring-meeting", owner=anna)
    made = {
        "bees": text_deck(
            anna,
            "Keeping honey bees",
            ["Why keep bees", "The hive in winter", "Honey harvest in August"],
            tags=["Beekeeping"],
            collection=spring,
        ),
        "wasps": text_deck(anna, "Wasps in the garden", ["Wasps are not bees"], collection=spring),
        "bin": text_deck(anna, "Bin i trädgården", ["Honung från egna bin"], "sv"),
        "secret": text_deck(
            anna, "Secret bees", ["Bees in winter"], visibility=Visibility.UNLISTED
        ),
    }
    api.sync()
    return made


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def test_search_gives_decks_with_their_matching_slides_and_where_the_words_are(client, decks):
    found = get(client, "/api/v1/search/?q=winter+hive")
    assert found["count"] == 1 and found["next"] is None
    hit = found["results"][0]
    assert hit["deck"]["title"] == "Keeping honey bees"
    slide = hit["slides"][0]
    assert slide["number"] == 2
    marked = [slide["text"][start:end] for start, end in slide["spans"]]
    assert sorted(marked) == ["hive", "winter"]
    assert found["facets"]["tag"] == [{"value": "beekeeping", "count": 1}]  # what tag= takes


def test_search_filters_pages_and_never_shows_an_unlisted_deck(client, decks):
    everything = get(client, "/api/v1/search/?q=bees")
    titles = {hit["deck"]["title"] for hit in everything["results"]}
    assert titles == {"Keeping honey bees", "Wasps in the garden"}, "not the unlisted one"
    assert get(client, "/api/v1/search/?q=bees&tag=beekeeping")["count"] == 1
    first = get(client, "/api/v1/search/?q=bees&page_size=1")
    assert first["count"] == 2 and first["next"].endswith("page=2")
    second = get(client, first["next"].removeprefix("http://testserver"))
    assert second["previous"].endswith("page=1") and second["next"] is None
    assert get(client, "/api/v1/search/?q=honung&language=sv")["results"][0]["deck"]["title"] == (
        "Bin i trädgården"
    )
    assert get(client, "/api/v1/search/")["count"] == 0, "no words, no results"
    bad = client.get("/api/v1/search/?q=bees&sort=loudest")
    assert bad.status_code == 422 and bad["Content-Type"] == "application/problem+json"


def test_similar_lists_listed_decks_only(client, decks):
    similar = get(client, f"/api/v1/decks/{decks['bees'].public_id}/similar/")
    titles = [item["deck"]["title"] for item in similar]
    assert "Wasps in the garden" in titles and "Secret bees" not in titles
    assert all(item["why"] for item in similar)
    assert client.get("/api/v1/decks/nothing/similar/").status_code == 404


def test_collections_and_their_decks_in_running_order(client, decks):
    listed = get(client, "/api/v1/collections/")
    assert [c["slug"] for c in listed["results"]] == ["spring-meeting"]
    assert listed["results"][0]["deck_count"] == 2
    one = get(client, "/api/v1/collections/spring-meeting/")
    assert one["url"] == "http://testserver/c/spring-meeting/"
    assert [deck["title"] for deck in one["decks"]] == ["Keeping honey bees", "Wasps in the garden"]
    assert client.get("/api/v1/collections/nothing/").status_code == 404
