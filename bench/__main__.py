"""Run every benchmark and print its figures: `python -m bench [--quick | --smoke] [--all]`
(`--only NAME` for one of them).

Progress goes to stderr, figures to stdout. `--smoke` runs every benchmark's code path once
on tiny inputs in about a minute; CI runs it (tests/test_bench_smoke.py), so a benchmark
cannot break unnoticed between full runs.

Django is set up (bench/environment.py) before the benchmark modules are imported, since
slideshelf's modules may read settings as they load. Both happen inside `main()`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from bench.environment import django_set_up
from bench.mode import Mode

Benchmark = tuple[str, Callable[[], list[str]]]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="a few files per folder, one repetition")
    size.add_argument(
        "--smoke",
        action="store_true",
        help="every benchmark once on tiny inputs (figures mean nothing)",
    )
    parser.add_argument(
        "--all", action="store_true", help="include the 800-slide ODP (LibreOffice alone ~5 min)"
    )
    parser.add_argument(
        "--only",
        metavar="NAME",
        help="only the benchmarks whose title starts with NAME, e.g. 'text recall'",
    )
    parser.add_argument(
        "--load-seconds",
        type=int,
        metavar="N",
        help="seconds of load in the load test (60; 20 with --quick, 3 with --smoke)",
    )
    parser.add_argument(
        "--search-slides",
        type=int,
        metavar="N",
        help="slides in the search corpus (1,000,000; 20,000 with --quick, 200 with --smoke)",
    )
    return parser.parse_args(argv)


def mode(options: argparse.Namespace) -> Mode:
    return Mode.of(smoke=options.smoke, quick=options.quick)


def benchmarks(options: argparse.Namespace) -> list[Benchmark]:
    from bench import (
        conversion,
        export,
        load,
        office_containment,
        pages,
        search,
        text_extraction,
        text_recall,
        workers,
    )

    size = mode(options)
    slides = options.search_slides or search.SLIDES[size]
    people = load.SIZES[size]
    seconds = options.load_seconds or people.seconds
    return [
        ("conversion", lambda: conversion.run(size, include_huge=options.all)),
        (
            "workers: decks converted per minute with 1 and 2 workers",
            lambda: workers.run(size),
        ),
        (
            "containment: LibreOffice and pdfium contained against both as the worker",
            lambda: office_containment.run(size),
        ),
        ("text extraction: slideshelf against MarkItDown", lambda: text_extraction.run(size)),
        (
            "text recall: slideshelf and MarkItDown against independent readings",
            lambda: text_recall.run(size, include_huge=options.all),
        ),
        (
            "pages: presentation, embed player, API and home against Django's hello, under wrk",
            lambda: pages.run(size),
        ),
        (
            f"load: slideshelf serve, {people.visitors} visitors for {seconds} s, "
            f"uploads converting: {people.uploads}",
            lambda: load.run(size, seconds),
        ),
        (f"search: tantivy and PostgreSQL at {slides:,} slides", lambda: search.run(slides, size)),
        ("export: Download everything for one person's decks", lambda: export.run(size)),
    ]


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    started = time.perf_counter()
    if options.smoke:
        print("Smoke run: every benchmark once on tiny inputs; its figures mean nothing.")
    with django_set_up(include_huge=options.all):
        for title, run in benchmarks(options):
            if options.only and not title.startswith(options.only):
                continue
            print(f"\n===== {title} =====", flush=True)
            begun = time.perf_counter()
            for line in run():
                print(line)
            print(f"({title}: {time.perf_counter() - begun:.0f} s)", flush=True)
    print(f"\nbench wall time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
