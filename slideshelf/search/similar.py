"""Similar presentations by what they say: stored lists of the decks sharing distinctive terms.

Each listed deck keeps its key terms (`key_terms.py`) and a stored list of the listed decks
whose key terms overlap most with its own best QUERY_TERMS among those another deck has too
(the sum of the products of the shared terms' weights; a deck of the same collection counts
half as much again), as Lucene's "more like this" asks with a document's best terms that
other documents have. An unlisted or private deck gets a list too, from key terms computed
for it alone and never stored, so nothing of it reaches a page about another deck. The lists
are computed when a deck is indexed or leaves the index, never while a page is served: the
page only reads them, and fills them up with decks related in other ways (`similar_list.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, F, FloatField, Sum, Value, When

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation
from slideshelf.search.documents import deck_document, indexable, with_document
from slideshelf.search.engines import engine
from slideshelf.search.key_terms import KeyTerm as Term
from slideshelf.search.key_terms import key_terms
from slideshelf.search.models import KeyTerm, SimilarPresentation

LIST_LENGTH = 6
QUERY_TERMS = 30
CANDIDATES = 2 * LIST_LENGTH
SAME_COLLECTION = 1.5
SHOWN_WORDS = 3
MIN_SCORE = 0.03
NEIGHBOURS_TO_REFRESH = 30
BATCH = 200


def refresh(decks: list[Presentation], gone: list[int]) -> None:
    """Update key terms and similar lists after these decks were indexed or left the index.

    A term's weight depends on how many decks have it, which changes as decks come: every time
    the index has doubled since the key terms were computed, all of them are computed again, so
    no deck's weights come from a collection less than half its size (twice the work in all).
    """
    weighed = KeyTerm.objects.values("deck_id").distinct().count()
    if decks and _doubled(weighed, engine().deck_count()):
        rebuild()
        return
    affected = _forget(gone)
    for deck in decks:
        store_key_terms(deck.pk, key_terms(deck_document(deck)))
    for deck in decks:
        affected |= set(store_similar(deck.pk)[:NEIGHBOURS_TO_REFRESH])
    for deck_id in affected - {deck.pk for deck in decks} - set(gone):
        store_similar(deck_id)
    for deck in unlisted(gone):
        store_similar_for_unlisted(deck)


def _doubled(before: int, now: int) -> bool:
    return now > 1 and now.bit_length() > max(before, 1).bit_length()


def _forget(gone: list[int]) -> set[int]:
    """Drop what the decks that left the index had; the decks whose lists named them."""
    if not gone:
        return set()
    named = SimilarPresentation.objects.filter(other_id__in=gone)
    affected = set(named.values_list("deck_id", flat=True))
    KeyTerm.objects.filter(deck_id__in=gone).delete()
    SimilarPresentation.objects.filter(deck_id__in=gone).delete()
    named.delete()
    return affected


def rebuild() -> None:
    """Key terms and similar lists of every deck, from scratch."""
    ids = sorted(engine().indexed_ids())
    weighed = set(KeyTerm.objects.values_list("deck_id", flat=True).distinct())
    stale = sorted(weighed - set(ids))
    for start in range(0, len(stale), BATCH):
        KeyTerm.objects.filter(deck_id__in=stale[start : start + BATCH]).delete()
        SimilarPresentation.objects.filter(deck_id__in=stale[start : start + BATCH]).delete()
    for start in range(0, len(ids), BATCH):
        for deck in indexable(ids[start : start + BATCH]):
            store_key_terms(deck.pk, key_terms(deck_document(deck)))
    for deck_id in ids:
        store_similar(deck_id)
    others = Presentation.objects.filter(revision__gt=0).exclude(pk__in=listed_presentations())
    for deck in with_document(others):
        store_similar_for_unlisted(deck)


def unlisted(deck_ids: list[int]) -> list[Presentation]:
    """Those of the decks that still exist and have slides, but may not be listed."""
    decks = Presentation.objects.filter(pk__in=deck_ids, revision__gt=0)
    return list(with_document(decks.exclude(pk__in=listed_presentations())))


def store_key_terms(deck_id: int, terms: Iterable[Term]) -> None:
    with transaction.atomic():
        KeyTerm.objects.filter(deck_id=deck_id).delete()
        KeyTerm.objects.bulk_create(
            KeyTerm(deck_id=deck_id, term=term.term[:64], word=term.word[:64], weight=term.weight)
            for term in terms
        )


def store_similar(deck_id: int) -> list[int]:
    """Compute and store a listed deck's similar list; returns the ids on it, best first."""
    own = [Term(row.term, row.word, row.weight) for row in KeyTerm.objects.filter(deck_id=deck_id)]
    return _store(deck_id, own, indexed=True)


def store_similar_for_unlisted(deck: Presentation) -> list[int]:
    """An unlisted or private deck's list of listed decks, from terms kept for this only."""
    return _store(deck.pk, key_terms(deck_document(deck)), indexed=False)


def _store(deck_id: int, own: list[Term], indexed: bool) -> list[int]:
    ranked = _ranked(deck_id, _asked(own, indexed))
    shared = _shared_words(own, [other for other, _ in ranked])
    with transaction.atomic():
        SimilarPresentation.objects.filter(deck_id=deck_id).delete()
        SimilarPresentation.objects.bulk_create(
            SimilarPresentation(
                deck_id=deck_id,
                other_id=other,
                rank=rank,
                score=score,
                shared_words=shared.get(other, []),
            )
            for rank, (other, score) in enumerate(ranked, start=1)
        )
    return [other for other, _ in ranked]


def _asked(own: list[Term], indexed: bool) -> list[Term]:
    """The deck's best terms that another listed deck has: one in the index counts itself."""
    frequencies = engine().document_frequencies(term.term for term in own)
    others = 1 if indexed else 0
    shared = [term for term in own if frequencies.get(term.term, 0) > others]
    return sorted(shared, key=lambda term: -term.weight)[:QUERY_TERMS]


def _ranked(deck_id: int, own: list[Term]) -> list[tuple[int, float]]:
    """(deck id, score) of the listed decks whose key terms overlap most with `own`, those
    from the deck's own collection (a conference's talks) counted SAME_COLLECTION times."""
    scores = _overlaps(deck_id, own)
    collections = dict(
        Presentation.objects.filter(pk__in=[deck_id, *scores]).values_list("pk", "collection_id")
    )
    mine = collections.get(deck_id)
    for other in scores:
        if mine is not None and collections.get(other) == mine:
            scores[other] *= SAME_COLLECTION
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:LIST_LENGTH]


def _overlaps(deck_id: int, own: list[Term]) -> dict[int, float]:
    """The best CANDIDATES by their key terms' overlap with `own`."""
    if not own:
        return {}
    overlap = Sum(
        F("weight")
        * Case(
            *(When(term=term.term, then=Value(term.weight)) for term in own),
            default=Value(0.0),
            output_field=FloatField(),
        )
    )
    rows = (
        KeyTerm.objects.filter(term__in=[term.term for term in own])
        .exclude(deck_id=deck_id)
        .values("deck_id")
        .annotate(score=overlap)
        .filter(score__gte=MIN_SCORE)
        .order_by("-score", "deck_id")[:CANDIDATES]
    )
    return {row["deck_id"]: row["score"] for row in rows}


def _shared_words(own: list[Term], others: list[int]) -> dict[int, list[str]]:
    """The words that explain each pairing, strongest first: each once, as this deck writes
    it (or the other, for a term this deck has only inside compounds)."""
    mine = {term.term: term for term in own}
    products: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for row in KeyTerm.objects.filter(deck_id__in=others, term__in=mine):
        term = mine[row.term]
        if word := term.word or row.word:
            products[row.deck_id].append((term.weight * row.weight, word))
    return {
        deck_id: list(dict.fromkeys(word for _, word in sorted(pairs, reverse=True)))[:SHOWN_WORDS]
        for deck_id, pairs in products.items()
    }
