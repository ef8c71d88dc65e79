"""Conversion throughput with more workers: the same decks converted by one `slideshelf worker`
process and by two; and, on the converted site, what `slideshelf reindex` takes.

Generated PPTX decks of ten slides (12; `--quick` 4, `--smoke` 2 of three slides) are queued
once with `slideshelf import` (without --wait) on a migrated site; each run then gets a fresh
copy of that site (its data folder, and on PostgreSQL its database, copied with createdb
--template and dropped after), starts its workers and polls the database every quarter
second: the conversions' states and django-tasks' queue in one small query, so polling costs
next to nothing. Two moments are timed from the workers' start, Django and LibreOffice
starting included: every deck ready (or failed), which is what the people who uploaded wait
for; and the queue empty, the 2x slide images (separate tasks queued as each deck is ready)
drawn too, which is what a site can keep up with. A full run repeats each, 1 and 2 workers
taking turns, and quotes medians.

Several workers are PostgreSQL's story (each claims a task with a row lock that skips what
another holds), so it runs there when SLIDESHELF_BENCH_POSTGRES_URL's server answers; on
SQLite otherwise, and says so.

On two cores the ratio cannot reach 2: one worker already keeps both busy much of the time.
LibreOffice, turning a deck into a PDF, uses one core, and the renderer draws the slides in
one pdfium process a core, so a second worker gains mostly while the first waits on
LibreOffice with a core idle; two LibreOffices and two renderers then share the two cores.

Last, on the last run's converted site, `slideshelf reindex` rebuilds the search index, key
terms and similar lists with the embedded engine and (on PostgreSQL) with PostgreSQL's; the
time it prints itself is reported, without Python and Django starting. The search benchmark
does not time it: at its million slides a reindex takes as long again as its whole build.

Every step has a time limit; the workers (and their LibreOffice) are stopped on the way out.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

from bench.environment import child_environment
from bench.load_site import stop
from bench.mode import Mode
from bench.sample_deck import make_text_deck
from bench.site import REPO, database_if_any, progress, slideshelf, throwaway_database

WORKERS = (1, 2)
POLL_EVERY = 0.25  # seconds
START_ALLOWANCE = 120  # Django and LibreOffice starting, beside other work on the machine
DECK_ALLOWANCE = 60  # a ten-slide deck and its 2x images, one worker, a busy machine
# The conversions' states (one row a deck) and django-tasks' queue, in one query that SQLite
# and PostgreSQL both answer.
PROGRESS = (
    "SELECT"
    " (SELECT count(*) FROM conversion_conversion WHERE status IN ('ready', 'failed')),"
    " (SELECT count(*) FROM conversion_conversion WHERE status = 'failed'),"
    " (SELECT count(*) FROM django_tasks_database_dbtaskresult"
    "  WHERE status IN ('READY', 'RUNNING'))"
)
REINDEXED = re.compile(r"^Indexed (\d+) presentations in ([\d.]+) s\.$", re.MULTILINE)
ENGINES = {"tantivy": "embedded (tantivy)", "postgres": "PostgreSQL's"}


@dataclass(frozen=True)
class Size:
    decks: int
    slides: int  # a deck's
    repetitions: int  # of each number of workers


# A smoke run's decks are smaller: LibreOffice starting is most of their time anyway.
SIZES = {
    Mode.FULL: Size(decks=12, slides=10, repetitions=2),
    Mode.QUICK: Size(decks=4, slides=10, repetitions=1),
    Mode.SMOKE: Size(decks=2, slides=3, repetitions=1),
}


@dataclass(frozen=True)
class Site:
    """A migrated site with the decks queued, to be copied for each run."""

    data: Path
    database: str  # the PostgreSQL database's name; "" on SQLite (its file is in `data`)


@dataclass(frozen=True)
class Copy:
    """One run's copy of the site."""

    data: Path
    env: dict[str, str]  # of slideshelf processes over it
    connection: Any  # to its database, for polling: sqlite3's or psycopg's


@dataclass(frozen=True)
class Run:
    workers: int
    all_ready: float  # seconds from the workers' start until every deck is ready or failed
    drained: float  # until the queue is empty: the 2x images drawn too
    failed: int


def run(mode: Mode = Mode.FULL) -> list[str]:
    size = SIZES[mode]
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    order = [count for _ in range(size.repetitions) for count in WORKERS]
    runs, reindexed = [], {}
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-workers-") as folder:
        scratch = Path(folder)
        decks = [
            make_text_deck(scratch / f"deck-{n}.pptx", size.slides, seed=n)
            for n in range(size.decks)
        ]
        with queued_site(scratch, decks) as (site, where):
            for n, workers in enumerate(order, start=1):
                with copy_of(site, scratch / f"run-{n}") as copy:
                    runs.append(timed_run(copy, workers, size.decks))
                    if n == len(order):  # converted: what reindex rebuilds from
                        reindexed = reindex(copy.env, on_postgres=bool(site.database))
    return [
        *report(runs, size, where, load_average),
        "",
        *reindex_lines(reindexed, size),
    ]


# --- the site -------------------------------------------------------------------------------


@contextmanager
def queued_site(scratch: Path, decks: list[Path]) -> Iterator[tuple[Site, str]]:
    """The site every run copies: on a PostgreSQL database of its own when the server answers
    (dropped on the way out), on SQLite otherwise; and a line that says which."""
    with database_if_any(f"slideshelf_bench_workers_{os.getpid()}") as (url, why):
        server = urlsplit(url).netloc.rpartition("@")[2]
        where = f"PostgreSQL at {server}" if url else f"SQLite: PostgreSQL not reachable ({why})"
        site = Site(scratch / "site", urlsplit(url).path.lstrip("/"))
        settings = {"SLIDESHELF_DATABASE_URL": url} if url else {}
        yield queue(child_environment(site.data, **settings), decks, site), where


def queue(env: dict[str, str], decks: list[Path], site: Site) -> Site:
    """Migrate, and queue the decks with `slideshelf import`, which does not wait for them."""
    _progress(f"migrating and queueing {len(decks)} decks")
    slideshelf(env, "migrate", "--no-input", "--verbosity", "0")
    output = slideshelf(env, "import", *map(str, decks))
    queued = [line for line in output.splitlines() if line.split()[1:2] == ["queued"]]
    if len(queued) != len(decks):
        raise RuntimeError(f"not every deck was queued:\n{output}")
    return site


@contextmanager
def copy_of(site: Site, data: Path) -> Iterator[Copy]:
    """A fresh copy of the site in `data`, its database dropped on the way out."""
    shutil.copytree(site.data, data)
    if not site.database:
        with contextlib.closing(sqlite3.connect(data / "slideshelf.sqlite3")) as connection:
            yield Copy(data, child_environment(data), connection)
        return
    name = f"{site.database}_{data.name.replace('-', '_')}"
    with (
        throwaway_database(name, template=site.database) as url,
        psycopg.connect(url, autocommit=True) as connection,
    ):
        yield Copy(data, child_environment(data, SLIDESHELF_DATABASE_URL=url), connection)


# --- a run --------------------------------------------------------------------------------


def timed_run(copy: Copy, workers: int, decks: int) -> Run:
    """Start `workers` workers on the copy; the seconds until every deck is ready or failed,
    and until the queue is empty."""
    _progress(f"{workers} worker{'s' if workers > 1 else ''}, {decks} decks")
    deadline = START_ALLOWANCE + DECK_ALLOWANCE * decks
    with started(copy, workers) as (began, logs):
        all_ready = None
        while (elapsed := time.monotonic() - began) < deadline:
            settled, failed, pending = copy.connection.execute(PROGRESS).fetchone()
            if settled == decks and all_ready is None:
                all_ready = elapsed
            if all_ready is not None and not pending:
                return Run(workers, all_ready, elapsed, failed)
            time.sleep(POLL_EVERY)
        tails = "\n".join(log.read_text(errors="replace")[-2000:] for log in logs)
        raise RuntimeError(
            f"{workers} workers: {settled}/{decks} decks settled and {pending} tasks left "
            f"after {deadline} s:\n{tails}"
        )


@contextmanager
def started(copy: Copy, workers: int) -> Iterator[tuple[float, list[Path]]]:
    """`workers` worker processes, each in a session of its own, as a service manager runs
    them; when they started, and their logs. Stopped, with their LibreOffice, on the way out."""
    logs = [copy.data.parent / f"{copy.data.name}-worker-{n}.log" for n in range(workers)]
    processes: list[subprocess.Popen[bytes]] = []
    began = time.monotonic()
    try:
        for log in logs:
            with log.open("wb") as output:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "slideshelf", "worker"],
                        env=copy.env,
                        cwd=REPO,
                        stdout=output,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        yield began, logs
    finally:
        for process in processes:
            stop(process)


def reindex(env: dict[str, str], on_postgres: bool) -> dict[str, float]:
    """`slideshelf reindex` with each engine the database allows: the seconds it prints (its
    own work, without Python and Django starting)."""
    seconds = {}
    for engine in ENGINES if on_postgres else ("tantivy",):
        _progress(f"slideshelf reindex, {engine}")
        output = slideshelf({**env, "SLIDESHELF_SEARCH_ENGINE": engine}, "reindex")
        printed = REINDEXED.search(output)
        if printed is None:
            raise RuntimeError(f"unexpected output of slideshelf reindex:\n{output}")
        seconds[engine] = float(printed.group(2))
    return seconds


# --- the report -----------------------------------------------------------------------------


def report(runs: list[Run], size: Size, where: str, load_average: str) -> list[str]:
    decks, slides, repetitions = size.decks, size.slides, size.repetitions
    medians = f"; medians of {repetitions} runs each, 1 and 2 workers taking turns"
    lines = [
        f"Workers: {decks} generated {slides}-slide PPTX decks ({decks * slides} slides) queued "
        "by `slideshelf import`, converted by 1 and by 2 `slideshelf worker` processes",
        f"  on {where}; each run on a fresh copy of the site",
        f"  {os.cpu_count()} CPUs; load average at start: {load_average}"
        + (medians if repetitions > 1 else ""),
        "  timed from the workers' start (Django and LibreOffice starting included); "
        "'all done': the 2x images drawn too",
        "",
        f"  {'workers':>7}  {'all ready':>9}  {'decks/min':>9}  {'slides/min':>10}"
        f"  {'all done':>8}  {'decks/min':>9}  {'slides/min':>10}  {'failed':>6}",
        "  " + "  ".join("-" * n for n in (7, 9, 9, 10, 8, 9, 10, 6)),
    ]
    rates = {}
    for workers in WORKERS:
        mine = [run for run in runs if run.workers == workers]
        ready = statistics.median(run.all_ready for run in mine)
        done = statistics.median(run.drained for run in mine)
        rates[workers] = (decks / ready * 60, decks / done * 60)
        lines.append(
            f"  {workers:>7}  {ready:>7.1f} s  {rates[workers][0]:>9.1f}"
            f"  {rates[workers][0] * slides:>10.0f}  {done:>6.1f} s  {rates[workers][1]:>9.1f}"
            f"  {rates[workers][1] * slides:>10.0f}  {max(run.failed for run in mine):>6}"
        )
    if repetitions > 1:
        for workers in WORKERS:
            each = ", ".join(
                f"{run.all_ready:.1f}/{run.drained:.1f}" for run in runs if run.workers == workers
            )
            lines.append(f"  each run with {workers}, all ready/all done in s: {each}")
    ready_ratio = rates[2][0] / rates[1][0]
    done_ratio = rates[2][1] / rates[1][1]
    return [
        *lines,
        "",
        f"2 workers / 1: {ready_ratio:.2f}× decks a minute until every deck is ready, "
        f"{done_ratio:.2f}× until all is done, on {os.cpu_count()} CPUs",
    ]


def reindex_lines(seconds: dict[str, float], size: Size) -> list[str]:
    slides = size.decks * size.slides
    lines = [
        f"Reindex (`slideshelf reindex`: index, key terms and similar lists from the database) "
        f"of the converted site, {size.decks} decks, {slides} slides:"
    ]
    for engine, took in seconds.items():
        lines.append(
            f"  {ENGINES[engine]} engine: {took:.1f} s, {took / slides * 1000:.1f} s per 1,000 "
            f"slides (a small site: fixed costs weigh in)"
        )
    return lines


def _progress(message: str) -> None:
    progress("workers", message)
