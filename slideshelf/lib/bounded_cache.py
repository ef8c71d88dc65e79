"""An in-process cache bounded by bytes as well as entries.

Django's local-memory cache counts entries only, so 500 rendered pages of an 800-slide deck
hold half a gigabyte in every web process. This one evicts the least recently used entries
until what it holds fits `OPTIONS["MAX_BYTES"]`, and keeps no single value larger than a
tenth of that, so one huge page cannot push out everything else.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
LARGEST_SHARE = 10  # a value may take at most 1/10 of the budget


class BoundedMemoryCache(LocMemCache):
    # LocMemCache's own, shared by every instance of one name (Django's stubs leave them out).
    _cache: OrderedDict[str, bytes]
    _expire_info: dict[str, float | None]

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__(name, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))

    @property
    def size_in_bytes(self) -> int:
        return sum(map(len, self._cache.values()))

    def _set(self, key: str, value: bytes, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        """Called with the lock held, as LocMemCache's own: the newest entry goes first, and
        the least recently used (last: get() moves keys to the front) leave to make room."""
        self._forget(key)  # an older value under this key is stale now, kept or not
        if len(value) > self.max_bytes // LARGEST_SHARE:
            return
        self._cache[key] = value
        self._cache.move_to_end(key, last=False)
        self._expire_info[key] = self.get_backend_timeout(timeout)
        held = self.size_in_bytes
        while held > self.max_bytes or len(self._cache) > self._max_entries:
            oldest = next(reversed(self._cache))
            held -= len(self._cache[oldest])
            self._forget(oldest)

    def _forget(self, key: str) -> None:
        self._cache.pop(key, None)
        self._expire_info.pop(key, None)
