"""The page cache holds what its byte budget allows, least recently used out first."""

from __future__ import annotations

from slideshelf.lib.bounded_cache import BoundedMemoryCache

KB = 1024


def bounded(name: str, max_bytes: int) -> BoundedMemoryCache:
    return BoundedMemoryCache(name, {"OPTIONS": {"MAX_BYTES": max_bytes, "MAX_ENTRIES": 10_000}})


def test_it_never_holds_more_than_its_budget():
    cache = bounded("budget", 1000 * KB)
    for n in range(500):
        cache.set(f"page-{n}", b"x" * 90 * KB)
        assert cache.size_in_bytes <= 1000 * KB
    assert cache.get("page-499") is not None and cache.get("page-0") is None


def test_the_least_recently_read_goes_first():
    cache = bounded("recency", 1000 * KB)
    for n in range(10):
        cache.set(f"page-{n}", b"x" * 95 * KB)
    cache.get("page-0")  # read: now the most recent
    cache.set("page-10", b"x" * 95 * KB)
    assert cache.get("page-1") is None
    assert all(cache.get(f"page-{n}") is not None for n in (0, *range(2, 11)))


def test_a_value_too_big_for_a_tenth_of_the_budget_is_not_kept_and_its_old_value_goes():
    cache = bounded("huge", 1000 * KB)
    cache.set("small", b"s" * KB)
    cache.set("page", b"old")
    cache.set("page", b"x" * 200 * KB)
    assert cache.get("page") is None, "no stale copy either"
    assert cache.get("small") is not None


def test_it_keeps_its_entry_limit_too():
    cache = BoundedMemoryCache("entries", {"OPTIONS": {"MAX_BYTES": 1000 * KB, "MAX_ENTRIES": 50}})
    for n in range(200):
        cache.set(f"count-{n}", n)
    assert [cache.get(f"count-{n}") for n in (149, 150, 199)] == [None, 150, 199]
