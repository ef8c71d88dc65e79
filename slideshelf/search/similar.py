"""Similar presentations: decks that share distinctive terms, and which terms explain it.

Each listed deck keeps its key terms — the terms it uses more than the other decks do, by
TF-IDF — and a stored list of the decks whose key terms overlap most with its own (the sum of
the products of the shared terms' weights, both sides normalised). The lists are computed when
a deck is indexed or leaves the index, never while a page is being served: the page only
reads them (`similar_to`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, F, FloatField, Sum, Value, When

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation
from slideshelf.search import analysis
from slideshelf.search.documents import deck_document, indexable
from slideshelf.search.engines import engine
from slideshelf.search.models import KeyTerm, SimilarPresentation
from slideshelf.search.types import DeckDoc

KEY_TERMS = 25
LIST_LENGTH = 6
SHOWN_WORDS = 3
MIN_SCORE = 0.02
NEIGHBOURS_TO_REFRESH = 30
TITLE_WEIGHT = 3
TAG_WEIGHT = 2
MIN_TERM_LENGTH = 3
BATCH = 200
COMMON_SHARE = 0.4
MIN_DECKS_FOR_COMMON = 5


def refresh(decks: list[Presentation], gone: list[int]) -> None:
    """Update key terms and similar lists after these decks were indexed or removed.

    A term's weight depends on how many decks have it, which changes as decks come: every time
    the index has doubled since the key terms were computed, all of them are computed again, so
    no deck's weights come from a collection less than half its size (twice the work in all).
    """
    weighed = KeyTerm.objects.values("deck_id").distinct().count()
    if decks and _doubled(weighed, engine().deck_count()):
        rebuild()
        return
    affected: set[int] = set()
    if gone:
        affected |= set(
            SimilarPresentation.objects.filter(other_id__in=gone).values_list("deck_id", flat=True)
        )
        KeyTerm.objects.filter(deck_id__in=gone).delete()
        SimilarPresentation.objects.filter(deck_id__in=gone).delete()
        SimilarPresentation.objects.filter(other_id__in=gone).delete()
    for deck in decks:
        store_key_terms(deck.pk, key_terms(deck_document(deck)))
    for deck in decks:
        affected |= set(store_similar(deck.pk)[:NEIGHBOURS_TO_REFRESH])
    for deck_id in affected - {deck.pk for deck in decks} - set(gone):
        store_similar(deck_id)


def _doubled(before: int, now: int) -> bool:
    return now > 1 and now.bit_length() > max(before, 1).bit_length()


def rebuild() -> None:
    """Key terms and similar lists of every indexed deck, from scratch."""
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


def key_terms(doc: DeckDoc) -> list[tuple[str, str, float]]:
    """(term, word, weight) of the deck's most distinctive terms, weights of unit length."""
    counts: Counter[str] = Counter()
    words: dict[str, Counter[str]] = defaultdict(Counter)
    parts = [(doc.title, TITLE_WEIGHT), (" ".join(doc.tags), TAG_WEIGHT), (doc.description, 1)]
    parts += [(slide.text, 1) for slide in doc.slides]
    for text, weight in parts:
        for token in analysis.analyze(text, doc.language):
            if len(token.term) < MIN_TERM_LENGTH or token.term.isdigit():
                continue
            counts[token.term] += weight
            words[token.term][text[token.start : token.end].lower()] += 1
    if not counts:
        return []
    frequencies = engine().document_frequencies(counts)
    decks = max(engine().deck_count(), 1)
    # In a small collection even "the" and "som" have a positive weight: a term in most decks
    # says nothing about any of them.
    common = decks * COMMON_SHARE if decks >= MIN_DECKS_FOR_COMMON else math.inf
    weighted = {
        term: (1 + math.log(count)) * math.log((decks + 1) / (frequencies.get(term, 0) + 0.5))
        for term, count in counts.items()
        if frequencies.get(term, 0) <= common
    }
    best = sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:KEY_TERMS]
    best = [(term, weight) for term, weight in best if weight > 0]
    norm = math.sqrt(sum(weight * weight for _, weight in best)) or 1.0
    return [(term, words[term].most_common(1)[0][0], weight / norm) for term, weight in best]


def store_key_terms(deck_id: int, terms: Iterable[tuple[str, str, float]]) -> None:
    with transaction.atomic():
        KeyTerm.objects.filter(deck_id=deck_id).delete()
        KeyTerm.objects.bulk_create(
            KeyTerm(deck_id=deck_id, term=term[:64], word=word[:64], weight=weight)
            for term, word, weight in terms
        )


def store_similar(deck_id: int) -> list[int]:
    """Compute and store the deck's similar list; returns the ids on it, best first."""
    own = {row.term: row for row in KeyTerm.objects.filter(deck_id=deck_id)}
    ranked = []
    if own:
        overlap = Sum(
            F("weight")
            * Case(
                *(When(term=term, then=Value(row.weight)) for term, row in own.items()),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
        ranked = list(
            KeyTerm.objects.filter(term__in=own)
            .exclude(deck_id=deck_id)
            .values("deck_id")
            .annotate(score=overlap)
            .filter(score__gte=MIN_SCORE)
            .order_by("-score", "deck_id")[:LIST_LENGTH]
        )
    shared = _shared_words(own, [row["deck_id"] for row in ranked])
    with transaction.atomic():
        SimilarPresentation.objects.filter(deck_id=deck_id).delete()
        SimilarPresentation.objects.bulk_create(
            SimilarPresentation(
                deck_id=deck_id,
                other_id=row["deck_id"],
                rank=rank,
                score=row["score"],
                shared_words=shared[row["deck_id"]],
            )
            for rank, row in enumerate(ranked, start=1)
        )
    return [row["deck_id"] for row in ranked]


def _shared_words(own: dict[str, KeyTerm], others: list[int]) -> dict[int, list[str]]:
    products: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for row in KeyTerm.objects.filter(deck_id__in=others, term__in=own):
        mine = own[row.term]
        products[row.deck_id].append((mine.weight * row.weight, mine.word))
    return {
        deck_id: [word for _, word in sorted(pairs, reverse=True)[:SHOWN_WORDS]]
        for deck_id, pairs in products.items()
    }


def similar_to(deck: Presentation, limit: int = LIST_LENGTH) -> list[Presentation]:
    """The deck's stored similar list, listed decks only, each with `.shared_words` set."""
    entries = (
        SimilarPresentation.objects.filter(deck_id=deck.pk, other__in=listed_presentations())
        .select_related("other__owner")
        .order_by("rank")[:limit]
    )
    similar = []
    for entry in entries:
        entry.other.shared_words = entry.shared_words  # type: ignore[attr-defined]
        similar.append(entry.other)
    return similar
