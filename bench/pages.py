"""Page throughput: the presentation page, the embed player, the API's read of a deck and the
home page against Django's "hello", loaded by wrk, on SQLite and then on PostgreSQL.

One gunicorn (2 processes of gthread workers, as `slideshelf serve` runs it) serves
slideshelf over a throw-away data folder: the database migrated, a generated 50-slide deck
imported and converted, static files collected, debug off. wrk, a separate process, loads
each address for ten seconds over 20 connections. /hello/ (bench/hello_urls.py) is the
cheapest Django response through the same middleware stack in the same server, so "of hello"
says what a page costs on top of Python, gunicorn and Django on this machine at this moment.

The same is done twice: on SQLite in the data folder, then on a PostgreSQL database of its
own (`slideshelf_bench_pages_<pid>` on SLIDESHELF_BENCH_POSTGRES_URL's server, created and
dropped; skipped, saying why, when the server does not answer). Each site has its own hello,
so shares compare within one database; the targets hold on each. One line compares the two
presentation pages, with hello's ratio beside it for how much the machine itself changed.

On SQLite, what counting views costs is measured apart, on three fresh gunicorns over the same
site: one counting (as configured), two not (SLIDESHELF_COUNT_VIEWS=false). Each round loads
each server in turn for five seconds, the first of the round moved on by one every round, six
rounds. A round's requests/s vary by 40% on a shared machine, more than the cost looked for,
so the verdict takes what the rate of a CPU-bound server follows and other work on the machine
disturbs far less: the CPU time a request took in the server's own processes (gunicorn and its
workers, user and system, from /proc). The median over rounds of the uncounted server's CPU
time a request over the counting one's is how many requests a CPU-second serves with counting,
as a share of without; the two uncounted servers compared the same way show how far identical
servers differ here. wrk sends no User-Agent, so its requests are counted as a visitor's.

`--smoke` converts a 3-slide deck and loads each address for one second over two
connections, without the warm-up.

Only 127.0.0.1 is used. Every step has a time limit, and gunicorn is stopped on the way out.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
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
    database_if_any,
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
TARGET_EMBED_SHARE = 0.50  # the embed player's
TARGET_API_SHARE = 0.40  # the API's read of the deck with its slides
TARGET_P99_MS = 50.0
TARGET_COUNTING_COST = 0.10  # the presentation page with counting, at most this much slower
IMPORT_TIMEOUT = 600  # LibreOffice and the renderer on 50 slides

LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
REQUESTS = re.compile(r"^\s*(\d+) requests in ", re.MULTILINE)
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
    counting_rounds: int  # of the presentation page with counting on and off, taking turns
    counting_seconds: int  # of load in each


FULL = Size(
    slides=50,
    threads=2,
    connections=20,
    seconds=10,
    warm_up_seconds=2,
    counting_rounds=6,
    counting_seconds=5,
)
SMOKE = Size(
    slides=3,
    threads=1,
    connections=2,
    seconds=1,
    warm_up_seconds=0,
    counting_rounds=1,
    counting_seconds=1,
)


@dataclass(frozen=True)
class Load:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors and responses other than 2xx/3xx
    requests: int  # in all


@dataclass(frozen=True)
class Measured:
    database: str  # "SQLite", "PostgreSQL"
    loads: list[Load]
    deck_bytes: int  # the presentation page's HTML
    counting: Counting | None = None


@dataclass(frozen=True)
class Sample:
    """One server's turn in a round."""

    requests_per_second: float
    cpu_ms: float  # a request, in the server's processes


@dataclass(frozen=True)
class Counting:
    """The presentation page round by round from a server counting views, one not, and a
    second one not (the control)."""

    on: list[Sample]
    off: list[Sample]
    control: list[Sample]

    def capacity(self, samples: list[Sample]) -> float:
        """Requests a CPU-second serves, as a share of the uncounted server's: the median of
        the rounds' ratios."""
        return statistics.median(
            _ratio(off.cpu_ms, s.cpu_ms) for s, off in zip(samples, self.off, strict=True)
        )

    def throughput(self, samples: list[Sample]) -> float:
        """Requests/s as a share of the uncounted server's: the median of the rounds' ratios."""
        return statistics.median(
            _ratio(s.requests_per_second, off.requests_per_second)
            for s, off in zip(samples, self.off, strict=True)
        )


@dataclass(frozen=True)
class Server:
    base: str  # http://127.0.0.1:port
    pid: int  # gunicorn's own, whose children are the workers

    def cpu_seconds(self) -> float:
        """CPU time gunicorn and its workers have used so far, user and system."""
        task = Path("/proc", str(self.pid), "task", str(self.pid))
        ticks = 0
        for pid in [str(self.pid), *(task / "children").read_text().split()]:
            # After the command's name, in parentheses, which may hold spaces.
            fields = Path("/proc", pid, "stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")


def run(mode: Mode = Mode.FULL) -> list[str]:
    if shutil.which("wrk") is None:
        return ["wrk is missing: run scripts/install-system-packages.sh as root"]
    size = SMOKE if mode is Mode.SMOKE else FULL
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-pages-") as folder:
        scratch = Path(folder)
        deck = make_text_deck(scratch / f"generated-{size.slides}-slides.pptx", size.slides)
        _progress("collecting static files, for both sites")
        env = environment(scratch / "sqlite", scratch / "static")
        slideshelf(env, "collectstatic", "--no-input", "--verbosity", "0")
        sqlite = measured_site(scratch, "SQLite", deck, size)
        with database_if_any(f"slideshelf_bench_pages_{os.getpid()}") as (url, why):
            postgres = measured_site(scratch, "PostgreSQL", deck, size, url) if url else None
    lines = [*header(sqlite, load_average, size), "", *table(sqlite, size)]
    if postgres is None:
        return [*lines, "", f"PostgreSQL: not measured ({why})"]
    return [*lines, "", *table(postgres, size), "", comparison(sqlite, postgres)]


def measured_site(
    scratch: Path, database: str, deck: Path, size: Size, database_url: str = ""
) -> Measured:
    """The deck converted on a fresh site over `database`, served, and each address loaded."""
    env = environment(scratch / database.lower(), scratch / "static", database_url)
    deck_id = prepare(env, deck, database)
    with gunicorn(env, scratch / f"gunicorn-{database.lower()}.log") as server:
        base = server.base
        deck_path, deck_bytes = canonical_page(base, f"/p/{deck_id}/")
        addresses = (
            ("presentation", deck_path),
            ("embed", f"/embed/{deck_id}/"),
            ("api deck", f"/api/v1/decks/{deck_id}/"),
            ("home", "/"),
            ("hello", "/hello/"),
        )
        loads = [measure(database, name, base, path, size) for name, path in addresses]
    counting = None if database_url else counting_cost(env, scratch, deck_path, size)
    return Measured(database, loads, deck_bytes, counting)


def counting_cost(env: dict[str, str], scratch: Path, path: str, size: Size) -> Counting:
    """The page from three fresh servers over the same site, one counting its views and two
    not, loaded one at a time, the first of each round moved on by one."""
    uncounted = {**env, "SLIDESHELF_COUNT_VIEWS": "false"}
    kinds = (("counted", env), ("uncounted", uncounted), ("control", uncounted))
    rounds = replace(size, seconds=size.counting_seconds)
    samples: list[list[Sample]] = [[] for _ in kinds]
    with ExitStack() as stack:
        servers = [
            stack.enter_context(gunicorn(kind_env, scratch / f"gunicorn-{kind}.log"))
            for kind, kind_env in kinds
        ]
        for round_ in range(size.counting_rounds):
            _progress(f"counting on and off, round {round_ + 1}")
            for n in range(len(servers)):
                turn = (round_ + n) % len(servers)
                samples[turn].append(sample(servers[turn], path, rounds))
    return Counting(*samples)


def sample(server: Server, path: str, size: Size) -> Sample:
    """`path` loaded from `server` once warm, and the CPU time its requests took."""
    url = server.base + path
    warm(url, size)
    before = server.cpu_seconds()
    load = parse_wrk("", path, wrk(url, size.threads, size.connections, size.seconds))
    used = server.cpu_seconds() - before
    return Sample(load.requests_per_second, 1000 * used / max(load.requests, 1))


# --- the site ---------------------------------------------------------------------------


def environment(data: Path, static: Path, database_url: str = "") -> dict[str, str]:
    """The caller's environment over a fresh data folder, on SQLite in it or on the database
    `database_url`, debug off; static files collected once for both sites; the API's request
    rate unbounded (wrk, from one address, makes thousands a second)."""
    settings = {
        "SLIDESHELF_API_REQUESTS_PER_MINUTE": "100000000",
        "SLIDESHELF_STATIC_ROOT": str(static),
    }
    if database_url:
        settings["SLIDESHELF_DATABASE_URL"] = database_url
    return child_environment(data, **settings)


def prepare(env: dict[str, str], deck: Path, database: str) -> str:
    """Migrate, import and convert the generated deck; its id."""
    _progress(f"{database}: migrating")
    slideshelf(env, "migrate", "--no-input", "--verbosity", "0")
    _progress(f"{database}: importing and converting {deck.name}")
    return import_decks(env, [deck], timeout=IMPORT_TIMEOUT)[deck]


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[Server]:
    """gunicorn serving bench.hello_wsgi on a free loopback port."""
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
            yield Server(base, server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# --- the load ---------------------------------------------------------------------------


def measure(database: str, name: str, base: str, path: str, size: Size) -> Load:
    _progress(f"{database}, {name}: {path}")
    return measure_url(base + path, size, name, path)


def measure_url(url: str, size: Size, name: str = "", path: str = "") -> Load:
    warm(url, size)
    output = wrk(url, size.threads, size.connections, size.seconds)
    return parse_wrk(name, path, output)


def warm(url: str, size: Size) -> None:
    """Both workers warm: templates, connections."""
    if size.warm_up_seconds:
        wrk(url, 1, 2, size.warm_up_seconds)


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
    requests = REQUESTS.search(output)
    if rate is None or requests is None or set(latencies) != {50, 99}:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    socket_errors = SOCKET_ERRORS.search(output)
    bad_status = BAD_STATUS.search(output)
    errors = sum(map(int, socket_errors.groups())) if socket_errors else 0
    errors += int(bad_status.group(1)) if bad_status else 0
    return Load(
        name,
        path,
        float(rate.group(1)),
        latencies[50],
        latencies[99],
        errors,
        int(requests.group(1)),
    )


# --- the report -------------------------------------------------------------------------


def header(sqlite: Measured, load_average: str, size: Size) -> list[str]:
    return [
        f"Page throughput: gunicorn, {WORKERS} processes of {THREADS} threads, debug off; "
        f"a {size.slides}-slide deck ({sqlite.deck_bytes / 1024:.0f} KB of HTML)",
        f"  wrk -t{size.threads} -c{size.connections} -d{size.seconds}s --latency per address, "
        f"after a {size.warm_up_seconds} s warm-up; server and wrk share {os.cpu_count()} CPUs",
        f"  load average at start: {load_average} (other work on the machine skews every figure)",
        "  on SQLite, then on PostgreSQL, each site with its own hello: compare shares within one",
    ]


def table(measured: Measured, size: Size) -> list[str]:
    """The database's loads, and the targets (the same on either database)."""
    loads, database = measured.loads, measured.database
    by_name = {load.name: load for load in loads}
    hello, page, embed = by_name["hello"], by_name["presentation"], by_name["embed"]
    api = by_name["api deck"]
    width = min(max(len(load.path) for load in loads), ADDRESS_WIDTH)
    lines = [
        f"{database}:",
        f"  {'page':<12}  {'address':<{width}}  {'req/s':>8}  {'p50 ms':>7}  {'p99 ms':>7}"
        f"  {'of hello':>8}  {'errors':>6}",
        "  " + "  ".join("-" * n for n in (12, width, 8, 7, 7, 8, 6)),
    ]
    for load in loads:
        share = _ratio(load.requests_per_second, hello.requests_per_second)
        address = _clip(load.path, width)
        lines.append(
            f"  {load.name:<12}  {address:<{width}}  {load.requests_per_second:>8.1f}"
            f"  {load.p50_ms:>7.1f}  {load.p99_ms:>7.1f}  {share:>8.0%}  {load.errors:>6}"
        )
    share = _ratio(page.requests_per_second, hello.requests_per_second)
    embed_share = _ratio(embed.requests_per_second, hello.requests_per_second)
    api_share = _ratio(api.requests_per_second, hello.requests_per_second)
    lines += [
        f"Target, {database}: presentation page >= {TARGET_SHARE:.0%} of hello's requests/s: "
        f"{share:.0%} -> {verdict(share >= TARGET_SHARE)}",
        f"Target, {database}: embed player >= {TARGET_EMBED_SHARE:.0%} of hello's requests/s: "
        f"{embed_share:.0%} -> {verdict(embed_share >= TARGET_EMBED_SHARE)}",
        f"Target, {database}: API deck read >= {TARGET_API_SHARE:.0%} of hello's requests/s: "
        f"{api_share:.0%} -> {verdict(api_share >= TARGET_API_SHARE)}",
        f"Target, {database}: presentation page p99 < {TARGET_P99_MS:.0f} ms at "
        f"{size.connections} clients: {page.p99_ms:.1f} ms "
        f"-> {verdict(page.p99_ms < TARGET_P99_MS)}",
    ]
    if counting := measured.counting:
        lines += counting_lines(database, counting)
    if any(load.errors for load in loads):
        lines.append("  note: errors are socket errors and non-2xx/3xx responses counted by wrk")
    return lines


def counting_lines(database: str, counting: Counting) -> list[str]:
    kept, control = counting.capacity(counting.on), counting.capacity(counting.control)
    by_rate = counting.throughput(counting.on)
    control_by_rate = counting.throughput(counting.control)
    servers = (("counted", counting.on), ("uncounted", counting.off), ("again", counting.control))
    cpu = [f"{name} {_rates((s.cpu_ms for s in samples), 2)}" for name, samples in servers]
    rates = [
        f"{name} {_rates(s.requests_per_second for s in samples)}" for name, samples in servers
    ]
    return [
        f"Target, {database}: presentation page with views counted within "
        f"{TARGET_COUNTING_COST:.0%} of it uncounted: {kept:.2f}× the requests a CPU-second "
        f"serves (median of {len(counting.on)} rounds; a second uncounted server: "
        f"{control:.2f}×) -> {verdict(kept >= 1 - TARGET_COUNTING_COST)}",
        f"  CPU ms a request: {'; '.join(cpu)}",
        f"  requests/s: {'; '.join(rates)}",
        f"  requests/s counted against uncounted: {by_rate:.2f}× (the second uncounted server: "
        f"{control_by_rate:.2f}×: what the machine alone varies)",
    ]


def comparison(sqlite: Measured, postgres: Measured) -> str:
    """PostgreSQL's presentation page against SQLite's, beside hello's ratio: how much of a
    difference is the database's and how much the machine's at that moment."""
    rates = [
        {load.name: load.requests_per_second for load in measured.loads}
        for measured in (sqlite, postgres)
    ]
    page = _ratio(rates[1]["presentation"], rates[0]["presentation"])
    hello = _ratio(rates[1]["hello"], rates[0]["hello"])
    return (
        f"PostgreSQL's presentation page: {rates[1]['presentation']:.1f} requests/s, "
        f"{page:.2f}× SQLite's {rates[0]['presentation']:.1f} (hello: {hello:.2f}×)"
    )


def _ratio(rate: float, other: float) -> float:
    """0 when `other` is: a server that answered nothing in a short smoke run's second."""
    return rate / other if other else 0.0


def _rates(rates: Iterable[float], digits: int = 1) -> str:
    return ", ".join(f"{rate:.{digits}f}" for rate in rates)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _progress(message: str) -> None:
    progress("pages", message)
