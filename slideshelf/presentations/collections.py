"""Collections' addresses and running order: the work over several decks that a collection needs.

A collection's decks are shown in running order: `collection_position`, then the upload date.
Every change here leaves the positions numbered 1..n, so "move up" always has a neighbour to
swap with and a deck added later goes after the last one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from slideshelf.presentations.models import RESERVED_SLUGS, Collection, Presentation

RUNNING_ORDER = ("collection_position", "created_at", "pk")
# `/my/collections/new/` is the create page; a collection called "New" must not look like it.
RESERVED_COLLECTION_SLUGS = RESERVED_SLUGS | {"new"}
SLUG_LENGTH = 190  # room for a "-123" suffix within the field's 200 characters
SLUG_ATTEMPTS = 5


def in_running_order(collection: Collection) -> QuerySet[Presentation]:
    return collection.presentations.order_by(*RUNNING_ORDER)


def unique_slug(name: str) -> str:
    """An ASCII slug from the name (like the decks' slugs), with -2, -3… when it is taken."""
    base = slugify(name)[:SLUG_LENGTH].strip("-") or "collection"
    if base in RESERVED_COLLECTION_SLUGS:
        base = f"{base}-collection"
    taken = set(Collection.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_collection(owner: User, **fields: Any) -> Collection:
    """A new collection with a slug of its own."""
    for _attempt in range(SLUG_ATTEMPTS):
        collection = Collection(owner=owner, slug=unique_slug(fields.get("name", "")), **fields)
        try:
            # Two people naming a collection alike at the same moment: the unique index
            # refuses the second slug, and it gets the next free one.
            with transaction.atomic():
                collection.save()
        except IntegrityError:
            continue
        return collection
    raise IntegrityError("No free slug for the collection")


def next_position(collection: Collection) -> int:
    """The place after the collection's last deck.

    Call inside `transaction.atomic()`: the collection's row stays locked until the commit,
    so two decks added at the same moment get different places.
    """
    Collection.objects.select_for_update().filter(pk=collection.pk).exists()
    last = collection.presentations.aggregate(last=Max("collection_position"))["last"]
    return (last or 0) + 1


def set_collection(deck: Presentation, collection: Collection | None) -> None:
    """Put the deck at the end of the collection (or in none), and close the gap it left."""
    left = deck.collection
    if (left.pk if left else None) == (collection.pk if collection else None):
        return
    with transaction.atomic():
        deck.collection = collection
        deck.collection_position = next_position(collection) if collection else 0
        deck.save(update_fields=["collection", "collection_position", "updated_at"])
        if left is not None:
            renumber(left)


def add_decks(collection: Collection, decks: Iterable[Presentation]) -> None:
    with transaction.atomic():
        for deck in decks:
            set_collection(deck, collection)


def move(collection: Collection, deck: Presentation, step: int) -> None:
    """Swap the deck with its neighbour `step` places on (-1 is up); at either end, nothing."""
    with transaction.atomic():
        Collection.objects.select_for_update().filter(pk=collection.pk).exists()
        decks = list(in_running_order(collection))
        ids = [other.pk for other in decks]
        if deck.pk not in ids:
            return
        here = ids.index(deck.pk)
        there = here + step
        if 0 <= there < len(decks):
            decks[here], decks[there] = decks[there], decks[here]
        _number(decks)


def renumber(collection: Collection) -> None:
    """Positions 1..n in the current order: after a deck left, or when two shared a place."""
    with transaction.atomic():
        Collection.objects.select_for_update().filter(pk=collection.pk).exists()
        _number(list(in_running_order(collection)))


def delete_collection(collection: Collection) -> None:
    """Delete the collection; its decks stay, outside any collection."""
    with transaction.atomic():
        # A new updated_at: cached deck pages stop linking to the collection.
        collection.presentations.update(
            collection=None, collection_position=0, updated_at=timezone.now()
        )
        collection.delete()


def _number(decks: list[Presentation]) -> None:
    changed = []
    for position, deck in enumerate(decks, start=1):
        if deck.collection_position != position:
            deck.collection_position = position
            changed.append(deck)
    Presentation.objects.bulk_update(changed, ["collection_position"])
