"""The search page: results with their slides, syntax, filters, sorting, pages, odd input, privacy.

Decks are rows made directly (no conversion) and indexed with `api.sync()`, in a tantivy index
of the test's own.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from slideshelf.presentations.models import Collection, Slide
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
def anna():
    return get_user_model().objects.create_user("anna", password="pw", first_name="Anna")


@pytest.fixture
def bo():
    return get_user_model().objects.create_user("bo", password="pw")


def when(year: int) -> datetime:
    return datetime(year, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def decks(anna, bo):
    """Four public decks: two about bees, one about wasps, one in Swedish about bees."""
    spring = Collection.objects.create(name="Spring meeting", slug="spring-meeting")
    made = {
        "bees": text_deck(
            anna,
            "Keeping honey bees",
            ["Why keep bees", "The hive in winter", "Honey harvest in August"],
            tags=["Beekeeping"],
            collection=spring,
            created_at=when(2024),
        ),
        "pollination": text_deck(
            bo,
            "Pollination and orchards",
            ["Orchards need pollinators", "Wild bees and honey bees compared"],
            created_at=when(2025),
        ),
        "wasps": text_deck(
            anna, "Wasps in the garden", ["Wasps are not bees"], created_at=when(2023)
        ),
        "bin": text_deck(
            bo, "Bin i trädgården", ["Honung från egna bin", "Bisamhället på vintern"], "sv"
        ),
    }
    api.sync()
    return made


def html_of(client, query: str = "", **params) -> str:
    response = client.get("/search/", {"q": query, **params} if query else params)
    assert response.status_code == 200
    return response.content.decode()


def titles(html: str) -> list[str]:
    return [unescape(t) for t in re.findall(r'<h2><a href="[^"]*"[^>]*>([^<]*)</a></h2>', html)]


def test_results_show_decks_with_their_matching_slides_linked_with_the_query(client, decks):
    html = html_of(client, "winter hive")
    deck = decks["bees"]
    assert titles(html) == ["Keeping honey bees"]
    assert '<p class="count">1 presentation</p>' in html
    assert f'href="{deck.get_absolute_url()}2/?q=winter+hive"' in html
    assert "The <mark>hive</mark> in <mark>winter</mark>" in html
    assert Slide.objects.get(presentation=deck, number=2).thumbnail_url() in html
    assert "Anna" in html and "English" in html and "3 slides" in html


def test_slide_links_say_which_numbering_they_mean_after_a_replacement(client, decks):
    deck = decks["bees"]
    deck.slide_history = [[1, 2, 3]]
    deck.save()
    api.sync()
    html = html_of(client, "harvest")
    assert f'href="{deck.get_absolute_url()}3/?q=harvest&amp;v=2"' in html


def test_a_page_of_results_takes_the_same_few_queries_however_many_decks(
    client, decks, django_assert_num_queries
):
    # The outbox, the decks with their owners, the slide images, the collections' and the
    # uploaders' names: a card reading a field the deck query left out would add one per deck.
    with django_assert_num_queries(5):
        html = html_of(client, "bees")
    assert len(titles(html)) == 3


def test_thumbnails_are_looked_up_through_the_index_not_by_reading_every_slide(client, decks):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan is the one at stake; PostgreSQL plans from table statistics")
    with CaptureQueriesContext(connection) as queries:
        html_of(client, "bees")
    (sql,) = [query["sql"] for query in queries.captured_queries if "thumb_width" in query["sql"]]
    with connection.cursor() as cursor:
        plan = " ".join(str(row) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SEARCH presentations_slide" in plan and "SCAN presentations_slide" not in plan


def test_phrase_needs_the_words_together(client, decks):
    assert sorted(titles(html_of(client, '"honey bees"'))) == [
        "Keeping honey bees",
        "Pollination and orchards",
    ]
    assert titles(html_of(client, '"bees honey"')) == []


def test_a_word_with_a_minus_leaves_decks_out(client, decks):
    assert sorted(titles(html_of(client, "bees -wasps"))) == [
        "Keeping honey bees",
        "Pollination and orchards",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "sv"}, ["Bin i trädgården"]),
        ({"tag": "beekeeping"}, ["Keeping honey bees"]),
        ({"collection": "spring-meeting"}, ["Keeping honey bees"]),
        ({"uploader": "bo"}, ["Pollination and orchards"]),
        ({"year": "2023"}, ["Wasps in the garden"]),
    ],
)
def test_each_filter_narrows_the_results(client, decks, params, expected):
    query = "bin" if params.get("language") == "sv" else "bees"
    html = html_of(client, query, **params)
    assert titles(html) == expected
    assert "Remove the filter" in html


def test_facets_link_to_filtered_searches_with_counts(client, decks):
    html = html_of(client, "bees")
    assert 'href="?q=bees&amp;uploader=bo">bo</a> <span class="count">(1)</span>' in html
    assert 'href="?q=bees&amp;uploader=anna">Anna</a> <span class="count">(2)</span>' in html
    assert 'href="?q=bees&amp;collection=spring-meeting">Spring meeting</a>' in html


def test_sort_by_date_puts_the_newest_first(client, decks):
    assert titles(html_of(client, "bees", sort="date")) == [
        "Pollination and orchards",
        "Keeping honey bees",
        "Wasps in the garden",
    ]
    html = html_of(client, "bees")
    assert 'href="?q=bees&amp;sort=date">Newest</a>' in html


def test_results_come_ten_to_a_page(client, anna):
    for n in range(23):
        text_deck(anna, f"Moths {n}", ["moth facts"], created_at=when(2000 + n))
    api.sync()
    first = html_of(client, "moth", sort="date")
    assert '<p class="count">23 presentations</p>' in first
    assert len(titles(first)) == 10 and titles(first)[0] == "Moths 22"
    assert 'href="?q=moth&amp;sort=date&amp;page=2" rel="next"' in first
    last = html_of(client, "moth", sort="date", page="3")
    assert titles(last) == ["Moths 2", "Moths 1", "Moths 0"]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>3<' in last


def test_a_page_past_the_end_shows_the_last_page_from_one_search(client, anna, monkeypatch):
    for n in range(13):
        text_deck(anna, f"Moths {n}", ["moth facts"], created_at=when(2000 + n))
    api.sync()
    searches = []
    search = engine().search

    def counted(*args):
        searches.append(args)
        return search(*args)

    # The seam: the engine's one way in, wrapped to count how many searches the page costs.
    monkeypatch.setattr(engine(), "search", counted)
    html = html_of(client, "moth", sort="date", page="99")
    assert len(searches) == 1
    assert titles(html) == ["Moths 2", "Moths 1", "Moths 0"]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2<' in html
    assert 'href="?q=moth&amp;sort=date" rel="prev"' in html


def test_an_empty_search_explains_how_to_search(client, decks):
    html = html_of(client)
    assert "<h1>Search presentations</h1>" in html
    assert "How to search" in html and 'href="?q=%22open%20source%22"' in html
    assert 'href="?q=python%20-django"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_search_of_only_excluded_words_asks_for_a_word(client, decks):
    html = html_of(client, "-bees")
    assert "no word to look for" in html and "How to search" in html


def test_a_search_without_results_suggests_what_to_try(client, decks):
    html = html_of(client, '"honey wasps" -garden xqzzy', language="en")
    assert "No presentations match" in html and "Check the spelling." in html
    assert "Take away the quotation marks" in html and "minus in front" in html
    assert 'href="?q=%22honey+wasps%22+-garden+xqzzy">Search again without the filters' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "bees", "page": "abc"},
        {"q": "bees", "page": "-1"},
        {"q": "bees", "page": "99999999999999999999"},
        {"q": "bees", "year": "x"},
        {"q": "bees", "sort": "bogus"},
        {"q": "bees", "language": "x" * 300},
        {"q": "bees " * 2000},
        {"q": 'bees:"( * [ ] ^ ~ \\ AND OR'},
        {"q": "bees\x00"},
        {"q": ["bees", "wasps"], "tag": ["a", "b"]},
    ],
)
def test_odd_parameters_are_ignored_never_an_error(client, decks, params):
    response = client.get("/search/", params)
    assert response.status_code == 200


def test_a_post_is_refused(client, decks):
    assert client.post("/search/", {"q": "bees"}).status_code == 405


def test_signed_in_people_get_a_page_no_cache_keeps(client, decks, anna):
    assert "no-cache" not in client.get("/search/?q=bees").get("Cache-Control", "")
    client.force_login(anna)
    cache_control = client.get("/search/?q=bees")["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


@pytest.mark.parametrize("visibility", ["private", "unlisted"])
def test_a_deck_that_is_not_public_shows_nowhere(client, anna, bo, visibility):
    public = text_deck(anna, "Open notes", ["quokkacanary in public"], tags=["shared"])
    text_deck(
        bo,
        "Secret notes",
        ["quokkacanary in secret"],
        "sv",
        tags=["shared", "secrettag"],
        visibility=visibility,
        created_at=when(2019),
    )
    api.sync()
    for person in (None, anna, bo):
        if person:
            client.force_login(person)
        html = html_of(client, "quokkacanary")
        assert titles(html) == ["Open notes"]
        assert '<p class="count">1 presentation</p>' in html
        assert "Secret" not in html and "secret" not in html and "secrettag" not in html
        assert "2019" not in html and "Swedish" not in html and "uploader=bo" not in html
        assert public.get_absolute_url() in html
        assert titles(html_of(client, "quokkacanary", uploader="bo")) == []
        by_secret_words = html_of(client, "secret notes")
        assert titles(by_secret_words) == [] and "No presentations match" in by_secret_words


def test_every_page_has_a_search_box_in_its_header(client, decks):
    html = client.get("/").content.decode()
    assert '<form class="site-search" role="search" action="/search/" method="get">' in html
    assert '<label class="visually-hidden" for="site-search-q">Search presentations</label>' in html
    # The search page has its own box, so it has one search landmark, not two.
    assert html_of(client, "bees").count('role="search"') == 1


def test_the_page_arrived_at_from_a_hit_marks_the_words_in_its_transcript(client, decks):
    deck = decks["bees"]
    html = client.get(f"{deck.get_absolute_url()}2/?q=winter+-wasps").content.decode()
    assert "The hive in <mark>winter</mark>" in html
    assert "Showing matches for “winter -wasps”" in html
    assert f'href="{deck.get_absolute_url()}2/">clear</a>' in html
    assert 'href="/search/?q=winter%20-wasps">back to the search results</a>' in html
    plain = client.get(f"{deck.get_absolute_url()}2/").content.decode()
    assert "<mark>" not in plain and "Showing matches" not in plain


def test_marks_on_the_presentation_page_escape_the_text(client, anna):
    deck = text_deck(anna, "Tags", ["<b>bold</b> words & more"])
    html = client.get(f"{deck.get_absolute_url()}?q=bold").content.decode()
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt; words &amp; more" in html
