"""Decks whose worker died mid-conversion: a sweep that any worker runs takes them back."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from slideshelf.conversion.messages import message
from slideshelf.conversion.services import fail, queue_conversion
from slideshelf.presentations.models import Presentation, Stage, Status

log = logging.getLogger(__name__)

CRASHED = gettext_noop(
    "Converting this file stopped the converter several times, so it was given up. "
    "The original is kept; saving it again from PowerPoint or LibreOffice often helps."
)


def requeue_stale(stale_after: float | None = None) -> int:
    """Put decks whose worker died mid-conversion back in the queue."""
    close_old_connections()
    stale_after = settings.WORKER_STALE_SECONDS if stale_after is None else stale_after
    cutoff = timezone.now() - timedelta(seconds=stale_after)
    stale = Presentation.objects.filter(status=Status.CONVERTING, heartbeat_at__lt=cutoff)
    count = 0
    for deck in stale:
        with transaction.atomic():
            # Conditional: a worker that is only slow keeps its deck.
            moved = Presentation.objects.filter(
                pk=deck.pk, status=Status.CONVERTING, heartbeat_at__lt=cutoff
            ).update(status=Status.QUEUED, stage=Stage.WAITING)
            if not moved:
                continue
            deck.refresh_from_db()
            count += 1
            if deck.attempts > settings.CONVERSION_RETRIES:
                fail(deck, message(CRASHED))
            else:
                log.warning("requeued %s: its worker stopped mid-conversion", deck.public_id)
                queue_conversion(deck)
    return count
