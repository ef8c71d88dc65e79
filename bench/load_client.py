"""The load test's visitors and uploaders: stdlib HTTP clients on threads, one per person.

A visitor loops over a visit (home, a search, a deck, one of its slides and images, the big
deck and one of its slides, a tag or collection page) with time to read after each page; the
images a page shows are fetched at once, as a browser does. An uploader signs in, posts one
deck as the upload page's script does (JSON back), and polls its status.json every half
second until the deck is ready or failed. Each request is a new connection, as urllib makes
them, so a keep-alive connection the server closed is never mistaken for an error.

Every request has a time limit. Any socket error or time-out, and any status of 400 or more,
is an error: no request in a visit should meet a 4xx.
"""

from __future__ import annotations

import http.client
import json
import random
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from uuid import uuid4

REQUEST_TIMEOUT = 30.0  # seconds for one request, body included
UPLOAD_TIMEOUT = 600.0  # from posting: a conversion stuck longer is reported as such
POLL_EVERY = 0.5  # the upload page's script polls every second; half of that dates it closer
# Words the site's decks hold: the generated decks' subjects and the demo decks' tags.
SEARCH_WORDS = (
    "revenue",
    "onboarding",
    "backups",
    "churn",
    "hiring",
    "security",
    "accessibility",
    "search",
    "kommun",
    "samverkan",
)
UPLOAD_KINDS = ("upload page", "upload", "upload status")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Size:
    """How much load, on how big a site."""

    visitors: int
    seconds: int  # of load
    uploads: int  # decks posted at the start, of 20, 25, 30 … slides
    big_slides: int  # the big deck's
    site_decks: tuple[int, ...]  # generated decks besides the demo decks, by slide count
    think: tuple[float, float] = (0.5, 2.0)  # seconds a visitor reads a page: from, to


@dataclass(frozen=True)
class Deck:
    path: str  # its canonical address, /p/<id>/<slug>/
    public_id: str
    images: str  # the start of its slide images' addresses, /p/<id>/r<revision>.<audience>/
    slides: int

    def image(self, number: int, thumbnail: bool = False) -> str:
        return f"{self.images}{number}{'-thumb' if thumbnail else ''}.webp"


@dataclass(frozen=True)
class Site:
    decks: list[Deck]  # every deck found but the big one
    big: Deck
    listings: list[str]  # tag, collection and uploader pages


@dataclass(frozen=True)
class Step:
    kind: str
    path: str
    think: bool = True  # a page read after it; False: an image the page shows


@dataclass(frozen=True)
class Hit:
    kind: str
    started: float  # seconds since the load began
    ms: float
    error: str | None  # "timeout", "HTTP 500", "socket: ConnectionResetError", …
    path: str


@dataclass
class Recorder:
    """The hits of the load's window: a request started after its end is not counted."""

    began: float  # time.monotonic() at the start
    seconds: float
    think: tuple[float, float]  # seconds a visitor reads a page: from, to, drawn evenly
    hits: list[Hit] = field(default_factory=list)

    @property
    def ends(self) -> float:
        return self.began + self.seconds

    def over(self) -> bool:
        return time.monotonic() >= self.ends

    def add(self, kind: str, path: str, started: float, ms: float, error: str | None) -> None:
        if started < self.ends:  # list.append is atomic: threads share one recorder
            self.hits.append(Hit(kind, started - self.began, ms, error, path))


def fetch(
    opener: urllib.request.OpenerDirector,
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[float, float, str | None, bytes]:
    """Start (monotonic), milliseconds, the error if any, and the body."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    started = time.monotonic()
    error, body = None, b""
    try:
        with opener.open(request, timeout=REQUEST_TIMEOUT) as response:
            body = response.read()
    except urllib.error.HTTPError as refused:
        refused.read()
        error = f"HTTP {refused.code}"
    except urllib.error.URLError as failed:
        error = _socket_error(failed.reason)
    except (OSError, http.client.HTTPException) as failed:
        error = _socket_error(failed)
    except ValueError as failed:  # an address this client cannot send: its own fault
        error = f"client: {failed}"
    return started, (time.monotonic() - started) * 1000, error, body


def _socket_error(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timeout"
    return f"socket: {type(reason).__name__}"


# --- visitors ---------------------------------------------------------------------------


def visit(rng: random.Random, site: Site) -> list[Step]:
    """One visit: what a person reads, in order, and the images each page shows."""
    deck = rng.choice(site.decks)
    number = rng.randint(1, deck.slides)
    big_number = rng.randint(1, site.big.slides)
    big = f"{site.big.slides}-slide"
    return [
        Step("home", "/"),
        Step("search", "/search/?" + urlencode({"q": rng.choice(SEARCH_WORDS)})),
        Step("presentation", deck.path),
        Step("slide image", deck.image(1), think=False),
        Step("thumbnail", deck.image(rng.randint(1, deck.slides), True), think=False),
        Step("slide address", f"{deck.path}{number}/"),
        Step("slide image", deck.image(number), think=False),
        Step(f"{big} page", site.big.path),
        Step(f"{big} slide", f"{site.big.path}{big_number}/"),
        Step("slide image", site.big.image(big_number), think=False),
        Step("listing", rng.choice(site.listings)),
    ]


def browse(base: str, site: Site, seed: int, recorder: Recorder) -> None:
    """A visitor: visits until the load's time is up. Odd seeds read the site in Swedish."""
    rng = random.Random(seed)
    opener = urllib.request.build_opener()
    language = {"Accept-Language": "sv" if seed % 2 else "en"}
    # Visitors arrive over the first reading time, not all on the home page at one instant.
    _read(rng.uniform(0, recorder.think[1]), recorder)
    while not recorder.over():
        for step in visit(rng, site):
            if recorder.over():
                return
            started, ms, error, _ = fetch(opener, base + step.path, headers=language)
            recorder.add(step.kind, step.path, started, ms, error)
            if step.think:
                _read(rng.uniform(*recorder.think), recorder)


def _read(seconds: float, recorder: Recorder) -> None:
    """A visitor reading, though not past the load's end."""
    time.sleep(min(seconds, max(recorder.ends - time.monotonic(), 0)))


# --- uploaders --------------------------------------------------------------------------


@dataclass
class Upload:
    deck: Path
    slides: int
    status: str = "not posted"
    seconds: float | None = None  # from posting until the status said ready or failed
    error: str = ""


def sign_in(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    """A browser-like client signed in as `username` (its cookies kept in a jar)."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    token = _csrf_token(opener, base + "/login/")
    form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    _, _, error, _ = fetch(opener, base + "/login/", urlencode(form).encode())
    if error or not any(cookie.name == "sessionid" for cookie in jar):
        raise RuntimeError(f"could not sign in as {username}: {error or 'no session'}")
    return opener


def _csrf_token(opener: urllib.request.OpenerDirector, url: str) -> str:
    _, _, error, body = fetch(opener, url)
    found = CSRF.search(body.decode())
    if error or found is None:
        raise RuntimeError(f"no form at {url}: {error}")
    return found.group(1)


def upload(base: str, opener: urllib.request.OpenerDirector, job: Upload, rec: Recorder) -> None:
    """Post the deck from the upload page, then poll its status until it is done."""
    started, ms, error, body = fetch(opener, base + "/upload/")
    rec.add(UPLOAD_KINDS[0], "/upload/", started, ms, error)
    found = CSRF.search(body.decode())
    if error or found is None:
        job.status, job.error = "not posted", error or "no upload form"
        return
    data, content_type = multipart({"csrfmiddlewaretoken": found.group(1)}, job.deck)
    # JSON back, as the upload page's script asks for it.
    headers = {"Accept": "application/json", "Content-Type": content_type}
    started, ms, error, body = fetch(opener, base + "/upload/", data, headers)
    rec.add(UPLOAD_KINDS[1], "/upload/", started, ms, error)
    if error:
        job.status, job.error = "refused", error
        return
    _follow(base, opener, job, json.loads(body)["status_url"], started, rec)


def _follow(
    base: str,
    opener: urllib.request.OpenerDirector,
    job: Upload,
    url: str,
    posted: float,
    rec: Recorder,
) -> None:
    deadline = posted + UPLOAD_TIMEOUT
    job.status = "queued"
    while job.status not in ("ready", "failed") and time.monotonic() < deadline:
        time.sleep(POLL_EVERY)
        started, ms, error, body = fetch(opener, base + url)
        rec.add(UPLOAD_KINDS[2], url, started, ms, error)
        if not error:
            answer = json.loads(body)
            job.status, job.error = answer["status"], answer["error"] or ""
            job.seconds = time.monotonic() - posted


def multipart(fields: dict[str, str], deck: Path) -> tuple[bytes, str]:
    """The upload form's body with `fields` and the deck as its file; its content type."""
    boundary = f"slideshelf-load-{uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in {**fields, "visibility": "public", "language": "en"}.items()
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{deck.name}"\r\n'
        f"Content-Type: {PPTX}\r\n\r\n"
    )
    parts.append(head.encode() + deck.read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def start(target: Callable[..., None], *args: object) -> threading.Thread:
    """A daemon thread running `target(*args)`: one stuck past every limit cannot hold the
    benchmark's exit."""
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread
