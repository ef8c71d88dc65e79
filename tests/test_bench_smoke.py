"""`python -m bench --smoke`: every benchmark runs end to end on tiny inputs and prints figures.

The figures are not checked, only that each benchmark still runs: a benchmark that only runs
by hand breaks unnoticed. The load test's lines are, as far as they hold at any size: none
of its requests failed and its upload converted, so an error the site shows under load fails
CI. The search benchmark must report its evaluation of the labelled similar set (the
figures mean nothing on 200 slides). The bench runs as `make bench` runs it, in a process
of its own from the repository, without this run's settings: none of its SLIDESHELF_
variables (the data folder, the PostgreSQL pass's SLIDESHELF_DATABASE_URL) and a data folder
of its own. It picks its databases itself: SQLite in throw-away folders, and on PostgreSQL a
database of its own that it drops afterwards, so it never meets the test databases, another
xdist worker's work, or a concurrent run; so do the page throughput's PostgreSQL pass and
the workers benchmark.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SQLITE_PASS_ONLY
from tests.processes import without_settings

# The benchmarks pick their own database (without_settings): the same in either CI pass.
pytestmark = [pytest.mark.slow, pytest.mark.office, SQLITE_PASS_ONLY]

REPO = Path(__file__).resolve().parents[1]
# About a minute alone; under `pytest -n auto` the other workers share the cores.
TIMEOUT = 600
STOP_TIMEOUT = 30  # after SIGINT, for LibreOffice, gunicorn and the search children to stop
BENCHMARKS = (
    *("conversion", "workers", "containment", "text extraction", "text recall", "pages"),
    *("load", "search", "export"),
)
HEADER = re.compile(r"^===== (.+) =====$", re.MULTILINE)
FIGURE = re.compile(r"\d\.\d")  # timings, rates and ratios all have decimals
# The load test's lines that must be there, met: no error, and its one upload converted.
LOAD_LINES = (
    r"^Target: 0 errors: 0 -> met$",
    r"^p95 over all [\d,]+ requests: \d+\.\d ms",
    r"^Target: \d+-slide page p99 < 1000 ms .*: \d+\.\d ms",
    r"^Target: every upload converted: 1/1 -> met$",
    r"^  web processes' RSS .*\n    at 0 s \d+ MB",
)
# The labelled similar set's evaluation inside the search corpus: its lines, whatever the figures.
LABELLED_LINES = (
    r"^    a related deck among the first 3: \d+/\d+ decks \(\d+\.\d%\); a decoy above",
    r"^    similar list \(store_similar, \d+ labelled decks\): p50 \d+\.\d ms, p95 \d+\.\d ms",
    r"^Target: a related deck among the first 3 for ≥ 95% of the labelled decks: \d+\.\d%",
    r"^Target: no decoy ranked above a related deck: \d+ ",
    r"^Target: similar list < 50 ms a deck .*, labelled decks: p95 \d+\.\d ms",
)
# The text recall's tiny decks, one for each reference reader, each read and measured.
RECALL_LINES = (
    r"^  pptx/pypptx_test_slides\.pptx +python-pptx +1 +\d+ +\d\.\d{3} +\d\.\d{3} ",
    r"^  ppt/poi_bullets\.ppt +LO\+python-pptx +2 +\d+ +\d\.\d{3} +fails ",
    r"^  pdf/pdfjs_german-umlaut-r\.pdf +pdftotext +1 +\d+ +\d\.\d{3} +\d\.\d{3} ",
    r"^Target: recall ≥ 0\.97 on every file: \d/3 -> ",
)
# The page throughput's comparison of the presentation page with views counted and not.
PAGES_LINES = (
    r"^Target, SQLite: presentation page with views counted within 10% of it uncounted: "
    r"\d+\.\d\d× the requests a CPU-second serves \(median of 1 rounds; a second uncounted "
    r"server: \d+\.\d\d×\)",
)
POSTGRES_SUITE = os.environ.get("SLIDESHELF_DATABASE_URL", "").startswith("postgres")


def bench_environment() -> dict[str, str]:
    """This process's environment without the suite's settings (the bench picks its folders)."""
    env = without_settings()
    if POSTGRES_SUITE and "SLIDESHELF_BENCH_POSTGRES_URL" not in env:
        # The suite's server, wherever CI put it; the bench makes its own database there.
        env["SLIDESHELF_BENCH_POSTGRES_URL"] = os.environ["SLIDESHELF_DATABASE_URL"]
    return env


def run_smoke(env: dict[str, str]) -> tuple[int, str, str]:
    """`python -m bench --smoke` with the venv's Python: exit code, stdout, stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as bench:
        try:
            out, err = bench.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            # SIGINT, not SIGKILL, to the whole group: the bench's clean-up then stops
            # LibreOffice and gunicorn and drops its PostgreSQL database.
            os.killpg(bench.pid, signal.SIGINT)
            try:
                out, err = bench.communicate(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(bench.pid, signal.SIGKILL)
                out, err = bench.communicate()
            pytest.fail(f"the smoke run took over {TIMEOUT} s:\n{out}\n{err[-3000:]}")
    return bench.returncode, out, err


def sections(output: str) -> dict[str, list[str]]:
    """Each benchmark's lines under its header, without the closing wall-time line."""
    parts = HEADER.split(output)[1:]
    return {
        title: [line for line in body.splitlines() if not line.startswith(f"({title}:")]
        for title, body in zip(parts[::2], parts[1::2], strict=True)
    }


def test_smoke_run_prints_figures_for_every_benchmark():
    code, out, err = run_smoke(bench_environment())

    assert code == 0, f"exit {code}:\n{out}\n{err[-3000:]}"
    found = sections(out)
    assert [title.split(":")[0] for title in found] == list(BENCHMARKS), out
    for title, lines in found.items():
        assert any(FIGURE.search(line) for line in lines), f"no figures under {title}:\n{out}"
    if POSTGRES_SUITE:  # search, pages and workers each measure on PostgreSQL too
        assert "PostgreSQL engine: not measured" not in out, out
        assert "PostgreSQL: not measured" not in out, out
        assert "PostgreSQL not reachable" not in out, out
    load = "\n".join(next(lines for title, lines in found.items() if title.startswith("load:")))
    for line in LOAD_LINES:
        assert re.search(line, load, re.MULTILINE), f"no {line!r} under load:\n{load}"
    recall = "\n".join(
        next(lines for title, lines in found.items() if title.startswith("text recall:"))
    )
    for line in RECALL_LINES:
        assert re.search(line, recall, re.MULTILINE), f"no {line!r} under text recall:\n{recall}"
    pages = "\n".join(next(lines for title, lines in found.items() if title.startswith("pages:")))
    for line in PAGES_LINES:
        assert re.search(line, pages, re.MULTILINE), f"no {line!r} under pages:\n{pages}"
    search = "\n".join(next(lines for title, lines in found.items() if title.startswith("search:")))
    for line in LABELLED_LINES:
        assert re.search(line, search, re.MULTILINE), f"no {line!r} under search:\n{search}"
