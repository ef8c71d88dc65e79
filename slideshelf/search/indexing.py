"""Keeping the index as the database is: the outbox, and applying it.

The index is derived data. Changes reach it through the outbox (`PendingIndex`), written in the
same transaction as the change, and `sync()` applies the outbox in the worker; `reindex()`
rebuilds everything from the database; `repair()` queues what a crash may have left wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from slideshelf.presentations.access import listed_presentations
from slideshelf.search import similar
from slideshelf.search.documents import deck_document, indexable
from slideshelf.search.engines import engine
from slideshelf.search.models import PendingIndex

SYNC_BATCH = 200


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
