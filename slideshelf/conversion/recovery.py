"""Decks whose worker died mid-conversion: a sweep that any worker runs takes them back."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from slideshelf.conversion.messages import message
from slideshelf.conversion.models import Conversion, Status, take_back_stale
from slideshelf.conversion.services import fail
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.lib.i18n import gettext_noop

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
    stale = Conversion.objects.filter(status=Status.CONVERTING, heartbeat_at__lt=cutoff)
    count = 0
    for deck_id in stale.values_list("pk", flat=True):
        with transaction.atomic():
            if not take_back_stale(deck_id, cutoff):
                continue
            count += 1
            conversion = Conversion.objects.select_related("presentation").get(pk=deck_id)
            if conversion.attempts > settings.CONVERSION_RETRIES:
                fail(conversion, message(CRASHED))
            else:
                queue_conversion(conversion)
                # Said once it is so: a commit the disk has no room for requeues nothing.
                said = "requeued %s: its worker stopped mid-conversion"
                transaction.on_commit(partial(log.warning, said, conversion.presentation.public_id))
    return count
