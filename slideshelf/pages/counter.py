"""Page views, counted in memory and written in one UPDATE per deck every few seconds.

A write per page view would serialise every visitor on SQLite's write lock; a few seconds
of counts lost when a process is killed is the price, and a fair one for a view counter.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections import Counter

from django.db.models import F

from slideshelf.presentations.models import Presentation


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
        for deck_id, views in counts.items():
            Presentation.objects.filter(pk=deck_id).update(view_count=F("view_count") + views)


_counter: ViewCounter | None = None


def count_view(deck_id: int) -> None:
    global _counter
    if _counter is None:
        from django.conf import settings

        _counter = ViewCounter(settings.VIEW_COUNT_FLUSH_SECONDS)
        atexit.register(_counter.flush)
    _counter.add(deck_id)
