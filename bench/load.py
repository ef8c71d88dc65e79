"""A bounded load test: 50 visitors browse and search for 60 s while 5 uploads convert.

`slideshelf serve` runs as it does in production (gunicorn's gthread workers beside the
conversion worker, under its supervisor) over a throw-away data folder: SQLite migrated,
static files collected, the demo decks, three generated decks and a generated 800-slide deck
imported and converted, the search index filled, and a user who may upload. None of that is
timed, but the preparation's length is printed. The site is then crawled once for its
addresses (which warms one web process's page cache, as earlier visitors would have).

For 60 s, 50 visitors (threads in this process, bench/load_client.py), arriving over the
first two seconds, each loop over a visit with 0.5–2 s of reading after each page; at the
start, one signed-in person posts 5 decks of 20 to 40 slides through the upload form and
polls their status until they are converted. Every request has a time limit; a socket
error, a time-out or any status of 400 and up is an error. Reported: requests and
requests/s, errors by kind (with the tracebacks in serve's log), p50/p95/p99 by kind of page
and over all, the 800-slide page's p99 (its own address and its slide addresses), each
upload's conversion time, and the RSS of the web processes (gunicorn's master and workers,
found below `serve` in /proc), sampled every second and shown at 10 s, half-way and at the
end, so a climb shows.

The client shares the machine's CPUs with the server, so the figures are those of this
machine with one more busy process on it. `--smoke` has 3 visitors, reading fast, for 3 s
and one upload; a 20-slide deck stands in for the 800-slide one, beside the demo decks only.

Only 127.0.0.1 is used. Every step has a time limit, and serve, gunicorn, the worker and
LibreOffice are stopped on the way out, also on an error.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
import time
from pathlib import Path

from bench.environment import child_environment
from bench.load_client import (
    REQUEST_TIMEOUT,
    UPLOAD_TIMEOUT,
    Recorder,
    Site,
    Size,
    Upload,
    browse,
    sign_in,
    start,
    upload,
)
from bench.load_report import BIG_SLIDES, Outcome, report
from bench.load_site import UPLOADER, Served, discover, prepare, serving
from bench.memory import command_line, descendants, peak_kb, resident_kb
from bench.mode import Mode
from bench.sample_deck import make_text_deck
from bench.site import progress

SAMPLE_EVERY = 1.0  # seconds between RSS samples


FULL = Size(visitors=50, seconds=60, uploads=5, big_slides=BIG_SLIDES, site_decks=(20, 30, 40))
QUICK = dataclasses.replace(FULL, seconds=20)
# Reading faster, so that each visitor makes a whole visit in the 3 s.
SMOKE = Size(visitors=3, seconds=3, uploads=1, big_slides=20, site_decks=(), think=(0.05, 0.1))
SIZES = {Mode.FULL: FULL, Mode.QUICK: QUICK, Mode.SMOKE: SMOKE}


def run(mode: Mode = Mode.FULL, seconds: int | None = None) -> list[str]:
    size = SIZES[mode] if seconds is None else dataclasses.replace(SIZES[mode], seconds=seconds)
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-load-") as folder:
        scratch = Path(folder)
        env = child_environment(scratch / "data")
        prepared = prepare(env, scratch, size.site_decks, size.big_slides)
        with serving(env, scratch / "serve.log") as served:
            site = discover(served.base, prepared)
            outcome = load(served, site, size, prepared.password, scratch)
            log = (scratch / "serve.log").read_text(errors="replace")
    return report(outcome, prepared, load_average, _tracebacks(log))


# --- the load ---------------------------------------------------------------------------


def load(served: Served, site: Site, size: Size, password: str, scratch: Path) -> Outcome:
    """The visitors and the uploads, from one start; the web processes' RSS all along."""
    opener = sign_in(served.base, UPLOADER, password)
    jobs = [
        Upload(make_text_deck(scratch / f"upload-{n}.pptx", 20 + 5 * n, seed=100 + n), 20 + 5 * n)
        for n in range(size.uploads)
    ]
    _progress(f"{size.visitors} visitors and {size.uploads} uploads for {size.seconds} s")
    with WebMemory(served.pid) as memory:
        recorder = Recorder(time.monotonic(), size.seconds, size.think)
        uploaders = [start(upload, served.base, opener, job, recorder) for job in jobs]
        visitors = [
            start(browse, served.base, site, seed, recorder) for seed in range(size.visitors)
        ]
        _join(visitors, recorder.ends + 2 * REQUEST_TIMEOUT)
        load_ended = time.monotonic() - recorder.began
    # An upload still converting when the visitors stop is waited for, and said so.
    _join(uploaders, recorder.began + UPLOAD_TIMEOUT + REQUEST_TIMEOUT)
    return Outcome(
        recorder.hits,
        jobs,
        memory.samples,
        memory.peaks_kb,
        site,
        size,
        load_ended,
    )


def _join(threads: list[threading.Thread], deadline: float) -> None:
    for thread in threads:
        thread.join(timeout=max(deadline - time.monotonic(), 0))
    if stuck := sum(thread.is_alive() for thread in threads):
        _progress(f"{stuck} clients still waiting at their time limit; left behind")


class WebMemory:
    """The web processes' RSS, summed, every second: gunicorn's master and its workers, the
    processes below serve that run gunicorn. Also each one's own peak (VmHWM) at the end."""

    def __init__(self, serve_pid: int) -> None:
        self._serve = serve_pid
        self.samples: list[tuple[float, int, int]] = []  # seconds in, KiB, processes
        self.peaks_kb: list[int] = []  # master first
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="web-memory", daemon=True)

    def __enter__(self) -> WebMemory:
        self._began = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._sample()
        self.peaks_kb = [peak_kb(pid) for pid in self.web_processes()]

    def web_processes(self) -> list[int]:
        return [pid for pid in descendants(self._serve) if b"gunicorn" in command_line(pid)]

    def _loop(self) -> None:
        self._sample()
        while not self._stop.wait(SAMPLE_EVERY):
            self._sample()

    def _sample(self) -> None:
        pids = self.web_processes()
        kb = sum(resident_kb(pid) for pid in pids)
        self.samples.append((time.monotonic() - self._began, kb, len(pids)))


def _tracebacks(log: str) -> list[str]:
    """The tracebacks in serve's log (one for each 500), distinct, each from the line before
    it (Django's "Internal Server Error: <path>") to the exception's own line."""
    lines = log.splitlines()
    found = []
    for at, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last):"):
            end = next((i for i in range(at + 1, len(lines)) if not lines[i][:1].isspace()), at)
            found.append("\n".join(lines[max(at - 1, 0) : end + 1]))
    # The same failure on many requests: once, keyed by everything but the request line.
    return list({block.split("\n", 1)[-1]: block for block in found}.values())


def _progress(message: str) -> None:
    progress("load", message)
