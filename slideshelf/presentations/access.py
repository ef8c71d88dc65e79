"""The one place that decides who may see a presentation. Every surface goes through it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from slideshelf.presentations.models import Presentation, Status, Visibility


def can_view(user: Any, deck: Presentation) -> bool:
    """Public and unlisted decks are anyone's to see; private ones the owner's and staff's."""
    if deck.visibility != Visibility.PRIVATE:
        return True
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_staff or deck.owner_id == user.pk)


def listed_presentations() -> QuerySet[Presentation]:
    """Every deck that may appear in a listing, newest first."""
    return Presentation.objects.filter(visibility=Visibility.PUBLIC, status=Status.READY)


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
