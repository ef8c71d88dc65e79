"""Views, downloads and how far views got, counted in memory and written every few seconds:
one statement for every deck's day rows and one UPDATE of each viewed deck's `view_count`
(statistics/tally.py), in one transaction.

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
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from slideshelf.statistics import tally
from slideshelf.statistics.models import Kind
from slideshelf.statistics.tally import Key

log = logging.getLogger(__name__)


class ViewCounter:
    def __init__(self, flush_every: float) -> None:
        self.flush_every = flush_every
        self._counts: Counter[Key] = Counter()
        self._lock = threading.Lock()
        self._last_flush = time.monotonic()

    def add(self, *counts: tuple[Key, int]) -> None:
        with self._lock:
            for key, n in counts:
                self._counts[key] += n
            due = time.monotonic() - self._last_flush >= self.flush_every
        if due:
            self.flush()

    def flush(self) -> None:
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._last_flush = time.monotonic()
        if not counts:
            return
        try:
            with impatient():
                tally.record(counts)
        except IntegrityError as error:
            # A deck deleted between the check for it and the commit: trying again would fail
            # the same way, and the counts of a deck that is gone are worth nothing.
            log.warning("view counts dropped: %s", error)
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


def the_counter() -> ViewCounter:
    global _counter
    if _counter is None:
        _counter = ViewCounter(settings.VIEW_COUNT_FLUSH_SECONDS)
        atexit.register(_counter.flush)
    return _counter


def count_view(deck_id: int, kind: Kind = Kind.PAGE, slide: int | None = 1) -> None:
    """A view on the site or in another site's frame, opened at `slide`: as far as it has got
    (None: a deck without slides)."""
    day = timezone.localdate()
    reach = () if slide is None else ((Key(deck_id, day, Kind.REACH, slide), 1),)
    the_counter().add((Key(deck_id, day, kind), 1), *reach)


def count_download(deck_id: int, kind: Kind) -> None:
    the_counter().add((Key(deck_id, timezone.localdate(), kind), 1))


def count_reach(deck_id: int, earlier: int, furthest: int) -> None:
    """A view the reader's browser says went from slide `earlier` on to slide `furthest`."""
    day = timezone.localdate()
    the_counter().add(
        (Key(deck_id, day, Kind.REACH, earlier), -1), (Key(deck_id, day, Kind.REACH, furthest), 1)
    )
