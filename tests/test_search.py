"""The search facade on both engines: relevance, stemming, syntax, filters, privacy, upkeep.

The same tests run against tantivy and, when the database is PostgreSQL, against PostgreSQL's
full-text search; CI runs the suite once on each database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction

from slideshelf.presentations.models import Presentation
from slideshelf.search import api
from slideshelf.search.documents import deck_document
from slideshelf.search.engines import embedded, engine
from slideshelf.search.engines.embedded import TantivyEngine
from slideshelf.search.finding import SLIDES_PER_DECK
from slideshelf.search.indexing import apply
from slideshelf.search.marking import mark
from slideshelf.search.models import PendingIndex
from slideshelf.search.query import parse
from slideshelf.search.types import Filters, Sort
from tests.factories import text_deck
from tests.search_set import DECKS, FOUND, RANKED
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def labelled(search_engine):
    owner = make_user("anna")
    with transaction.atomic():
        decks = {d.key: text_deck(owner, d.title, d.slides, d.language, d.tags) for d in DECKS}
    api.sync()
    return decks


def ranked_keys(decks, query, **options) -> list[str]:
    by_id = {deck.pk: key for key, deck in decks.items()}
    return [by_id[hit.deck_id] for hit in api.find(query, **options).hits]


@pytest.mark.parametrize(("query", "expected"), RANKED)
def test_the_expected_deck_ranks_first(labelled, query, expected):
    assert ranked_keys(labelled, query)[:1] == [expected]


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_words_are_found_in_other_forms(labelled, query, expected):
    assert expected in ranked_keys(labelled, query)


def test_similar_lists_put_the_same_topic_first(labelled):
    topics = {d.key: d.topic for d in DECKS}
    for key, deck in labelled.items():
        similar = [item.deck.pk for item in api.similar_to(deck)]
        partner = next(k for k, d in labelled.items() if topics[k] == topics[key] and k != key)
        assert similar[:1] == [labelled[partner].pk], key


def test_similar_lists_explain_themselves_with_shared_words(labelled):
    similar = api.similar_to(labelled["grannkommuner"])
    assert similar and {"samverkan", "kommundirektörer"} & set(similar[0].words)


def test_slide_hits_give_the_matching_slides_and_where_their_words_are(labelled):
    deck = labelled["grannkommuner"]
    slides = {hit.deck_id: hit.slides for hit in api.find("räddningstjänst").hits}
    assert [slide.number for slide in slides[deck.pk]] == [2]
    (slide,) = slides[deck.pk]
    assert [slide.text[start:end] for start, end in slide.spans] == ["räddningstjänst"]
    assert "<mark>räddningstjänst</mark>" in mark(slide.text, slide.spans)


def test_engines_give_text_and_offsets_and_only_marking_makes_html(search_engine):
    text_deck(make_user("anna"), "Tags", ["Intro", "Our <b>pipelines</b> & <mark>x</mark>"])
    api.sync()
    ((slide,),) = [hit.slides for hit in api.find("pipeline").hits]
    assert slide.text == "Our <b>pipelines</b> & <mark>x</mark>"  # as the slide says it
    assert slide.spans == ((7, 16),)
    assert mark(slide.text, slide.spans) == (
        "Our &lt;b&gt;<mark>pipelines</mark>&lt;/b&gt; &amp; &lt;mark&gt;x&lt;/mark&gt;"
    )


def test_phrase_needs_the_words_together(labelled):
    assert ranked_keys(labelled, '"gröna tak"') == ["dagvatten"]
    assert ranked_keys(labelled, '"tak gröna"') == []


@pytest.mark.parametrize("about_first", [True, False], ids=["about-first", "mention-first"])
def test_a_deck_about_a_word_ranks_above_one_that_mentions_it(search_engine, about_first):
    owner = make_user("anna")
    filler = "Budget, personal och lokaler för året som gått."
    decks = {
        "mentions": ("Årsrapport", [filler] * 8 + ["Vi har också solceller."]),
        "about": ("Energi på taket", ["Solceller på skolan", "Solceller, solceller!", filler]),
    }
    made = {}
    for key in sorted(decks, reverse=about_first):  # each order: a tie would show in one
        made[key] = text_deck(owner, decks[key][0], decks[key][1], "sv")
        api.sync()
    found = [hit.deck_id for hit in api.find("solceller").hits]
    assert found == [made["about"].pk, made["mentions"].pk]


def test_a_decks_best_slides_are_those_most_about_the_words(search_engine):
    owner = make_user("anna")
    passing = "Dagvatten nämns här, bland mycket annat om parker, gator, skolor och budget."
    text_deck(
        owner,
        "Stadens parker",
        [passing, passing, passing, "Dagvatten, dagvatten och mer dagvatten", "Dagvatten"],
        "sv",
    )
    api.sync()
    (hit,) = api.find("dagvatten").hits
    numbers = [slide.number for slide in hit.slides]
    assert len(numbers) == SLIDES_PER_DECK and {4, 5} <= set(numbers)
    assert numbers == sorted(numbers)


def test_a_deck_crowded_out_of_the_slide_candidates_still_shows_its_slides(
    search_engine, monkeypatch
):
    if not isinstance(search_engine, TantivyEngine):
        pytest.skip("the candidate budget is the tantivy engine's")
    # The seam: a budget of 2 slides reproduces, with small decks, what a budget of 1,000 does
    # on a page of decks with hundreds of matching slides each.
    monkeypatch.setattr(embedded, "SLIDE_CANDIDATES", 2)
    owner = make_user("anna")
    about = text_deck(owner, "Dagvatten i staden", ["Dagvatten dagvatten"] * 4, "sv")
    parks = text_deck(owner, "Parker", ["Parker", "En park tar hand om dagvatten"], "sv")
    api.sync()
    slides = {hit.deck_id: hit.slides for hit in api.find("dagvatten").hits}
    assert [slide.number for slide in slides[parks.pk]] == [2]
    assert len(slides[about.pk]) == SLIDES_PER_DECK


def test_excluded_word_removes_decks(labelled):
    assert "skyfall" not in ranked_keys(labelled, "översvämning -skyfallet")


@pytest.mark.parametrize("query", ["", "   ", "-", '""', "--- +++ ::", "x" * 5000, "(AND) OR:"])
def test_odd_queries_give_results_or_nothing_never_an_error(labelled, query):
    page = api.find(query)
    assert page.total == len(page.hits) or page.total > len(page.hits)


def test_filters_narrow_the_results(labelled):
    assert ranked_keys(labelled, "budget", filters=Filters(language="en")) == ["venue"]
    assert set(ranked_keys(labelled, "budget", filters=Filters(tag="investeringar"))) == {
        "investeringar"
    }
    assert ranked_keys(labelled, "budget", filters=Filters(uploader="nobody")) == []
    this_year = datetime.now(UTC).year
    assert ranked_keys(labelled, "budget", filters=Filters(year=this_year))
    assert ranked_keys(labelled, "budget", filters=Filters(year=1999)) == []


def test_sort_by_date_puts_the_newest_first(labelled):
    old = labelled["budget"]
    Presentation.objects.filter(pk=old.pk).update(
        created_at=datetime.now(UTC) - timedelta(days=400)
    )
    api.deck_changed([old.pk])
    api.sync()
    assert ranked_keys(labelled, "budget", sort=Sort.DATE)[-1] == "budget"


def test_pages_and_total_count_decks(labelled):
    first, second = api.find("the", per_page=2), api.find("the", page=2, per_page=2)
    assert first.total >= 3
    assert len(first.hits) == 2
    assert {hit.deck_id for hit in first.hits}.isdisjoint({hit.deck_id for hit in second.hits})


def test_an_engine_serves_the_last_page_for_an_offset_past_the_end(search_engine):
    owner = make_user("anna")
    with transaction.atomic():
        decks = [text_deck(owner, f"Wombat {n}", ["wombat facts"]) for n in range(5)]
    api.sync()
    query = parse("wombat")
    last = search_engine.search(query, Filters(), Sort.DATE, 4, 2, 3)
    past = search_engine.search(query, Filters(), Sort.DATE, 40, 2, 3)
    assert (past.total, past.offset, past.hits) == (5, 4, last.hits)
    assert [hit.deck_id for hit in past.hits] == [decks[0].pk]
    assert search_engine.search(query, Filters(), Sort.DATE, 2, 2, 3).offset == 2
    nothing = search_engine.search(parse("zebra"), Filters(), Sort.DATE, 40, 2, 3)
    assert (nothing.total, nothing.offset, nothing.hits) == (0, 0, ())


def test_a_page_past_the_end_is_the_last_page_from_one_search(search_engine, monkeypatch):
    owner = make_user("anna")
    with transaction.atomic():
        for n in range(5):
            text_deck(owner, f"Wombat {n}", ["wombat facts"])
    api.sync()
    last = api.find("wombat", sort=Sort.DATE, page=3, per_page=2)
    searches = []
    search = search_engine.search

    def counted(*args):
        searches.append(args)
        return search(*args)

    # The seam: the engine's one way in, wrapped to count how many searches a page costs.
    monkeypatch.setattr(search_engine, "search", counted)
    past = api.find("wombat", sort=Sort.DATE, page=99, per_page=2)
    assert len(searches) == 1
    assert (past.page, past.total, past.hits) == (3, 5, last.hits)
    assert len(past.hits) == 1 and last.page == 3


def test_facets_count_matching_decks(labelled):
    facets = api.find("samverkan").facets
    if facets:  # engines may leave facets out; when they give them they must be right
        assert dict(facets["language"]) == {"sv": 2}


def test_cjk_text_is_searchable(search_engine):
    owner = make_user("kenji")
    deck = text_deck(owner, "東京の観光案内", ["東京都の人口と観光地", "浅草寺と東京タワー"], "ja")
    api.sync()
    assert [hit.deck_id for hit in api.find("観光").hits] == [deck.pk]
    assert [hit.deck_id for hit in api.find("東京タワー").hits] == [deck.pk]


@pytest.mark.parametrize("visibility", ["unlisted", "private"])
def test_canary_in_a_deck_that_is_not_public_shows_nowhere(search_engine, visibility):
    owner = make_user("anna")
    public = text_deck(owner, "Public", ["an ordinary slide"], tags=["canary-tag"])
    secret = text_deck(
        owner, "Secret", ["zyzzyvacanary inside"], tags=["canary-tag"], visibility=visibility
    )
    api.sync()
    page = api.find("zyzzyvacanary")
    assert page.total == 0 and page.hits == () and not any(page.facets.values())
    tagged = api.find("slide canary")
    assert [hit.deck_id for hit in tagged.hits] == [public.pk]
    assert secret.pk not in {item.deck.pk for item in api.similar_to(public)}


def test_a_deck_made_private_disappears_before_the_index_catches_up(search_engine, settings):
    owner = make_user("anna")
    deck = text_deck(owner, "Soon private", ["quokkacanary facts"])
    api.sync()
    assert api.find("quokkacanary").total == 1
    settings.SEARCH_SYNC_ON_COMMIT = False  # as when the worker has not run yet
    Presentation.objects.filter(pk=deck.pk).update(visibility="private")
    api.deck_changed([deck.pk])
    page = api.find("quokkacanary")
    assert page.total == 0 and page.hits == ()


def test_indexing_a_deck_again_replaces_it_and_removing_it_removes_it(search_engine):
    deck = text_deck(make_user("anna"), "Wombat", ["wombat"])
    api.sync()
    query = parse("wombat")
    apply([deck.pk])  # again, as after every edit

    def total() -> int:
        return search_engine.search(query, Filters(), Sort.RELEVANCE, 0, 10, 3).total

    assert total() == 1
    search_engine.remove([deck.pk])
    assert total() == 0 and deck.pk not in search_engine.indexed_ids()


def test_a_deck_in_the_index_twice_is_repaired(search_engine):
    if not isinstance(search_engine, TantivyEngine):
        pytest.skip("PostgreSQL's deck table has the deck's id as its key")
    deck = text_deck(make_user("anna"), "Wombat", ["wombat"])
    api.sync()
    doc = deck_document(deck)
    with search_engine.decks.writer() as writer:  # a second copy, as failed deletes once left
        writer.add_document(search_engine._deck_document(doc))
    assert search_engine.deck_count() == 2
    assert api.repair() == 1
    api.sync()
    assert search_engine.deck_count() == 1 and api.find("wombat").total == 1


def test_a_search_sees_what_another_process_committed_at_once(search_engine, settings):
    if not isinstance(search_engine, TantivyEngine):
        pytest.skip("PostgreSQL's tables are read as they are")
    deck = text_deck(make_user("anna"), "Wombat", ["wombat"])
    api.sync()
    query = parse("wombat")
    assert search_engine.search(query, Filters(), Sort.RELEVANCE, 0, 10, 3).total == 1
    # Another engine on the same folder stands in for the worker process.
    TantivyEngine(settings.SEARCH_INDEX_DIR).remove([deck.pk])
    assert search_engine.search(query, Filters(), Sort.RELEVANCE, 0, 10, 3).total == 0


def test_a_crash_between_database_and_index_is_repaired(search_engine, settings):
    owner = make_user("anna")
    settings.SEARCH_SYNC_ON_COMMIT = False
    deck = text_deck(owner, "Crashed", ["wombatcanary"])
    PendingIndex.objects.all().delete()  # the worker died before it read the outbox
    assert api.find("wombatcanary").total == 0
    assert api.repair() == 1
    api.sync()
    assert [hit.deck_id for hit in api.find("wombatcanary").hits] == [deck.pk]


def test_deleted_deck_leaves_the_index_and_similar_lists(labelled):
    gone = labelled["samverkansformer"]
    gone.delete()
    api.sync()
    assert "samverkansformer" not in ranked_keys(labelled, "samverkan")
    assert gone.pk not in engine().indexed_ids()
    assert gone.pk not in {item.deck.pk for item in api.similar_to(labelled["grannkommuner"])}


def test_reindex_rebuilds_from_the_database(labelled):
    engine().clear()
    assert api.find("grannkommuner").total == 0
    assert api.reindex() == len(DECKS)
    assert ranked_keys(labelled, "grannkommuner")[:1] == ["grannkommuner"]


def test_reindex_command_says_what_it_did(labelled):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue().startswith(f"Indexed {len(DECKS)} presentations in ")


def test_similar_lists_hold_up_when_decks_arrive_one_by_one(search_engine):
    """Decks indexed one by one (as uploads come), with weights from when each came, still
    find their partner among their first three, as the evaluation asks (test_similar.py)."""
    owner = make_user("anna")
    decks = {}
    for d in DECKS:  # one commit, so one sync, per deck
        decks[d.key] = text_deck(owner, d.title, d.slides, d.language, d.tags)
    topics = {d.key: d.topic for d in DECKS}
    for key, deck in decks.items():
        partner = next(k for k in decks if topics[k] == topics[key] and k != key)
        assert decks[partner].pk in [item.deck.pk for item in api.similar_to(deck)][:3], key
