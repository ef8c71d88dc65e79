"""Page views, counted in memory and written in one UPDATE per deck every few seconds.

A write per page view would serialise every visitor on SQLite's write lock; a few seconds
of counts lost when a process is killed is the price, and a fair one for a view counter.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import F

from slideshelf.presentations.models import Presentation

log = logging.getLogger(__name__)


class ViewCounter:
    def __init__(self, flush_every: float) -> None:
        self.flush_every = flush_every
        self._counts: Counter[int] = Counter()
        self._lock = threading.Lock()
        self._last_flush = time.monotonic()

    def add(self, deck_id: int) -> None:
        with self._lock:
            self._counts[deck_id] += 1
            due = time.monotonic() - self._last_flush >= self.flush_every
        if due:
            self.flush()

    def flush(self) -> None:
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._last_flush = time.monotonic()
        try:
            with impatient():
                for deck_id, views in sorted(counts.items()):
                    Presentation.objects.filter(pk=deck_id).update(
                        view_count=F("view_count") + views
                    )
        except OperationalError as error:
            # Most often busy writing elsewhere: a page that only reads must not fail for its
            # view count. The counts wait for the next flush.
            log.warning("view counts kept for later: %s", error)
            with self._lock:
                self._counts.update(counts)


@contextmanager
def impatient(milliseconds: int = 100) -> Iterator[None]:
    """A transaction that gives up on a busy database at once, not after the usual wait
    (SQLite's timeout, PostgreSQL's lock timeout): counts can wait, a visitor should not."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")
            yield
        return
    usual = round(float(connection.settings_dict["OPTIONS"].get("timeout", 5)) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {milliseconds}")
    try:
        with transaction.atomic():
            yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


_counter: ViewCounter | None = None


def count_view(deck_id: int) -> None:
    global _counter
    if _counter is None:
        _counter = ViewCounter(settings.VIEW_COUNT_FLUSH_SECONDS)
        atexit.register(_counter.flush)
    _counter.add(deck_id)
