"""Search at scale: index build, query latency, the search page and similar lists.

`python -m bench.search [--slides N | --quick]` (default 1,000,000 slides; quick 20,000).

A generated corpus (bench/search_corpus.py: Swedish and English, Zipf s=1.07, decks of 10–60
slides) is loaded into a throw-away data folder: SQLite migrated, the Presentation and Slide
rows bulk-created, the tantivy index built through `TantivyEngine.index()` in batches of 500
decks, key terms computed for every deck. Then, for each kind of query, the raw engine call and
the facade (`api.find`) are timed in the same loop, taking turns at going first; the search
page is timed in-process through Django's test client; similar lists are timed on a random
sample of decks.

The PostgreSQL engine is measured the same way (index build, raw engine queries) in the
database `SLIDESHELF_BENCH_POSTGRES_URL` names, when it answers; its search tables are dropped
and recreated each run through the search app's migrations.

Each half runs in a child process of its own (`--phase`), since Django's settings (data folder,
database, engine) are fixed once per process. Children write their figures as JSON; progress
goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.search_corpus import Corpus
from slideshelf.search.types import DeckDoc

REPO = Path(__file__).resolve().parents[1]
FULL_SLIDES = 1_000_000
QUICK_SLIDES = 20_000
INDEX_BATCH = 500  # decks per engine.index() call, as `reindex` hands them over
QUERIES = 200  # per kind of query
PAGE_QUERIES = 200
SIMILAR_SAMPLE = 200
WARM_UP = 20  # queries run before timing: searchers opened, templates compiled
COMMON_RANKS = 20
RARE_RANKS = (5_000, 40_000)
THREE_WORD_RANKS = ((20, 200), (200, 2_000), (2_000, 10_000))
PHRASE_MIN_RANK = 21  # phrases of content words, not "och att"
SEED = 7
POSTGRES_URL = os.environ.get(
    "SLIDESHELF_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/slideshelf_bench"
)
SECONDS_PER_SLIDE_LIMIT = 0.01  # a child taking longer than this is stuck
CHILD_TIMEOUT_MIN = 900

TARGET_PAGE_P95_MS = 30.0
TARGET_FACADE_RATIO = 1.5
TARGET_POSTGRES_COMMON_P95_MS = 50.0
TARGET_SIMILAR_MS = 50.0
TARGET_SLIDES = 1_000_000

KINDS = (
    ("common", "one word, common"),
    ("rare", "one word, rare"),
    ("three", "three words"),
    ("phrase", "phrase"),
)


def run(slides: int = FULL_SLIDES) -> list[str]:
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-search-") as folder:
        scratch = Path(folder)
        embedded = child("embedded", slides, scratch, embedded_environment(scratch / "data"))
        if "error" in embedded:
            raise RuntimeError(f"the embedded search benchmark failed: {embedded['error']}")
        reason = postgres_unavailable()
        if reason:
            postgres: dict[str, Any] = {"error": reason}
        else:
            postgres = child("postgres", slides, scratch, postgres_environment(scratch / "pg"))
    return report(embedded, postgres, load_average)


# --- the child processes ----------------------------------------------------------------


def child(phase: str, slides: int, scratch: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its figures, or {"error": why}."""
    out = scratch / f"{phase}.json"
    timeout = max(CHILD_TIMEOUT_MIN, slides * SECONDS_PER_SLIDE_LIMIT)
    command = [sys.executable, "-m", "bench.search", "--phase", phase, "--slides", str(slides)]
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
    env = dict(os.environ)
    for name in ("SLIDESHELF_DATABASE_URL", "SLIDESHELF_SEARCH_INDEX_DIR"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="slideshelf.settings",
        SLIDESHELF_DATA_DIR=str(data),
        SLIDESHELF_DEBUG="false",
        SLIDESHELF_LOG_LEVEL="WARNING",
        SLIDESHELF_SEARCH_SYNC_ON_COMMIT="false",
        SLIDESHELF_ALLOWED_HOSTS="testserver",  # django.test.Client's host
    )
    return env


def embedded_environment(data: Path) -> dict[str, str]:
    return {**base_environment(data), "SLIDESHELF_SEARCH_ENGINE": "tantivy"}


def postgres_environment(data: Path) -> dict[str, str]:
    return {
        **base_environment(data),
        "SLIDESHELF_SEARCH_ENGINE": "postgres",
        "SLIDESHELF_DATABASE_URL": POSTGRES_URL,
    }


def postgres_unavailable() -> str:
    """Why the benchmark database cannot be used ("" when it can); created when missing."""
    import psycopg

    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=5).close()
        return ""
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            return f"{POSTGRES_URL} does not answer: {str(error).strip().splitlines()[0]}"
    address = urlsplit(POSTGRES_URL)
    command = ["createdb", "-h", address.hostname or "127.0.0.1", "-p", str(address.port or 5432)]
    command += ["-U", address.username or "postgres", address.path.lstrip("/")]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return f"could not create the database: {error}"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--slides", type=int, default=FULL_SLIDES)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SLIDES:,} slides")
    parser.add_argument("--phase", choices=("embedded", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    slides = QUICK_SLIDES if options.quick else options.slides
    if options.phase is None:
        for line in run(slides):
            print(line)
        return 0
    phase = embedded_phase if options.phase == "embedded" else postgres_phase
    try:
        figures = phase(slides)
    except Exception as error:
        options.out.write_text(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        traceback.print_exc()
        return 1
    options.out.write_text(json.dumps(figures))
    return 0


# --- the embedded engine (tantivy, SQLite) ------------------------------------------------


def embedded_phase(slides: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from slideshelf.search import api, similar
    from slideshelf.search.engines import engine

    _progress("migrating and collecting static files")
    call_command("migrate", "--no-input", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    corpus = Corpus(slides)
    figures: dict[str, Any] = {"slides": corpus.slide_total, "decks": len(corpus.deck_ids)}
    search = engine()

    docs: list[DeckDoc] = []
    timings = {"generate": 0.0, "rows": 0.0, "index": 0.0}
    rows = Rows(corpus)
    for start in range(1, len(corpus.deck_ids) + 1, INDEX_BATCH):
        begun = time.perf_counter()
        batch = list(corpus.decks(start, start + INDEX_BATCH))
        timings["generate"] += time.perf_counter() - begun
        begun = time.perf_counter()
        rows.create(batch)
        timings["rows"] += time.perf_counter() - begun
        begun = time.perf_counter()
        search.index(batch)
        timings["index"] += time.perf_counter() - begun
        docs.extend(batch)
        _progress_every(len(docs), len(corpus.deck_ids), "decks indexed", timings["index"])
    figures.update(timings)
    figures["index_bytes"] = {
        part: _folder_bytes(Path(settings.SEARCH_INDEX_DIR) / part) for part in ("decks", "slides")
    }
    figures["database_bytes"] = _folder_bytes(Path(settings.DATA_DIR), "slideshelf.sqlite3*")
    figures["zipf"] = {
        language: corpus.fitted_exponent(docs[:2_000], language) for language in ("sv", "en")
    }

    _progress("key terms of every deck")
    begun = time.perf_counter()
    for done, doc in enumerate(docs, start=1):
        similar.store_key_terms(doc.deck_id, similar.key_terms(doc))
        _progress_every(done, len(docs), "decks' key terms", time.perf_counter() - begun)
    figures["key_terms"] = time.perf_counter() - begun

    rng = random.Random(SEED)
    sample = rng.sample(list(corpus.deck_ids), min(SIMILAR_SAMPLE, len(docs)))
    _progress(f"similar lists of {len(sample)} decks")
    figures["similar"] = [
        _timed(lambda deck_id=deck_id: similar.store_similar(deck_id)) for deck_id in sample
    ]
    del docs

    from slideshelf.search.query import parse
    from slideshelf.search.types import Filters, Sort

    queries = query_sets(corpus, rng)

    def raw(text: str) -> int:
        return search.search(parse(text), Filters(), Sort.RELEVANCE, 0, 10, 3).total

    def facade(text: str) -> int:
        return api.find(text).total

    # As slideshelf/wsgi.py does in a web process: what is loaded by now (here the corpus
    # generator too, which no web process holds) is never scanned by the garbage collector.
    gc.collect()
    gc.freeze()
    figures["queries"] = {}
    for kind, label in KINDS:
        _progress(f"{label}: raw engine and facade, {len(queries[kind])} queries")
        figures["queries"][kind] = side_by_side(queries[kind], {"raw": raw, "facade": facade})

    client = Client()

    def page(text: str) -> int:
        response = client.get("/search/", {"q": text})
        if response.status_code != 200:
            raise RuntimeError(f"/search/?q={text} answered {response.status_code}")
        return 0

    mixed = [text for group in zip(*queries.values(), strict=True) for text in group]
    mixed = mixed[:PAGE_QUERIES]
    _progress(f"the search page, {len(mixed)} queries")
    figures["page"] = side_by_side(mixed, {"page": page})["page"]
    return figures


class Rows:
    """The database rows of generated decks: uploaders, collections, tags, decks, slides."""

    def __init__(self, corpus: Corpus) -> None:
        from django.contrib.auth import get_user_model

        from slideshelf.presentations.models import Collection

        users = get_user_model().objects.bulk_create(
            get_user_model()(
                pk=number,
                username=person.username,
                first_name=person.first_name,
                last_name=person.last_name,
                password="!",  # no password: nobody logs in
            )
            for number, person in enumerate(corpus.uploaders, start=1)
        )
        self.owner_ids = {user.get_username(): user.pk for user in users}
        collections = Collection.objects.bulk_create(
            Collection(pk=number, name=row.name, slug=row.slug)
            for number, row in enumerate(corpus.collections, start=1)
        )
        self.collection_ids = {row.slug: row.pk for row in collections}
        self.tag_ids: dict[str, int] = {}

    def create(self, docs: list[DeckDoc]) -> None:
        from django.db import transaction
        from django.utils.text import slugify

        from bench.search_corpus import deck_rows
        from slideshelf.presentations.models import Presentation, Slide, Tag

        new_tags = {tag: None for doc in docs for tag in doc.tags if tag not in self.tag_ids}
        for tag in new_tags:
            self.tag_ids[tag] = len(self.tag_ids) + 1
        decks, slides, tagged = [], [], []
        for doc in docs:
            deck, deck_slides = deck_rows(doc, self.owner_ids, self.collection_ids)
            decks.append(deck)
            slides += deck_slides
            tagged += [
                Presentation.tags.through(presentation_id=doc.deck_id, tag_id=self.tag_ids[tag])
                for tag in doc.tags
            ]
        with transaction.atomic():
            Tag.objects.bulk_create(
                Tag(pk=self.tag_ids[name], name=name, slug=slugify(name, allow_unicode=True))
                for name in new_tags
            )
            Presentation.objects.bulk_create(decks)
            Slide.objects.bulk_create(slides, batch_size=5_000)
            Presentation.tags.through.objects.bulk_create(tagged)


# --- the PostgreSQL engine ----------------------------------------------------------------


def postgres_phase(slides: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from slideshelf.search.engines.postgres import PostgresEngine
    from slideshelf.search.query import parse
    from slideshelf.search.types import Filters, Sort

    _progress("PostgreSQL: migrating, the search tables dropped and created again")
    call_command("migrate", "--no-input", verbosity=0)
    call_command("migrate", "search", "0001", "--no-input", verbosity=0)
    call_command("migrate", "search", "--no-input", verbosity=0)
    corpus = Corpus(slides)
    search = PostgresEngine()
    figures: dict[str, Any] = {"slides": corpus.slide_total, "decks": len(corpus.deck_ids)}
    indexed, index_seconds = 0, 0.0
    for start in range(1, len(corpus.deck_ids) + 1, INDEX_BATCH):
        batch = list(corpus.decks(start, start + INDEX_BATCH))
        index_seconds += _timed(lambda batch=batch: search.index(batch))
        indexed += len(batch)
        _progress_every(indexed, len(corpus.deck_ids), "decks in PostgreSQL", index_seconds)
    figures["index"] = index_seconds
    tables = ("search_pg_deck", "search_pg_slide", "search_pg_term")
    with connection.cursor() as cursor:
        # What autovacuum would have done by the time anyone searches: planner statistics.
        begun = time.perf_counter()
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")
        figures["vacuum"] = time.perf_counter() - begun
        cursor.execute(
            "SELECT " + ", ".join(f"pg_total_relation_size('{table}')" for table in tables)
        )
        figures["index_bytes"] = dict(zip(tables, cursor.fetchone(), strict=True))

    def raw(text: str) -> int:
        return search.search(parse(text), Filters(), Sort.RELEVANCE, 0, 10, 3).total

    queries = query_sets(corpus, random.Random(SEED))
    figures["queries"] = {}
    for kind, label in KINDS:
        _progress(f"PostgreSQL, {label}: {len(queries[kind])} queries")
        figures["queries"][kind] = side_by_side(queries[kind], {"raw": raw})
    return figures


# --- queries ------------------------------------------------------------------------------


def query_sets(corpus: Corpus, rng: random.Random) -> dict[str, list[str]]:
    """QUERIES queries of each kind, drawn from the vocabulary (two in three Swedish)."""
    vocabularies = corpus.vocabularies

    def language() -> str:
        return rng.choice(("sv", "sv", "en"))

    def word(lang: str, low: int, high: int) -> str:
        return vocabularies[lang].words[rng.randint(low, high) - 1]

    common = [word(language(), 1, COMMON_RANKS) for _ in range(QUERIES)]
    rare = [word(language(), *RARE_RANKS) for _ in range(QUERIES)]
    three = []
    for _ in range(QUERIES):
        lang = language()
        words = [word(lang, low, high) for low, high in THREE_WORD_RANKS]
        rng.shuffle(words)
        three.append(" ".join(words))
    phrases = [phrase(corpus, rng) for _ in range(QUERIES)]
    return {"common": common, "rare": rare, "three": three, "phrase": phrases}


def phrase(corpus: Corpus, rng: random.Random) -> str:
    """Two words side by side on a slide of a random deck, both past the function words."""
    while True:
        doc = corpus.deck(rng.choice(corpus.deck_ids))
        vocabulary = corpus.vocabularies[doc.language]
        line = rng.choice(rng.choice(doc.slides).text.lower().rstrip(".").split("\n"))
        words = line.split()
        pairs = [
            (first, second)
            for first, second in itertools.pairwise(words)
            if min(vocabulary.rank(first), vocabulary.rank(second)) >= PHRASE_MIN_RANK
        ]
        if pairs:
            return '"{} {}"'.format(*rng.choice(pairs))


def side_by_side(
    queries: list[str], calls: dict[str, Callable[[str], int]]
) -> dict[str, dict[str, Any]]:
    """Every query through every call, the calls taking turns at going first."""
    names = list(calls)
    for text in queries[:WARM_UP]:
        for name in names:
            calls[name](text)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    matches: list[int] = []
    for number, text in enumerate(queries):
        order = names if number % 2 == 0 else names[::-1]
        for name in order:
            begun = time.perf_counter()
            total = calls[name](text)
            seconds[name].append(time.perf_counter() - begun)
            if name == names[0]:
                matches.append(total)
    return {
        name: {**_percentiles(values), "matches": statistics.median(matches)}
        for name, values in seconds.items()
    }


# --- helpers ------------------------------------------------------------------------------


def _percentiles(seconds: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    ms = 1000.0
    return {
        "p50": cuts[49] * ms,
        "p95": cuts[94] * ms,
        "p99": cuts[98] * ms,
        "max": max(seconds) * ms,
    }


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


# --- the report ---------------------------------------------------------------------------


def report(embedded: dict[str, Any], postgres: dict[str, Any], load_average: str) -> list[str]:
    slides, decks = embedded["slides"], embedded["decks"]
    zipf = embedded["zipf"]
    index_mb = sum(embedded["index_bytes"].values()) / 1e6
    key_terms_ms = embedded["key_terms"] / decks * 1000
    lines = [
        f"Search: {slides:,} slides in {decks:,} decks (2/3 Swedish, 1/3 English; Zipf s "
        f"fitted {zipf['sv']:.2f} sv, {zipf['en']:.2f} en on the top 1,000 words)",
        f"  in process, {os.cpu_count()} CPUs; load average at start: {load_average}",
        f"  corpus generated in {embedded['generate']:.0f} s; SQLite rows bulk-created in "
        f"{embedded['rows']:.0f} s ({embedded['database_bytes'] / 1e6:,.0f} MB)",
        f"  tantivy index build ({INDEX_BATCH} decks a call): {embedded['index']:.0f} s, "
        f"{slides / embedded['index']:,.0f} slides/s; {index_mb:,.0f} MB on disk (decks "
        f"{embedded['index_bytes']['decks'] / 1e6:,.0f} MB, slides "
        f"{embedded['index_bytes']['slides'] / 1e6:,.0f} MB)",
        f"  key terms of every deck: {embedded['key_terms']:.0f} s ({key_terms_ms:.1f} ms a deck)",
        "",
        f"  {'tantivy, ms (200 each)':<24}  {'raw p50':>7} {'p95':>6} {'p99':>6}"
        f"  {'find p50':>8} {'p95':>6} {'p99':>6}  {'find/raw':>8}  {'matching decks':>14}",
    ]
    ratios = {}
    for kind, label in KINDS:
        raw, facade = embedded["queries"][kind]["raw"], embedded["queries"][kind]["facade"]
        ratios[kind] = facade["p50"] / raw["p50"]
        lines.append(
            f"  {label:<24}  {raw['p50']:>7.1f} {raw['p95']:>6.1f} {raw['p99']:>6.1f}"
            f"  {facade['p50']:>8.1f} {facade['p95']:>6.1f} {facade['p99']:>6.1f}"
            f"  {ratios[kind]:>7.2f}×  {raw['matches']:>14,.0f}"
        )
    page = embedded["page"]
    similar = _percentiles(embedded["similar"])
    lines += [
        "",
        f"  search page (test client, {PAGE_QUERIES} mixed queries): p50 {page['p50']:.1f} ms, "
        f"p95 {page['p95']:.1f} ms, p99 {page['p99']:.1f} ms",
        f"  similar list (store_similar, {len(embedded['similar'])} random decks): "
        f"p50 {similar['p50']:.1f} ms, p95 {similar['p95']:.1f} ms, max {similar['max']:.1f} ms",
        "",
    ]
    lines += postgres_lines(postgres)
    scale = "" if slides >= TARGET_SLIDES else f" (measured at {slides:,} slides, not 1M)"
    worst = max(ratios, key=lambda kind: ratios[kind])
    lines += [
        "",
        f"Target: search page p95 < {TARGET_PAGE_P95_MS:.0f} ms at 1M slides: "
        f"{page['p95']:.1f} ms{scale} -> {_verdict(page['p95'] < TARGET_PAGE_P95_MS)}",
        f"Target: facade < {TARGET_FACADE_RATIO}× the raw engine (medians): worst "
        f"{ratios[worst]:.2f}× ({dict(KINDS)[worst]}) -> "
        f"{_verdict(ratios[worst] < TARGET_FACADE_RATIO)}",
    ]
    if "error" in postgres:
        lines.append(
            f"Target: PostgreSQL one-word common p95 < {TARGET_POSTGRES_COMMON_P95_MS:.0f} ms: "
            "not measured"
        )
    else:
        common = postgres["queries"]["common"]["raw"]["p95"]
        lines.append(
            f"Target: PostgreSQL one-word common p95 < {TARGET_POSTGRES_COMMON_P95_MS:.0f} ms: "
            f"{common:.1f} ms{scale} -> {_verdict(common < TARGET_POSTGRES_COMMON_P95_MS)}"
        )
    deck_scale = "" if decks >= 33_000 else f" (measured at {decks:,} decks)"
    lines.append(
        f"Target: similar list < {TARGET_SIMILAR_MS:.0f} ms a deck at 33,000 decks: p95 "
        f"{similar['p95']:.1f} ms{deck_scale} -> {_verdict(similar['p95'] < TARGET_SIMILAR_MS)}"
    )
    return lines


def postgres_lines(postgres: dict[str, Any]) -> list[str]:
    if "error" in postgres:
        return [f"  PostgreSQL engine: not measured ({postgres['error']})"]
    sizes = postgres["index_bytes"]
    lines = [
        f"  PostgreSQL engine ({POSTGRES_URL.rsplit('@', 1)[-1]}): index build "
        f"{postgres['index']:.0f} s, {postgres['slides'] / postgres['index']:,.0f} slides/s "
        f"(then VACUUM ANALYZE {postgres['vacuum']:.0f} s); {sum(sizes.values()) / 1e6:,.0f} MB "
        f"({', '.join(f'{name} {size / 1e6:,.0f} MB' for name, size in sizes.items())})",
        f"  {'PostgreSQL raw, ms':<24}  {'p50':>7} {'p95':>6} {'p99':>6}  {'matching decks':>14}",
    ]
    for kind, label in KINDS:
        raw = postgres["queries"][kind]["raw"]
        lines.append(
            f"  {label:<24}  {raw['p50']:>7.1f} {raw['p95']:>6.1f} {raw['p99']:>6.1f}"
            f"  {raw['matches']:>14,.0f}"
        )
    return lines


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


if __name__ == "__main__":
    sys.exit(main())
