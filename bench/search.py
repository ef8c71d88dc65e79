"""Search at scale: index build, query latency, the search page, similar lists and their quality.

`python -m bench.search [--slides N | --quick | --smoke]` (default 1,000,000 slides; quick
20,000; smoke 200 slides and a handful of queries of each kind).

A generated corpus (bench/search_corpus.py: Swedish and English, Zipf s=1.07, decks of 10–60
slides) is loaded into a throw-away data folder: SQLite migrated, the Presentation and Slide
rows bulk-created, the tantivy index built through `TantivyEngine.index()` in batches of 500
decks, key terms computed for every deck. Then, for each kind of query, the raw engine call and
the facade (`api.find`) are timed in the same loop, taking turns at going first; the search
page is timed in-process through Django's test client; similar lists are timed on a random
sample of decks. Last, the labelled similar set (tests/similar_set.py, bench/search_labelled.py)
arrives on the same site, after the corpus's key terms were computed, as later uploads do: its
similar lists are timed and evaluated as tests/test_similar.py does on small sites (a related
deck among the first three, no decoy above a related deck), here among the corpus's decks.
It comes after the queries, so that their figures are of the corpus alone.

The PostgreSQL engine is measured the same way as far as its index goes (index build, raw
engine queries; it has no deck rows, so no key terms or similar lists) in the database
`SLIDESHELF_BENCH_POSTGRES_URL` names, when it answers; its search tables are dropped and
recreated each run through the search app's migrations. A smoke run uses a database of its
own beside that one instead, dropped afterwards, so that it never shares tables with another
run (CI's, a developer's), and counts a PostgreSQL phase that fails as its own failure.

`slideshelf reindex`, which rebuilds index, key terms and similar lists from the rows, is not
timed here: at a million slides it takes as long again as this whole build. The workers
benchmark times it on its converted site (bench/workers.py).

Each half runs in a child process of its own (`--phase`), since Django's settings (data folder,
database, engine) are fixed once per process. Children write their figures as JSON; progress
goes to stderr, the figures to stdout (bench/search_report.py).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.environment import child_environment
from bench.mode import Mode
from bench.search_corpus import Corpus, Rows
from bench.search_labelled import add_and_evaluate
from bench.search_queries import query_sets, raw_search, side_by_side
from bench.search_report import KINDS, report
from bench.site import POSTGRES_URL, Unavailable, ensure_database, throwaway_database
from slideshelf.search.types import DeckDoc

if TYPE_CHECKING:
    from slideshelf.search.engines import Engine

REPO = Path(__file__).resolve().parents[1]
FULL_SLIDES = 1_000_000
QUICK_SLIDES = 20_000
SMOKE_SLIDES = 200
SLIDES = {Mode.FULL: FULL_SLIDES, Mode.QUICK: QUICK_SLIDES, Mode.SMOKE: SMOKE_SLIDES}
INDEX_BATCH = 500  # decks per engine.index() call, as `reindex` hands them over
SEED = 7
SECONDS_PER_SLIDE_LIMIT = 0.01  # a child taking longer than this is stuck
CHILD_TIMEOUT_MIN = 900


@dataclass(frozen=True)
class Scale:
    queries: int  # of each kind, through the raw engine and the facade
    page_queries: int
    similar_sample: int  # decks whose similar lists are timed
    warm_up: int  # queries run before timing: searchers opened, templates compiled


FULL_SCALE = Scale(queries=200, page_queries=200, similar_sample=200, warm_up=20)
# Percentiles need at least two timings of each.
SMOKE_SCALE = Scale(queries=4, page_queries=8, similar_sample=4, warm_up=2)


def scale_of(mode: Mode) -> Scale:
    return SMOKE_SCALE if mode is Mode.SMOKE else FULL_SCALE


def run(slides: int = FULL_SLIDES, mode: Mode = Mode.FULL) -> list[str]:
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-search-") as folder:
        scratch = Path(folder)
        env = embedded_environment(scratch / "data")
        embedded = child("embedded", slides, mode, scratch, env)
        if "error" in embedded:
            raise RuntimeError(f"the embedded search benchmark failed: {embedded['error']}")
        postgres = postgres_run(slides, mode, scratch)
    return report(embedded, postgres, load_average, scale_of(mode).queries)


def postgres_run(slides: int, mode: Mode, scratch: Path) -> dict[str, Any]:
    """The PostgreSQL phase's figures, or {"error": why} when they could not be had."""
    try:
        with postgres_database(mode) as url:
            env = postgres_environment(scratch / "pg", url)
            figures = child("postgres", slides, mode, scratch, env)
    except Unavailable as reason:
        return {"error": str(reason)}
    if "error" in figures and mode is Mode.SMOKE:
        raise RuntimeError(f"the PostgreSQL search benchmark failed: {figures['error']}")
    return {**figures, "server": url.rsplit("@", 1)[-1]}


# --- the child processes ----------------------------------------------------------------


def child(
    phase: str, slides: int, mode: Mode, scratch: Path, env: dict[str, str]
) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its figures, or {"error": why}."""
    out = scratch / f"{phase}.json"
    timeout = max(CHILD_TIMEOUT_MIN, slides * SECONDS_PER_SLIDE_LIMIT)
    command = [sys.executable, "-m", "bench.search", "--phase", phase, "--slides", str(slides)]
    command += ["--smoke"] if mode is Mode.SMOKE else []
    try:
        done = subprocess.run(
            [*command, "--out", str(out)], env=env, cwd=REPO, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"took over {timeout:.0f} s"}
    if out.exists():
        return dict(json.loads(out.read_text()))
    return {"error": f"exited {done.returncode} without figures (see stderr)"}


def base_environment(data: Path) -> dict[str, str]:
    return child_environment(
        data,
        SLIDESHELF_SEARCH_SYNC_ON_COMMIT="false",
        SLIDESHELF_ALLOWED_HOSTS="testserver",  # django.test.Client's host
    )


def embedded_environment(data: Path) -> dict[str, str]:
    return {**base_environment(data), "SLIDESHELF_SEARCH_ENGINE": "tantivy"}


def postgres_environment(data: Path, url: str) -> dict[str, str]:
    return {
        **base_environment(data),
        "SLIDESHELF_SEARCH_ENGINE": "postgres",
        "SLIDESHELF_DATABASE_URL": url,
    }


# --- the PostgreSQL database --------------------------------------------------------------


@contextmanager
def postgres_database(mode: Mode) -> Iterator[str]:
    """POSTGRES_URL, created when missing; for a smoke run a fresh database on the same
    server, dropped afterwards. Raises Unavailable when the server does not answer."""
    if mode is not Mode.SMOKE:
        ensure_database(POSTGRES_URL)
        yield POSTGRES_URL
        return
    with throwaway_database(f"slideshelf_bench_smoke_{os.getpid()}_{secrets.token_hex(3)}") as url:
        yield url


# --- the command line ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--slides", type=int, help=f"default {FULL_SLIDES:,}")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help=f"{QUICK_SLIDES:,} slides")
    size.add_argument("--smoke", action="store_true", help=f"{SMOKE_SLIDES} slides, few queries")
    parser.add_argument("--phase", choices=("embedded", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    mode = Mode.of(smoke=options.smoke, quick=options.quick)
    slides = options.slides or SLIDES[mode]
    if options.phase is None:
        print("\n".join(run(slides, mode)))
        return 0
    return run_phase(options.phase, slides, scale_of(mode), options.out)


def run_phase(phase: str, slides: int, scale: Scale, out: Path) -> int:
    """One child's work; its figures, or {"error": why}, written to `out` as JSON."""
    work = embedded_phase if phase == "embedded" else postgres_phase
    try:
        figures = work(slides, scale)
    except Exception as error:
        out.write_text(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        traceback.print_exc()
        return 1
    out.write_text(json.dumps(figures))
    return 0


def set_up_django() -> None:
    """Settings from the environment child() gave, and the database's tables."""
    import django

    django.setup()
    from django.core.management import call_command

    _progress("migrating")
    call_command("migrate", "--no-input", verbosity=0)


def index_in_batches(
    corpus: Corpus, calls: Mapping[str, Callable[[list[DeckDoc]], object]], keep: bool
) -> tuple[list[DeckDoc], dict[str, float]]:
    """Every deck, INDEX_BATCH at a time, through each call in turn: the decks (when `keep`)
    and the seconds spent generating them and in each call."""
    docs: list[DeckDoc] = []
    seconds = dict.fromkeys(["generate", *calls], 0.0)
    done, total = 0, len(corpus.deck_ids)
    for start in range(1, total + 1, INDEX_BATCH):
        begun = time.perf_counter()
        batch = list(corpus.decks(start, start + INDEX_BATCH))
        seconds["generate"] += time.perf_counter() - begun
        for name, call in calls.items():
            seconds[name] += _timed(partial(call, batch))
        done += len(batch)
        docs += batch if keep else []
        _progress_every(done, total, "decks indexed", seconds["index"])
    return docs, seconds


# --- the embedded engine (tantivy, SQLite) ------------------------------------------------


def embedded_phase(slides: int, scale: Scale) -> dict[str, Any]:
    set_up_django()
    from django.core.management import call_command

    from slideshelf.search.engines import engine

    _progress("collecting static files")
    call_command("collectstatic", "--no-input", verbosity=0)
    corpus = Corpus(slides)
    search = engine()
    rows = Rows(corpus)
    calls = {"rows": rows.create, "index": search.index}
    docs, seconds = index_in_batches(corpus, calls, keep=True)
    figures: dict[str, Any] = {"slides": corpus.slide_total, "decks": len(corpus.deck_ids)}
    figures.update(seconds, index_batch=INDEX_BATCH, **embedded_sizes(corpus, docs))
    rng = random.Random(SEED)
    figures.update(key_terms_and_similar(corpus, docs, rng, scale))
    del docs  # not among what the garbage collector is told to leave alone below
    figures.update(embedded_queries(corpus, search, rng, scale))
    figures["labelled"] = add_and_evaluate(rows, search, first_id=len(corpus.deck_ids) + 1)
    return figures


def embedded_sizes(corpus: Corpus, docs: list[DeckDoc]) -> dict[str, Any]:
    from django.conf import settings

    index = Path(settings.SEARCH_INDEX_DIR)
    return {
        "index_bytes": {part: _folder_bytes(index / part) for part in ("decks", "slides")},
        "database_bytes": _folder_bytes(Path(settings.DATA_DIR), "slideshelf.sqlite3*"),
        "zipf": {lang: corpus.fitted_exponent(docs[:2_000], lang) for lang in ("sv", "en")},
    }


def key_terms_and_similar(
    corpus: Corpus, docs: list[DeckDoc], rng: random.Random, scale: Scale
) -> dict[str, Any]:
    from slideshelf.search import similar
    from slideshelf.search.key_terms import key_terms

    _progress("key terms of every deck")
    begun = time.perf_counter()
    for done, doc in enumerate(docs, start=1):
        similar.store_key_terms(doc.deck_id, key_terms(doc))
        _progress_every(done, len(docs), "decks' key terms", time.perf_counter() - begun)
    key_terms = time.perf_counter() - begun
    sample = rng.sample(list(corpus.deck_ids), min(scale.similar_sample, len(docs)))
    _progress(f"similar lists of {len(sample)} decks")
    times = [_timed(partial(similar.store_similar, deck_id)) for deck_id in sample]
    return {"key_terms": key_terms, "similar": times}


def embedded_queries(
    corpus: Corpus, search: Engine, rng: random.Random, scale: Scale
) -> dict[str, Any]:
    from slideshelf.search import api

    queries = query_sets(corpus, rng, scale.queries)

    def facade(text: str) -> int:
        return api.find(text).total

    # As slideshelf/wsgi.py does in a web process: what is loaded by now (here the corpus
    # generator too, which no web process holds) is never scanned by the garbage collector.
    gc.collect()
    gc.freeze()
    calls = {"raw": raw_search(search), "facade": facade}
    return {
        "queries": time_kinds("", queries, calls, scale.warm_up),
        "page": search_page(queries, scale),
    }


def search_page(queries: dict[str, list[str]], scale: Scale) -> dict[str, Any]:
    """The search page through Django's test client, on the kinds of query in turn."""
    from django.test import Client

    client = Client()

    def page(text: str) -> int:
        response = client.get("/search/", {"q": text})
        if response.status_code != 200:
            raise RuntimeError(f"/search/?q={text} answered {response.status_code}")
        return 0

    mixed = [text for group in zip(*queries.values(), strict=True) for text in group]
    mixed = mixed[: scale.page_queries]
    _progress(f"the search page, {len(mixed)} queries")
    return {**side_by_side(mixed, {"page": page}, scale.warm_up)["page"], "count": len(mixed)}


# --- the PostgreSQL engine ----------------------------------------------------------------


def postgres_phase(slides: int, scale: Scale) -> dict[str, Any]:
    set_up_django()
    from django.core.management import call_command

    from slideshelf.search.engines.postgres import PostgresEngine

    _progress("PostgreSQL: the search tables dropped and created again")
    call_command("migrate", "search", "0001", "--no-input", verbosity=0)
    call_command("migrate", "search", "--no-input", verbosity=0)
    corpus = Corpus(slides)
    search = PostgresEngine()
    _, seconds = index_in_batches(corpus, {"index": search.index}, keep=False)
    figures: dict[str, Any] = {"slides": corpus.slide_total, "decks": len(corpus.deck_ids)}
    figures.update(index=seconds["index"], **vacuum_and_sizes())
    queries = query_sets(corpus, random.Random(SEED), scale.queries)
    calls = {"raw": raw_search(search)}
    figures["queries"] = time_kinds("PostgreSQL, ", queries, calls, scale.warm_up)
    return figures


def vacuum_and_sizes() -> dict[str, Any]:
    from django.db import connection

    tables = ("search_pg_deck", "search_pg_slide", "search_pg_term")
    with connection.cursor() as cursor:
        # What autovacuum would have done by the time anyone searches: planner statistics.
        begun = time.perf_counter()
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")
        vacuum = time.perf_counter() - begun
        cursor.execute(
            "SELECT " + ", ".join(f"pg_total_relation_size('{table}')" for table in tables)
        )
        sizes = dict(zip(tables, cursor.fetchone(), strict=True))
    return {"vacuum": vacuum, "index_bytes": sizes}


def time_kinds(
    engine: str, queries: dict[str, list[str]], calls: dict[str, Callable[[str], int]], warm_up: int
) -> dict[str, Any]:
    """Each kind of query through `calls`, side by side."""
    figures = {}
    for kind, label in KINDS:
        _progress(f"{engine}{label}: {', '.join(calls)}, {len(queries[kind])} queries")
        figures[kind] = side_by_side(queries[kind], calls, warm_up)
    return figures


# --- helpers ------------------------------------------------------------------------------


def _timed(call: Callable[[], object]) -> float:
    begun = time.perf_counter()
    call()
    return time.perf_counter() - begun


def _folder_bytes(folder: Path, pattern: str = "**/*") -> int:
    return sum(path.stat().st_size for path in folder.glob(pattern) if path.is_file())


_last_progress = [0.0]


def _progress_every(done: int, total: int, what: str, seconds: float) -> None:
    now = time.monotonic()
    if done == total or now - _last_progress[0] > 15:
        _last_progress[0] = now
        _progress(f"{done:,}/{total:,} {what} ({seconds:.0f} s)")


def _progress(message: str) -> None:
    print(f"  [search] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
