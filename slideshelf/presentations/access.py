"""The one place that decides who may see a presentation. Every surface goes through it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from slideshelf.presentations.models import Presentation, Visibility


def can_view(user: Any, deck: Presentation) -> bool:
    """Public and unlisted decks are anyone's to see; private ones, and decks staff hid after a
    report, only the owner's and staff's."""
    if deck.visibility != Visibility.PRIVATE and not deck.hidden_by_staff:
        return True
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_staff or deck.owner_id == user.pk)


def listed_presentations() -> QuerySet[Presentation]:
    """Every deck that may appear in a listing, newest first.

    A deck is listed once it has slides to show: while a replacement converts, its previous
    version stays up.
    """
    return Presentation.objects.filter(
        visibility=Visibility.PUBLIC, hidden_by_staff=False, revision__gt=0
    )


def viewable_or_404(user: Any, public_id: str) -> Presentation:
    """The deck, or 404 — also for a private deck, so its existence is not revealed."""
    try:
        # A plain get: this runs on every page view, cached or not, and must stay cheap.
        deck = Presentation.objects.get(public_id=public_id)
    except Presentation.DoesNotExist:
        raise Http404("No such presentation") from None
    if not can_view(user, deck):
        raise Http404("No such presentation")
    return deck
