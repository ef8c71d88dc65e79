"""Locking a username out after too many failed logins.

Counted per lower-cased username in a cache of its own ("lockout"), never per address: the
site stores nothing about where visitors come from. Once the limit is reached the username
is refused for LOGIN_LOCKOUT_MINUTES, and no password is checked meanwhile, so guessing
stops even when the guess would be right.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import BaseCache, caches


def _cache() -> BaseCache:
    return caches["lockout"]


def _key(username: str) -> str:
    # Hashed: a username may hold characters a cache key must not.
    digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    return f"login-failures:{digest}"


def _seconds() -> float:
    return float(settings.LOGIN_LOCKOUT_MINUTES) * 60


def is_locked(username: str) -> bool:
    return int(_cache().get(_key(username), 0)) >= settings.LOGIN_FAILURE_LIMIT


def record_failure(username: str) -> None:
    cache, key = _cache(), _key(username)
    if cache.add(key, 1, _seconds()):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, _seconds())
        return
    # Each failure restarts the window, so the lock lasts the full time from the last one.
    cache.touch(key, _seconds())


def clear(username: str) -> None:
    _cache().delete(_key(username))
