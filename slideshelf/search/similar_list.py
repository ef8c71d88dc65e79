"""The similar list a page shows: decks that share distinctive terms first (the stored list,
`similar.py`), then, to fill it, listed decks related in other ways, each with why it is there.

Only listed decks are ever shown, whatever the deck whose page it is. On a site with one other
listed deck the list holds it: a page never goes without once there is something to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.db.models import prefetch_related_objects as prefetch

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.collections import RUNNING_ORDER
from slideshelf.presentations.models import FIRST_SLIDE, Presentation
from slideshelf.search.models import SimilarPresentation

LIST_LENGTH = 6
NEWEST = ("-created_at", "-pk")


class Why(StrEnum):
    ABOUT = "about"  # shares distinctive words: `words`
    COLLECTION = "collection"  # from the same collection (a conference): its name
    TAGS = "tags"  # shares tags: their names
    UPLOADER = "uploader"  # by the same person: their name
    LANGUAGE = "language"  # in the same language
    NEW = "new"  # recently added, when nothing is closer


@dataclass(frozen=True)
class Similar:
    deck: Presentation
    why: Why
    words: tuple[str, ...] = ()


Others = QuerySet[Presentation]  # the listed decks not on the list yet


def similar_to(deck: Presentation, limit: int = LIST_LENGTH) -> list[Similar]:
    """Up to `limit` listed decks like this one, best first, ready to be shown as cards."""
    found = _sharing_terms(deck, limit)
    for fill in (_same_collection, _same_tags, _same_uploader, _same_language, _newest):
        if len(found) >= limit:
            break
        taken = [deck.pk, *(item.deck.pk for item in found)]
        found += fill(deck, listed_presentations().exclude(pk__in=taken), limit - len(found))
    decks = [item.deck for item in found]
    prefetch(decks, "owner", FIRST_SLIDE)
    return found


def _sharing_terms(deck: Presentation, limit: int) -> list[Similar]:
    entries = SimilarPresentation.objects.filter(
        deck_id=deck.pk, other__in=listed_presentations()
    ).select_related("other")
    return [
        Similar(entry.other, Why.ABOUT, tuple(entry.shared_words))
        for entry in entries.order_by("rank")[:limit]
    ]


def _same_collection(deck: Presentation, others: Others, room: int) -> list[Similar]:
    if deck.collection is None:
        return []
    decks = others.filter(collection=deck.collection).order_by(*RUNNING_ORDER)[:room]
    return [Similar(other, Why.COLLECTION, (deck.collection.name,)) for other in decks]


def _same_tags(deck: Presentation, others: Others, room: int) -> list[Similar]:
    names = {tag.pk: tag.name for tag in deck.tags.all()}
    if not names:
        return []
    # Filtered before it is counted: the count is of the tags the two decks share.
    decks = (
        others.filter(tags__in=list(names))
        .annotate(shared=Count("tags"))
        .order_by("-shared", *NEWEST)
        .prefetch_related("tags")[:room]
    )
    return [Similar(other, Why.TAGS, _shared_tags(other, names)) for other in decks]


def _shared_tags(other: Presentation, names: dict[int, str]) -> tuple[str, ...]:
    return tuple(sorted(names[tag.pk] for tag in other.tags.all() if tag.pk in names))


def _same_uploader(deck: Presentation, others: Others, room: int) -> list[Similar]:
    if deck.owner is None:
        return []
    name = deck.owner.get_full_name() or deck.owner.get_username()
    decks = others.filter(owner=deck.owner).order_by(_language_first(deck), *NEWEST)[:room]
    return [Similar(other, Why.UPLOADER, (name,)) for other in decks]


def _same_language(deck: Presentation, others: Others, room: int) -> list[Similar]:
    if not deck.language:
        return []
    decks = others.filter(language=deck.language).order_by("-view_count", *NEWEST)[:room]
    return [Similar(other, Why.LANGUAGE, (deck.language,)) for other in decks]


def _newest(deck: Presentation, others: Others, room: int) -> list[Similar]:
    return [Similar(other, Why.NEW) for other in others.order_by(*NEWEST)[:room]]


def _language_first(deck: Presentation) -> Case:
    return Case(
        When(language=deck.language, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
