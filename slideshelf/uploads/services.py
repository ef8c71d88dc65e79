"""What the upload pages do to decks: the hourly limit, ownership, retry and delete."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from slideshelf.conversion.storage import delete_prefix
from slideshelf.presentations.models import Presentation, Status


def uploads_left(user: Any) -> int:
    """How many more files the user may upload this hour: new decks and replaced ones."""
    since = timezone.now() - timedelta(hours=1)
    recent = (
        Presentation.objects.filter(owner_id=user.pk)
        .filter(Q(created_at__gte=since) | Q(replaced_at__gte=since))
        .count()
    )
    return max(settings.UPLOADS_PER_HOUR - recent, 0)


def owned_or_404(user: Any, public_id: str) -> Presentation:
    """The deck when the user may change it (its owner or staff); 404 otherwise."""
    deck = Presentation.objects.filter(public_id=public_id).first()
    if deck is None or not (user.is_staff or deck.owner_id == user.pk):
        raise Http404("No such presentation")
    return deck


def retry(deck: Presentation) -> bool:
    """Queue a failed deck again; False when it had not failed."""
    from slideshelf.conversion.services import queue_conversion

    if deck.status != Status.FAILED:
        return False
    queue_conversion(deck)
    return True


def delete_presentation(deck: Presentation) -> None:
    """Delete the deck's row, then its original, PDF and slide images of every revision."""
    public_id = deck.public_id
    with transaction.atomic():
        deck.delete()
        # After the commit: a rolled-back delete must not leave a deck without its files.
        # `decks/<id>` holds every revision's folder (PDF and images) in one tree.
        transaction.on_commit(lambda: _delete_files(public_id))


def _delete_files(public_id: str) -> None:
    delete_prefix(f"decks/{public_id}")
    delete_prefix(f"originals/{public_id}")
