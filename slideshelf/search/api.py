"""The search facade: the only module the rest of slideshelf calls.

The index is derived data. Changes reach it through the outbox (`PendingIndex`), written in the
same transaction as the change, and `sync()` applies the outbox in the worker; `reindex()`
rebuilds everything from the database. While a deck waits in the outbox, searches leave it out
unless it is listed, so a deck made private disappears from results at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation
from slideshelf.search import query as query_parser
from slideshelf.search.documents import deck_document, indexable
from slideshelf.search.engines import engine
from slideshelf.search.models import PendingIndex
from slideshelf.search.types import DeckHit, Filters, ParsedQuery, Results, Sort

log = logging.getLogger(__name__)

SYNC_BATCH = 200
SLIDES_PER_DECK = 3


def queue_index(deck_ids: Iterable[int]) -> None:
    """Mark decks for (re)indexing or removal, in the caller's transaction."""
    now = timezone.now()
    for deck_id in deck_ids:
        PendingIndex.objects.update_or_create(deck_id=deck_id, defaults={"queued_at": now})
    if settings.SEARCH_SYNC_ON_COMMIT:
        transaction.on_commit(sync)


def sync(limit: int | None = None) -> int:
    """Apply the outbox to the index; returns how many decks were handled."""
    handled = 0
    while limit is None or handled < limit:
        batch = list(PendingIndex.objects.order_by("queued_at")[:SYNC_BATCH])
        if not batch:
            break
        apply([row.deck_id for row in batch])
        # Only rows not queued again meanwhile: a newer change keeps its row.
        for row in batch:
            PendingIndex.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
        handled += len(batch)
    return handled


def apply(deck_ids: list[int], refresh_similar: bool = True) -> None:
    """Index the decks that may be found, remove the rest, and refresh similar lists."""
    from slideshelf.search import similar

    decks = indexable(deck_ids)
    found = {deck.pk for deck in decks}
    gone = [deck_id for deck_id in deck_ids if deck_id not in found]
    if gone:
        engine().remove(gone)
    if decks:
        engine().index([deck_document(deck) for deck in decks])
    if refresh_similar:
        similar.refresh(decks, gone)


def reindex() -> int:
    """Rebuild the index from the database; returns the number of decks indexed."""
    from slideshelf.search import similar

    ids = list(listed_presentations().values_list("pk", flat=True))
    engine().clear()
    for start in range(0, len(ids), SYNC_BATCH):
        apply(ids[start : start + SYNC_BATCH], refresh_similar=False)
    # Key terms only once every deck is in: their weights depend on the whole collection.
    similar.rebuild()
    PendingIndex.objects.filter(queued_at__lte=timezone.now()).delete()
    return len(ids)


def repair() -> int:
    """Queue what a crash may have left wrong: listed decks missing from the index, decks in
    the index no longer listed, and decks in it twice."""
    listed = set(listed_presentations().values_list("pk", flat=True))
    indexed = engine().indexed_ids()
    wrong = (listed - indexed) | (indexed - listed)
    if engine().deck_count() > len(indexed):
        # A deck is in the index twice; indexing a deck replaces all of its entries.
        wrong |= listed
    queue_index(sorted(wrong))
    return len(wrong)


@dataclass(frozen=True)
class SearchPage:
    query: ParsedQuery
    total: int
    hits: tuple[DeckHit, ...]  # listed decks' ids, best first, each with its matching slides
    facets: dict[str, list[tuple[str, int]]]
    too_broad: bool = False


def find(
    text: str,
    filters: Filters | None = None,
    sort: Sort = Sort.RELEVANCE,
    page: int = 1,
    per_page: int = 10,
) -> SearchPage:
    """One page of decks matching what a visitor typed, each with its matching slides.

    As fresh as the database: a deck whose change still waits in the outbox is left out unless
    it is listed, and the engines see every change applied before the outbox row went. Hits
    are ids; whoever shows them loads the decks through `listed_presentations()`.
    """
    parsed = query_parser.parse(text)
    if parsed.is_empty:
        return SearchPage(parsed, 0, (), {})
    filters = _without_pending_unlisted(filters or Filters())
    found: Results = engine().search(
        parsed, filters, sort, (max(page, 1) - 1) * per_page, per_page, SLIDES_PER_DECK
    )
    return SearchPage(parsed, found.total, found.hits, found.facets, found.too_broad)


def _without_pending_unlisted(filters: Filters) -> Filters:
    pending = set(PendingIndex.objects.values_list("deck_id", flat=True)[:10_000])
    if not pending:
        return filters
    still_listed = set(listed_presentations().filter(pk__in=pending).values_list("pk", flat=True))
    hidden = frozenset(pending - still_listed)
    return Filters(**{**filters.__dict__, "exclude_ids": filters.exclude_ids | hidden})


def similar_to(deck: Presentation, limit: int = 6) -> list[Presentation]:
    """The deck's stored similar list, listed decks only, each with `.shared_words` set."""
    from slideshelf.search.models import SimilarPresentation

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
