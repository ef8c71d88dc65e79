"""Page throughput: the presentation and home pages against Django's "hello", loaded by wrk.

One gunicorn (2 processes of gthread workers, as `slideshelf serve` runs it) serves
slideshelf over a throw-away data folder: SQLite migrated, a generated 50-slide deck
imported and converted, static files collected, debug off. wrk, a separate process, loads
each address for ten seconds over 20 connections. /hello/ (bench/hello_urls.py) is the
cheapest Django response through the same middleware stack in the same server, so "of hello"
says what a page costs on top of Python, gunicorn and Django on this machine at this moment.

`--smoke` converts a 3-slide deck and loads each address for one second over two
connections, without the warm-up.

Only 127.0.0.1 is used. Every step has a time limit, and gunicorn is stopped on the way out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.environment import child_environment
from bench.mode import Mode
from bench.sample_deck import make_text_deck
from bench.site import (
    HOST,
    REPO,
    STEP_TIMEOUT,
    STOP_TIMEOUT,
    canonical_page,
    free_port,
    import_decks,
    progress,
    slideshelf,
    verdict,
    wait_until_serving,
)
from slideshelf.core.management.commands.serve import THREADS, web

WORKERS = 2
TARGET_SHARE = 0.40  # presentation page's requests/s as a share of hello's
TARGET_P99_MS = 50.0
IMPORT_TIMEOUT = 600  # LibreOffice and the renderer on 50 slides

LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
BAD_STATUS = re.compile(r"Non-2xx or 3xx responses: (\d+)")
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
ADDRESS_WIDTH = 40  # the generated deck's slug is long


@dataclass(frozen=True)
class Size:
    slides: int  # in the generated deck
    threads: int  # wrk's
    connections: int
    seconds: int  # of load per address
    warm_up_seconds: int  # before it, at one thread and two connections; 0: none


FULL = Size(slides=50, threads=2, connections=20, seconds=10, warm_up_seconds=2)
SMOKE = Size(slides=3, threads=1, connections=2, seconds=1, warm_up_seconds=0)


@dataclass(frozen=True)
class Load:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors and responses other than 2xx/3xx


def run(mode: Mode = Mode.FULL) -> list[str]:
    if shutil.which("wrk") is None:
        return ["wrk is missing: run scripts/install-system-packages.sh as root"]
    size = SMOKE if mode is Mode.SMOKE else FULL
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-pages-") as folder:
        scratch = Path(folder)
        env = environment(scratch / "data")
        deck_id = prepare(env, scratch, size.slides)
        with gunicorn(env, scratch / "gunicorn.log") as base:
            deck_path, deck_bytes = canonical_page(base, f"/p/{deck_id}/")
            addresses = (("presentation", deck_path), ("home", "/"), ("hello", "/hello/"))
            loads = [measure(name, base, path, size) for name, path in addresses]
    return report(loads, deck_bytes, load_average, size)


# --- the site ---------------------------------------------------------------------------


def environment(data: Path) -> dict[str, str]:
    """The caller's environment over a fresh data folder: embedded SQLite, debug off."""
    return child_environment(data)


def prepare(env: dict[str, str], scratch: Path, slides: int) -> str:
    """Migrate, collect static files, import and convert the generated deck; its id."""
    deck = make_text_deck(scratch / f"generated-{slides}-slides.pptx", slides)
    _progress("migrating and collecting static files")
    slideshelf(env, "migrate", "--no-input", "--verbosity", "0")
    slideshelf(env, "collectstatic", "--no-input", "--verbosity", "0")
    _progress(f"importing and converting a {slides}-slide deck")
    return import_decks(env, [deck], timeout=IMPORT_TIMEOUT)[deck]


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    """gunicorn serving bench.hello_wsgi on a free loopback port; its base URL."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    with log.open("wb") as output:
        server = subprocess.Popen(
            web(HOST, port, WORKERS, app="bench.hello_wsgi"),
            env={**env, "DJANGO_SETTINGS_MODULE": "bench.hello_settings"},
            cwd=REPO,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(server, base + "/hello/", log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# --- the load ---------------------------------------------------------------------------


def measure(name: str, base: str, path: str, size: Size) -> Load:
    _progress(f"{name}: {path}")
    if size.warm_up_seconds:  # both workers warm: templates, connections
        wrk(base + path, 1, 2, size.warm_up_seconds)
    output = wrk(base + path, size.threads, size.connections, size.seconds)
    return parse_wrk(name, path, output)


def wrk(url: str, threads: int, connections: int, seconds: int) -> str:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + STEP_TIMEOUT, check=False
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def parse_wrk(name: str, path: str, output: str) -> Load:
    latencies = {int(p): float(v) * TO_MS[unit] for p, v, unit in LATENCY.findall(output)}
    rate = RATE.search(output)
    if rate is None or set(latencies) != {50, 99}:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    socket_errors = SOCKET_ERRORS.search(output)
    bad_status = BAD_STATUS.search(output)
    errors = sum(map(int, socket_errors.groups())) if socket_errors else 0
    errors += int(bad_status.group(1)) if bad_status else 0
    return Load(name, path, float(rate.group(1)), latencies[50], latencies[99], errors)


# --- the report -------------------------------------------------------------------------


def report(loads: list[Load], deck_bytes: int, load_average: str, size: Size) -> list[str]:
    by_name = {load.name: load for load in loads}
    hello, page = by_name["hello"], by_name["presentation"]
    lines = [
        f"Page throughput: gunicorn, {WORKERS} processes of {THREADS} threads, SQLite, debug off; "
        f"a {size.slides}-slide deck ({deck_bytes / 1024:.0f} KB of HTML)",
        f"  wrk -t{size.threads} -c{size.connections} -d{size.seconds}s --latency per address, "
        f"after a {size.warm_up_seconds} s warm-up; server and wrk share {os.cpu_count()} CPUs",
        f"  load average at start: {load_average} (other work on the machine skews every figure)",
        "",
    ]
    width = min(max(len(load.path) for load in loads), ADDRESS_WIDTH)
    lines.append(
        f"  {'page':<12}  {'address':<{width}}  {'req/s':>8}  {'p50 ms':>7}  {'p99 ms':>7}"
        f"  {'of hello':>8}  {'errors':>6}"
    )
    lines.append("  " + "  ".join("-" * n for n in (12, width, 8, 7, 7, 8, 6)))
    for load in loads:
        share = load.requests_per_second / hello.requests_per_second
        address = _clip(load.path, width)
        lines.append(
            f"  {load.name:<12}  {address:<{width}}  {load.requests_per_second:>8.1f}"
            f"  {load.p50_ms:>7.1f}  {load.p99_ms:>7.1f}  {share:>8.0%}  {load.errors:>6}"
        )
    share = page.requests_per_second / hello.requests_per_second
    lines += [
        "",
        f"Target: presentation page >= {TARGET_SHARE:.0%} of hello's requests/s: "
        f"{share:.0%} -> {verdict(share >= TARGET_SHARE)}",
        f"Target: presentation page p99 < {TARGET_P99_MS:.0f} ms at {size.connections} clients: "
        f"{page.p99_ms:.1f} ms -> {verdict(page.p99_ms < TARGET_P99_MS)}",
    ]
    if any(load.errors for load in loads):
        lines.append("  note: errors are socket errors and non-2xx/3xx responses counted by wrk")
    return lines


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _progress(message: str) -> None:
    progress("pages", message)
