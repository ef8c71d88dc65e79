"""Similar presentations, evaluated on a labelled set at two site sizes and on both engines.

At five decks and at sixty (the labelled set and the demo decks), on tantivy and on
PostgreSQL's engine: a related deck is among each deck's first three, a deck that shares only
common words never ranks above a related one, and no reason shown is a stop word, a number, a
fragment of an address or a repeat. The benchmark runs the same evaluation inside its corpus
of a million slides.
"""

from __future__ import annotations

import re

import pytest
import stopwordsiso
from django.core.management import call_command

from slideshelf.presentations.models import Collection, Presentation, Visibility
from slideshelf.search import analysis, api
from slideshelf.search.api import Why
from slideshelf.search.engines import engine
from slideshelf.search.models import KeyTerm
from tests.factories import convert_now, text_deck
from tests.similar_set import DECKS, SMALL_SITE
from tests.similar_site import Site, labelled_site
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)
TOP = 3
HIT_RATE = 0.95
ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
STOP_WORDS = stopwordsiso.stopwords(["sv", "en"])


@pytest.fixture(params=["5 decks", "all decks"])
def site(request, search_engine) -> Site:
    if request.param == "5 decks":
        return labelled_site(SMALL_SITE)
    return labelled_site(demo=True)


def hit_rate(site: Site) -> tuple[float, list[str]]:
    """The share of decks with a partner on the site that have one in their first three."""
    related = [key for key in site.decks if site.partners(key)]
    missed = [
        key for key in related if not set(site.keys(site.ranked(key))[:TOP]) & site.partners(key)
    ]
    return 1 - len(missed) / len(related), missed


def test_a_related_deck_is_among_the_first_three(site):
    rate, missed = hit_rate(site)
    assert rate >= HIT_RATE, f"{rate:.0%}; missed: {missed}"


def test_no_deck_sharing_only_common_words_ranks_above_a_related_one(site):
    for key in site.decks:
        ranked = site.keys(site.ranked(key))
        decoys = [at for at, other in enumerate(ranked) if other in site.decoys]
        partners = [at for at, other in enumerate(ranked) if other in site.partners(key)]
        if decoys and site.partners(key):
            assert partners and partners[0] < decoys[0], f"{key}: {ranked}"


def test_reasons_are_meaningful_words_each_given_once(site):
    fragments = address_fragments()
    for key, deck in site.decks.items():
        for item in site.ranked(key):
            if item.why != Why.ABOUT:
                continue
            words = [word.lower() for word in item.words]
            assert words, f"{key}: a pairing with nothing to say why"
            stems = {analysis.terms_of_word(word, deck.language)[0] for word in words}
            assert len(stems) == len(words), f"{key}: {words} repeats a word"
            for word in words:
                assert word not in STOP_WORDS, f"{key}: stop word {word!r}"
                assert not any(char.isdigit() for char in word), f"{key}: number {word!r}"
                assert word not in fragments, f"{key}: address fragment {word!r}"


def address_fragments() -> set[str]:
    texts = [text for deck in DECKS for text in deck.slides]
    return {
        word
        for text in texts
        for address in ADDRESS.findall(text)
        for word in analysis.query_words(address)
    }


def test_the_demo_conference_and_cooperation_decks_list_each_other_first(search_engine):
    site = labelled_site(keys=(), demo=True)  # the demo site: its own decks alone
    conference, cooperation = "hostkonferensen-2026-kommunen-som-motor", "samverkan-mellan-kommuner"
    assert site.keys(site.ranked(conference))[:1] == [cooperation]
    assert site.keys(site.ranked(cooperation))[:1] == [conference]
    assert site.ranked(conference)[0].why == Why.ABOUT


# --- a list on every page ---------------------------------------------------------------


def test_a_site_of_two_unrelated_decks_lists_each_on_the_other(search_engine):
    anna, bo = make_user("anna"), make_user("bo")
    bees = text_deck(anna, "Keeping bees", ["Hives\nHoney and wax"])
    snow = text_deck(bo, "Vinterväghållning", ["Plogning\nSnöröjning i staden"], "sv")
    assert [(item.deck, item.why) for item in api.similar_to(bees)] == [(snow, Why.NEW)]
    assert [(item.deck, item.why) for item in api.similar_to(snow)] == [(bees, Why.NEW)]


def test_the_list_is_filled_with_decks_related_in_other_ways_each_saying_how(search_engine):
    anna, bo = make_user("anna"), make_user("bo")
    event = Collection.objects.create(name="Vårmötet 2027", slug="varmotet-2027")
    # Tags with numbers are no key terms: only the fill can pair these decks by them.
    deck = text_deck(anna, "Ett", ["Alfa\nBeta"], "sv", ["vt27", "k8s"], collection=event)
    made = {
        Why.COLLECTION: text_deck(bo, "Två", ["Gamma"], "en", collection=event),
        Why.TAGS: text_deck(bo, "Tre", ["Delta"], "en", ["k8s", "vt27"]),
        Why.UPLOADER: text_deck(anna, "Fyra", ["Epsilon"], "en"),
        Why.LANGUAGE: text_deck(bo, "Fem", ["Zeta"], "sv"),
        Why.NEW: text_deck(bo, "Sex", ["Eta"], "en"),
    }
    found = api.similar_to(deck)
    assert [(item.deck, item.why) for item in found] == [(d, why) for why, d in made.items()]
    assert [item.words for item in found] == [
        ("Vårmötet 2027",),
        ("k8s", "vt27"),
        ("anna",),
        ("sv",),
        (),
    ]


@pytest.mark.parametrize("visibility", [Visibility.UNLISTED, Visibility.PRIVATE])
def test_a_deck_that_is_not_listed_gets_public_decks_and_gives_nothing_away(
    search_engine, visibility
):
    anna, bo = make_user("anna"), make_user("bo")
    words = "Skolmåltider och matsvinn: skolrestaurangen väger tallrikssvinnet varje vecka"
    public = text_deck(bo, "Matsvinn i skolan", [f"Matsvinn\n{words}", "Vägning\nSvinnet"], "sv")
    other = text_deck(bo, "Snöröjning", ["Plogning\nSnö och halka på vägarna"], "sv")
    secret = text_deck(
        anna, "Vårt matsvinn", [f"Matsvinn\n{words} zyzzyvacanary"], "sv", visibility=visibility
    )
    api.sync()
    found = api.similar_to(secret)
    assert found[0].deck == public and found[0].why == Why.ABOUT
    assert "matsvinn" in [word.lower() for word in found[0].words]
    assert secret not in [item.deck for item in api.similar_to(public) + api.similar_to(other)]
    assert not KeyTerm.objects.filter(deck=secret).exists(), "its words weigh nowhere"
    assert engine().document_frequencies(["zyzzyvacanary"]).get("zyzzyvacanary", 0) == 0


@pytest.mark.slow
@pytest.mark.office
def test_the_demo_site_converted_for_real_pairs_its_conference_decks(media):
    call_command("demo")
    for deck in Presentation.objects.all():
        convert_now(deck)
    api.sync()
    flagship = Presentation.objects.get(title__startswith="Höstkonferensen 2026")
    cooperation = Presentation.objects.get(title="Samverkan mellan kommuner")
    assert [item.deck for item in api.similar_to(flagship)][:1] == [cooperation]
    assert [item.deck for item in api.similar_to(cooperation)][:1] == [flagship]
    for deck in Presentation.objects.all():
        assert len(api.similar_to(deck)) == 6, f"{deck}: a full list on a site of seven"
