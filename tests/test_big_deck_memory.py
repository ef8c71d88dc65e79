"""A web process's memory stays flat however many addresses of a big deck are visited."""

from __future__ import annotations

import subprocess
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from slideshelf.core.management.commands.serve import web
from tests.factories import deck_with_slides
from tests.processes import descendants, free_port, listening, stop, subprocess_env, wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
CACHE_MB = 8
GROWTH_MB = 3 * CACHE_MB  # the cache's budget and the allocator's slack
VISITORS = 4


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def visit(base: str, numbers: range) -> None:
    def one(number: int) -> None:
        with urllib.request.urlopen(f"{base}{number}/", timeout=30) as response:
            assert response.status == 200 and len(response.read()) > 300_000

    with ThreadPoolExecutor(VISITORS) as pool:
        list(pool.map(one, numbers))


def test_800_slide_addresses_leave_the_web_process_as_big_as_it_was(media):
    deck = deck_with_slides(800, title="Eight hundred slides")
    port = free_port()
    env = subprocess_env(media) | {
        "SLIDESHELF_PAGE_CACHE_SECONDS": "600",
        "SLIDESHELF_PAGE_CACHE_MB": str(CACHE_MB),
    }
    server = subprocess.Popen(
        web("127.0.0.1", port, 1), env=env, start_new_session=True, stdout=subprocess.DEVNULL
    )
    try:
        wait_until(lambda: listening(port), timeout=30)
        (worker,) = wait_until(lambda: list(descendants(server.pid)), timeout=30)
        base = f"http://127.0.0.1:{port}{deck.get_absolute_url()}"
        visit(base, range(1, 101))  # warm: every page cached until the budget is full
        warm = resident_mb(worker)
        visit(base, range(101, 801))
        after = resident_mb(worker)
    finally:
        stop(server)
    # Each page is ~0.35 MB: cached per address as before, 700 more would be 250 MB.
    assert after - warm < GROWTH_MB, f"{warm:.0f} MB warm, {after:.0f} MB after 700 more"
