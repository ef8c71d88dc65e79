"""The PostgreSQL engine on its own: what the shared search suite does not reach.

Skipped unless the database is PostgreSQL (CI runs the suite once with
SLIDESHELF_DATABASE_URL=postgres://…).
"""

from __future__ import annotations

import pytest
from django.db import connection

from slideshelf.search.marking import mark
from slideshelf.search.types import DeckDoc, Filters, ParsedQuery, SlideDoc, SlideHit, Sort

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the PostgreSQL engine needs PostgreSQL"
    ),
]


def deck(deck_id: int, title: str, *slides: str, **fields) -> DeckDoc:
    values = {
        "description": "",
        "tags": (),
        "language": "en",
        "collection": "",
        "uploader": "anna",
        "year": 2024,
        "created": 1_700_000_000.0 + deck_id,
    }
    values.update(fields)
    return DeckDoc(
        deck_id=deck_id,
        title=title,
        slides=tuple(SlideDoc(n, text) for n, text in enumerate(slides, start=1)),
        **values,
    )


@pytest.fixture
def engine():
    from slideshelf.search.engines.postgres import PostgresEngine

    return PostgresEngine()


def search(engine, words=(), phrases=(), excluded=(), filters=None, **options):
    filters = filters or Filters()
    query = ParsedQuery(words=tuple(words), phrases=tuple(phrases), excluded=tuple(excluded))
    arguments = {"sort": Sort.RELEVANCE, "offset": 0, "limit": 10, "slides": 3}
    arguments.update(options)
    return engine.search(query, filters, **arguments)


def ids(results) -> list[int]:
    return [hit.deck_id for hit in results.hits]


def test_a_word_on_any_slide_finds_the_deck_with_that_slide_marked(engine):
    engine.index([deck(1, "Budget", "Intro", "Our <b>pipelines</b> leak", "The end")])
    found = search(engine, ["pipeline"])
    assert found.total == 1
    [hit] = found.hits
    assert hit.slides == (SlideHit(2, "Our <b>pipelines</b> leak", ((7, 16),)),)
    assert mark(hit.slides[0].text, hit.slides[0].spans) == (
        "Our &lt;b&gt;<mark>pipelines</mark>&lt;/b&gt; leak"
    )


def test_every_word_must_match_but_not_on_the_same_slide(engine):
    engine.index([deck(1, "A", "apples here", "pears there"), deck(2, "B", "apples only")])
    found = search(engine, ["apple", "pear"])
    assert ids(found) == [1]
    assert [slide.number for slide in found.hits[0].slides] == [1, 2]


def test_an_excluded_word_removes_the_deck(engine):
    engine.index([deck(1, "A", "apples and pears"), deck(2, "B", "apples alone")])
    assert ids(search(engine, ["apples"], excluded=["pears"])) == [2]


def test_a_phrase_matches_its_words_in_order_on_one_slide(engine):
    engine.index(
        [
            deck(1, "A", "open source software"),
            deck(2, "B", "software that is open source"),
            deck(3, "C", "open", "source"),
            deck(4, "Open source", "nothing"),
        ]
    )
    assert sorted(ids(search(engine, phrases=[("source", "software")]))) == [1]
    assert sorted(ids(search(engine, phrases=[("open", "source")]))) == [1, 2, 4]


def test_a_swedish_compound_is_found_by_its_first_part(engine):
    engine.index([deck(1, "Kommuner", "Nya samverkansformer mellan kommuner", language="sv")])
    found = search(engine, ["samverkan"])
    assert ids(found) == [1]
    slide = found.hits[0].slides[0]
    assert [slide.text[start:end] for start, end in slide.spans] == ["samverkansformer"]


def test_a_title_match_ranks_above_a_passing_mention(engine):
    engine.index(
        [
            deck(1, "Quarterly numbers", "a word about climate"),
            deck(2, "Climate adaptation", "flooding", "heat"),
        ]
    )
    assert ids(search(engine, ["climate"])) == [2, 1]


def test_filters_narrow_results_and_facets_count_the_rest(engine):
    engine.index(
        [
            deck(1, "Rust one", "rust", tags=("Code",), year=2023, collection="talks"),
            deck(2, "Rust two", "rust", tags=("code", "Web"), language="sv", uploader="bo"),
            deck(3, "Rust three", "rust", year=2023),
        ]
    )
    found = search(engine, ["rust"])
    assert found.total == 3
    assert found.facets["tag"] == [("code", 2), ("web", 1)]
    assert found.facets["year"] == [("2023", 2), ("2024", 1)]
    assert found.facets["language"] == [("en", 2), ("sv", 1)]
    assert found.facets["collection"] == [("talks", 1)]
    assert found.facets["uploader"] == [("anna", 2), ("bo", 1)]
    assert ids(search(engine, ["rust"], filters=Filters(tag="CODE"))) == [2, 1]
    assert ids(search(engine, ["rust"], filters=Filters(year=2023))) == [3, 1]
    assert ids(search(engine, ["rust"], filters=Filters(language="sv"))) == [2]
    assert ids(search(engine, ["rust"], filters=Filters(uploader="bo"))) == [2]
    assert ids(search(engine, ["rust"], filters=Filters(collection="talks"))) == [1]
    assert ids(search(engine, ["rust"], filters=Filters(exclude_ids=frozenset({1, 2})))) == [3]


def test_date_sort_and_pages_count_every_matching_deck(engine):
    engine.index([deck(n, f"Deck {n}", "kubernetes") for n in range(1, 8)])
    first = search(engine, ["kubernetes"], sort=Sort.DATE, limit=3)
    second = search(engine, ["kubernetes"], sort=Sort.DATE, offset=3, limit=3)
    assert (first.total, second.total) == (7, 7)
    assert ids(first) + ids(second) == [7, 6, 5, 4, 3, 2]
    past = search(engine, ["kubernetes"], sort=Sort.DATE, offset=30, limit=3)
    assert (past.total, past.offset, ids(past)) == (7, 6, [1])


def test_reindexing_a_deck_replaces_its_slides_and_term_counts(engine):
    engine.index([deck(1, "A", "alpha beta"), deck(2, "B", "alpha")])
    assert engine.document_frequencies(["alpha", "beta", "gamma"]) == {
        "alpha": 2,
        "beta": 1,
        "gamma": 0,
    }
    engine.index([deck(1, "A", "gamma")])
    assert ids(search(engine, ["beta"])) == []
    assert ids(search(engine, ["gamma"])) == [1]
    assert engine.document_frequencies(["alpha", "beta", "gamma"]) == {
        "alpha": 1,
        "beta": 0,
        "gamma": 1,
    }


def test_removed_and_cleared_decks_are_gone(engine):
    engine.index([deck(1, "A", "alpha"), deck(2, "B", "alpha"), deck(3, "C", "alpha")])
    assert (engine.indexed_ids(), engine.deck_count()) == ({1, 2, 3}, 3)
    engine.remove([2, 99])
    assert engine.indexed_ids() == {1, 3}
    assert engine.document_frequencies(["alpha"]) == {"alpha": 2}
    engine.clear()
    assert (engine.indexed_ids(), engine.deck_count()) == (set(), 0)
    assert search(engine, ["alpha"]).total == 0


def test_tsquery_syntax_in_words_is_only_text(engine):
    engine.index([deck(1, "A", "it's a b:c test")])
    for word in ["it's", "a'b", "b:c", "!", "x\\y", "&|<->", "'"]:
        search(engine, [word], excluded=[word], phrases=[(word, word)])
    assert ids(search(engine, ["it's"])) == [1]


def test_a_query_without_index_words_finds_nothing(engine):
    engine.index([deck(1, "A", "text")])
    assert search(engine, ["___"]) == search(engine, []) == search(engine, excluded=["text"])
    assert search(engine, ["___"]).total == 0


def test_a_huge_word_or_slide_is_indexed_without_error(engine):
    engine.index([deck(1, "A", "x" * 5000 + " findme " + "word " * 20_000)])
    assert ids(search(engine, ["findme"])) == [1]


def test_a_query_matching_too_many_decks_gets_no_facets(engine, monkeypatch):
    from slideshelf.search.engines import postgres

    engine.index([deck(1, "A", "rust", tags=("code",)), deck(2, "B", "rust")])
    monkeypatch.setattr(postgres, "FACETS_UP_TO", 1)
    found = search(engine, ["rust"])
    assert (found.total, found.facets) == (2, {})


@pytest.mark.django_db(transaction=True)
def test_a_search_over_its_time_limit_asks_for_a_narrower_one(engine, settings):
    import psycopg

    engine.index([deck(1, "Budget", "budget for schools")])
    settings.SEARCH_TIMEOUT_MS = 200
    params = connection.get_connection_params()
    with psycopg.connect(**params) as other, other.transaction():
        # Another session holds the table, so the search waits past its limit.
        other.execute("LOCK TABLE search_pg_deck IN ACCESS EXCLUSIVE MODE")
        results = search(engine, words=["budget"])
    assert results.too_broad and results.total == 0 and results.hits == ()
    assert not search(engine, words=["budget"]).too_broad
