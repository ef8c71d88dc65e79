"""The labelled similar set (tests/similar_set.py) evaluated inside the benchmark's corpus.

tests/test_similar.py evaluates "Similar presentations" on sites of 5 and about 60 decks; this
runs the same evaluation on the benchmark's site. Once the corpus is indexed and its key terms
are stored, the labelled decks arrive as later uploads do: their rows and index entries are
written the way the corpus decks' were (`Rows`, `engine.index`), then their key terms and
similar lists computed (`similar.store_key_terms`, `similar.store_similar`, timed per deck).
The corpus decks keep the key terms they were given before these decks existed, as on a site
where decks keep coming.

Then, on the lists a page shows (`api.similar_to`), as the tests ask: for each labelled deck
with partners (decks on its topic), whether one is among its first TOP; and whether a decoy (a
deck sharing only common words with one of them) ranks above every partner. The decks that
fail either are described with what they got instead and the words shown for it.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify

from bench.search_corpus import CollectionRow, Rows, Uploader
from slideshelf.search.types import DeckDoc, SlideDoc
from tests.similar_set import DECKS, SimilarDeck, partners

if TYPE_CHECKING:
    from slideshelf.search.api import Similar
    from slideshelf.search.engines import Engine

TOP = 3
ARRIVED = datetime(2026, 3, 2, 9, tzinfo=UTC)  # the first labelled deck; the rest an hour apart


def add_and_evaluate(rows: Rows, search: Engine, first_id: int) -> dict[str, Any]:
    """Add the labelled decks as decks `first_id` on; their list times and evaluation."""
    from slideshelf.search import similar
    from slideshelf.search.key_terms import key_terms

    docs = [labelled_doc(label, first_id + order, order) for order, label in enumerate(DECKS)]
    _progress(f"the {len(docs)} labelled decks: rows, index, key terms")
    rows.add_people(uploaders(), collections())
    rows.create(docs)
    search.index(docs)
    for doc in docs:
        similar.store_key_terms(doc.deck_id, key_terms(doc))
    _progress(f"similar lists of the {len(docs)} labelled decks")
    times = []
    for doc in docs:
        begun = time.perf_counter()
        similar.store_similar(doc.deck_id)
        times.append(time.perf_counter() - begun)
    ids = {label.key: doc.deck_id for label, doc in zip(DECKS, docs, strict=True)}
    return {"decks": len(docs), "top": TOP, "similar": times, **evaluate(ids)}


def labelled_doc(label: SimilarDeck, deck_id: int, order: int) -> DeckDoc:
    """The deck as the engines get it, `order` hours after the first; its slides' text as the
    tests give it: a title line, then the body."""
    created = ARRIVED + timedelta(hours=order)
    return DeckDoc(
        deck_id=deck_id,
        title=label.title,
        description="",
        tags=label.tags,
        language=label.language,
        collection=slugify(label.collection),
        uploader=label.uploader,
        year=created.year,
        created=created.timestamp(),
        slides=tuple(SlideDoc(number, text) for number, text in enumerate(label.slides, start=1)),
    )


def uploaders() -> list[Uploader]:
    names = dict.fromkeys(label.uploader for label in DECKS if label.uploader)
    return [Uploader(name, name, "") for name in names]


def collections() -> list[CollectionRow]:
    names = dict.fromkeys(label.collection for label in DECKS if label.collection)
    return [CollectionRow(slugify(name), name) for name in names]


def evaluate(ids: dict[str, int]) -> dict[str, Any]:
    """For the decks with partners: how many have one among their first TOP, and which miss
    or have a decoy above every partner (described, with what they got)."""
    from slideshelf.presentations.models import Presentation
    from slideshelf.search import api

    decks = Presentation.objects.in_bulk(list(ids.values()))
    keys = {deck_id: key for key, deck_id in ids.items()}
    decoys = {ids[label.key] for label in DECKS if label.decoy_of}
    related, missed, decoy_first = 0, [], []
    for label in DECKS:
        mates = {ids[key] for key in partners(label)}
        if not mates:
            continue
        related += 1
        found = api.similar_to(decks[ids[label.key]])
        ranked = [item.deck.pk for item in found]
        if not mates & set(ranked[:TOP]):
            missed.append(described(label.key, found[:TOP], keys))
        first_decoy = next((at for at, pk in enumerate(ranked) if pk in decoys), None)
        first_mate = next((at for at, pk in enumerate(ranked) if pk in mates), len(ranked))
        if first_decoy is not None and first_decoy < first_mate:
            decoy_first.append(described(label.key, found[: first_decoy + 1], keys))
    return {"related": related, "missed": missed, "decoy_first": decoy_first}


def described(key: str, found: list[Similar], keys: dict[int, str]) -> str:
    """The decks found for the deck `key`, labelled ones by their key, each with why it is
    there: samv_en: corpus #812 (about: brandal, kallvik, avtal), samv_it (about: …)."""
    got = [
        f"{keys.get(item.deck.pk, f'corpus #{item.deck.pk}')} ({item.why}: {', '.join(item.words)})"
        for item in found
    ]
    return f"{key}: {', '.join(got) or 'nothing'}"


def _progress(message: str) -> None:
    print(f"  [search] {message}", file=sys.stderr, flush=True)
