"""The load test's site: `slideshelf serve` over a prepared data folder, and what is on it.

Preparing is not timed: migrate, collect static files, add a user who may upload, the demo
decks, generated decks and a big generated deck, converted and in the search index.
`serving()` starts serve in a session of its own and stops it, and whatever it left, on the
way out. `discover()` reads the site's own pages for the addresses visitors ask for.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bench.load_client import Deck, Site
from bench.memory import command_line, descendants
from bench.sample_deck import make_text_deck
from bench.site import (
    HOST,
    REPO,
    free_port,
    get_page,
    import_decks,
    progress,
    slideshelf,
    wait_until_serving,
)

UPLOADER = "uploader"
IMPORT_TIMEOUT = 600  # LibreOffice and the renderer on the generated and demo decks
BIG_IMPORT_TIMEOUT = 1800  # the 800-slide deck: about a minute on two cores, with room
SERVE_STOP_TIMEOUT = 60  # serve gives each of its two children 20 s to stop
DECK_LINK = re.compile(r'href="(/p/[a-z0-9]+/[^/"?#]+/)"')
LISTING_LINK = re.compile(r'href="(/(?:t|c|u)/(?:[^/"?#]+/)?)"')
IMAGES = re.compile(r'src="(/p/[a-z0-9]+/r\d+\.[a-z-]+/)')


@dataclass(frozen=True)
class Prepared:
    deck_ids: list[str]  # the generated decks'
    big_id: str
    password: str  # the uploader's
    seconds: float  # all of the preparation
    big_seconds: float  # importing and converting the big deck


@dataclass(frozen=True)
class Served:
    base: str
    pid: int  # serve's


def prepare(
    env: dict[str, str], scratch: Path, site_decks: tuple[int, ...], big_slides: int
) -> Prepared:
    """Migrate, collect static files, add the uploader, the demo decks, generated decks of
    `site_decks` slides and one of `big_slides`, all converted and in the search index."""
    began = time.monotonic()
    _progress("migrating, collecting static files, adding an uploader and the demo decks")
    slideshelf(env, "migrate", "--no-input", "--verbosity", "0")
    slideshelf(env, "collectstatic", "--no-input", "--verbosity", "0")
    password = add_uploader(env)
    slideshelf(env, "demo")
    decks = [
        make_text_deck(scratch / f"site-{n}-slides.pptx", n, seed=seed)
        for seed, n in enumerate(site_decks, start=1)
    ]
    deck_ids = list(import_decks(env, decks, timeout=IMPORT_TIMEOUT).values()) if decks else []
    _progress(f"generating, importing and converting the big deck: {big_slides} slides")
    big_began = time.monotonic()
    big = make_text_deck(scratch / f"big-{big_slides}-slides.pptx", big_slides)
    big_id = import_decks(env, [big], timeout=BIG_IMPORT_TIMEOUT)[big]
    big_seconds = time.monotonic() - big_began
    _progress("converting the demo decks and filling the search index")
    slideshelf(env, "worker", "--batch", timeout=IMPORT_TIMEOUT)
    return Prepared(deck_ids, big_id, password, time.monotonic() - began, big_seconds)


def add_uploader(env: dict[str, str]) -> str:
    """A user who may upload (any signed-in person may); their password."""
    password = secrets.token_urlsafe(16)
    code = (
        "import os; from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_user(os.environ['BENCH_USER'], "
        "password=os.environ['BENCH_PASSWORD'])"
    )
    slideshelf({**env, "BENCH_USER": UPLOADER, "BENCH_PASSWORD": password}, "shell", "-c", code)
    return password


@contextmanager
def serving(env: dict[str, str], log: Path) -> Iterator[Served]:
    """`slideshelf serve` on a free loopback port, in a session of its own; stopped after."""
    port = free_port()
    command = [sys.executable, "-m", "slideshelf", "serve", "--host", HOST, "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            command,
            env=env,
            cwd=REPO,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _progress(f"serving on {HOST}:{port}")
            wait_until_serving(server, f"http://{HOST}:{port}/", log)
            yield Served(f"http://{HOST}:{port}", server.pid)
        finally:
            stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to serve, which stops gunicorn and the worker, and the worker LibreOffice.
    Whatever of that family is left after the time limit is killed: the session's members,
    and those that left it (LibreOffice leads a session of its own)."""
    family = {pid: command_line(pid) for pid in descendants(server.pid)}
    server.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.wait(timeout=SERVE_STOP_TIMEOUT)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    left = [pid for pid, command in family.items() if command and command_line(pid) == command]
    for pid in left:  # the same command line: not a new process that got a reused pid
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    server.wait()
    if left:
        _progress(f"killed {len(left)} processes that were still running after serve stopped")


def discover(base: str, prepared: Prepared) -> Site:
    """The decks, listings and images the visitors will ask for, from the site's own pages."""
    _, home = get_page(base, "/")
    paths = {get_page(base, f"/p/{deck_id}/")[0] for deck_id in prepared.deck_ids}
    paths |= links(DECK_LINK, home)
    listings = links(LISTING_LINK, home)
    decks = []
    for path in sorted(paths):
        deck, found = deck_at(base, path)
        decks.append(deck)
        listings |= found
    big = deck_at(base, get_page(base, f"/p/{prepared.big_id}/")[0])[0]
    others = [deck for deck in decks if deck.public_id != big.public_id]
    if not others or not listings:
        raise RuntimeError(f"found too little to visit: {len(others)} decks, listings {listings}")
    return Site(others, big, sorted(listings))


def deck_at(base: str, path: str) -> tuple[Deck, set[str]]:
    """The deck at its canonical address, and the listings its page links to."""
    _, body = get_page(base, path)
    text = body.decode()
    numbers = [int(n) for n in re.findall(rf'href="{re.escape(path)}(\d+)/"', text)]
    images = IMAGES.search(text)
    if images is None:
        raise RuntimeError(f"no slide images on {path}")
    public_id = path.split("/")[2]
    deck = Deck(path, public_id, images.group(1), max(numbers, default=1))
    return deck, links(LISTING_LINK, body)


def links(pattern: re.Pattern[str], page: bytes) -> set[str]:
    """The page's links that `pattern` finds, as a browser sends them: a tag's "ä" as %C3%A4."""
    return {quote(html.unescape(link), safe="/%?=&") for link in pattern.findall(page.decode())}


def _progress(message: str) -> None:
    progress("load", message)
