"""Run every benchmark and print its figures: `python -m bench [--quick] [--all]`.

Progress goes to stderr, figures to stdout. The benchmark modules are imported inside
`main()`: the render pool spawns fresh interpreters, which must not redo any of this.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

Benchmark = tuple[str, Callable[[], list[str]]]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="a few files per folder, one repetition"
    )
    parser.add_argument(
        "--all", action="store_true", help="include the 800-slide ODP (LibreOffice alone ~5 min)"
    )
    parser.add_argument(
        "--search-slides",
        type=int,
        metavar="N",
        help="slides in the search corpus (default 1,000,000; 20,000 with --quick)",
    )
    return parser.parse_args(argv)


def benchmarks(options: argparse.Namespace) -> list[Benchmark]:
    from bench import conversion, pages, search, text_extraction

    slides = options.search_slides or (search.QUICK_SLIDES if options.quick else search.FULL_SLIDES)
    return [
        ("conversion", lambda: conversion.run(quick=options.quick, include_huge=options.all)),
        ("text extraction: slideshelf against MarkItDown", text_extraction.run),
        ("pages: presentation and home against Django's hello, under wrk", pages.run),
        (f"search: tantivy and PostgreSQL at {slides:,} slides", lambda: search.run(slides)),
    ]


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    started = time.perf_counter()
    for title, run in benchmarks(options):
        print(f"\n===== {title} =====", flush=True)
        begun = time.perf_counter()
        for line in run():
            print(line)
        print(f"({title}: {time.perf_counter() - begun:.0f} s)", flush=True)
    print(f"\nbench wall time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
