"""How many API requests a token (or, without one, a client address) may make a minute.

Counted in memory, in each web process, per calendar minute: a count per request in the
database would put a write lock on every read. Behind several web processes a client may make
that many requests in each; the limit is there to stop a runaway script, not to bill anyone.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

WINDOW = 60.0  # seconds


class RequestRate:
    def __init__(self, limit: int, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._window = -1
        self._counts: dict[str, int] = {}

    def wait_for(self, who: str) -> int:
        """Count a request by `who`; 0 when it may go on, else the seconds until it may."""
        now = self._clock()
        window = int(now // WINDOW)
        with self._lock:
            if window != self._window:  # a new minute: every count starts again
                self._window, self._counts = window, {}
            made = self._counts.get(who, 0) + 1
            self._counts[who] = made
        if made <= self.limit:
            return 0
        return max(math.ceil((window + 1) * WINDOW - now), 1)
