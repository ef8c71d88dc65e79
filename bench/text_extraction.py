"""slideshelf's lxml PPTX reader against MarkItDown's PPTX conversion, over the corpus.

Both are timed on every file in the corpus's pptx folder (median of three runs per file),
after one warm-up conversion each, so that imports and MarkItDown's file-type model load
are not counted; `--smoke` times one small file once. Run it with `python -m bench`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.mode import Mode
from slideshelf.conversion.extractors import extract_structure

CORPUS_PPTX = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pptx"
RUNS = 3
SMOKE_FILE = "pypptx_test_slides.pptx"  # one slide, a table, a group and pictures


def _median_seconds(work: Callable[[str], object], path: Path, runs: int) -> float | None:
    """Median wall time of `work` on `path`, or None when it fails on that file."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            work(str(path))
        except Exception:  # a tool that cannot read a file is reported, not timed
            return None
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _ms(seconds: float | None) -> str:
    return "   fails" if seconds is None else f"{seconds * 1000:8.1f}"


def run(mode: Mode = Mode.FULL) -> list[str]:
    from markitdown import MarkItDown  # a dev dependency: imported only when benchmarking

    converter = MarkItDown()
    if mode is Mode.SMOKE:
        paths, runs = [CORPUS_PPTX / SMOKE_FILE], 1
    else:
        paths, runs = sorted(p for p in CORPUS_PPTX.iterdir() if p.is_file()), RUNS
    readers: dict[str, Callable[[str], object]] = {
        "slideshelf": lambda path: extract_structure(path, "pptx"),
        "markitdown": converter.convert,
    }
    for read in readers.values():  # warm-up: imports, lazy models, caches
        read(str(paths[0]))

    lines = [f"{'file':<56} {'ours ms':>8} {'mkd ms':>8} {'speed-up':>8}"]
    ours_all, pairs = [], []
    for path in paths:
        ours = _median_seconds(readers["slideshelf"], path, runs)
        theirs = _median_seconds(readers["markitdown"], path, runs)
        if ours is not None:
            ours_all.append(ours)
        if ours is not None and theirs is not None:
            pairs.append((ours, theirs))
        ratio = f"{theirs / ours:7.1f}x" if ours and theirs else "       -"
        lines.append(f"{path.name[:56]:<56} {_ms(ours)} {_ms(theirs)} {ratio}")

    ours_total = sum(o for o, _ in pairs)
    theirs_total = sum(t for _, t in pairs)
    lines += [
        "",
        f"files: {len(paths)}; read by slideshelf: {len(ours_all)}; by both: {len(pairs)}",
        f"total over files both read: slideshelf {ours_total * 1000:.1f} ms, "
        f"markitdown {theirs_total * 1000:.1f} ms, ratio {theirs_total / ours_total:.1f}x",
        f"median per file: slideshelf {statistics.median(o for o, _ in pairs) * 1000:.1f} ms, "
        f"markitdown {statistics.median(t for _, t in pairs) * 1000:.1f} ms",
        f"slideshelf over all {len(ours_all)} files: {sum(ours_all) * 1000:.1f} ms",
    ]
    return lines
