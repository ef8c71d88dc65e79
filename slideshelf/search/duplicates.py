"""Near-duplicates: a new upload whose slides an earlier deck of the same owner already has.

Slides are compared by their normalised text, so a new version with a few slides changed,
added or removed is recognised, while two decks that merely share a title slide are not.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from slideshelf.presentations.models import Presentation, Slide
from slideshelf.search.analysis import words
from slideshelf.search.models import NearDuplicate

SHARED_SLIDES = 0.7  # of the smaller deck's slides with text
MIN_SLIDES = 2
OWNER_DECKS_COMPARED = 500  # the most recent ones


def _fingerprint(slide: Slide) -> str | None:
    text = " ".join(word for word, _, _ in words(slide.full_text))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest() if text else None


def near_duplicate(deck: Presentation) -> Presentation | None:
    """The owner's earlier deck that has most of this deck's slides, if any."""
    if deck.owner_id is None:
        return None
    own = {fp for slide in deck.slides.all() if (fp := _fingerprint(slide))}
    if len(own) < MIN_SLIDES:
        return None
    earlier = (
        Presentation.objects.filter(owner_id=deck.owner_id, created_at__lte=deck.created_at)
        .exclude(pk=deck.pk)
        .order_by("-created_at")
        .values_list("pk", flat=True)[:OWNER_DECKS_COMPARED]
    )
    theirs: dict[int, set[str]] = defaultdict(set)
    for slide in Slide.objects.filter(presentation_id__in=list(earlier)):
        if fp := _fingerprint(slide):
            theirs[slide.presentation_id].add(fp)
    best, best_share = None, 0.0
    for deck_id, prints in theirs.items():
        smaller = min(len(own), len(prints))
        share = len(own & prints) / smaller if smaller >= MIN_SLIDES else 0.0
        if share >= SHARED_SLIDES and share > best_share:
            best, best_share = deck_id, share
    return Presentation.objects.filter(pk=best).first() if best else None


def remember_near_duplicate(deck: Presentation) -> None:
    """Look for the earlier deck this new upload may be a new version of, and keep it."""
    earlier = near_duplicate(deck)
    if earlier is not None:
        NearDuplicate.objects.update_or_create(deck=deck, defaults={"earlier": earlier})


def near_duplicates_of(deck_ids: list[int]) -> dict[int, Presentation]:
    """For each of the decks that has one, the earlier deck it looks like a new version of."""
    found = NearDuplicate.objects.filter(deck_id__in=deck_ids).select_related("earlier")
    return {entry.deck_id: entry.earlier for entry in found}
