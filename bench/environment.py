"""Django set up for the benchmarks that run in this process, over a throw-away data folder.

`python -m bench` enters this before it runs any benchmark: settings are read once, so the
data folder must be chosen before anything reads them. Processes a benchmark starts (a web
server, a search phase) get `child_environment()`. Nothing here imports slideshelf.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import django

# LibreOffice alone needs about five minutes for the 800-slide ODP that `--all` includes.
HUGE_OFFICE_TIMEOUT = "900"
# Settings a developer's or the test suite's shell may hold that would point the benchmarks
# at real data: each benchmark names its own folder, database and index.
NOT_INHERITED = ("SLIDESHELF_DATABASE_URL", "SLIDESHELF_SEARCH_INDEX_DIR")


def child_environment(data: Path, **settings: str) -> dict[str, str]:
    """This process's environment for a slideshelf process over `data`: debug off, quiet logs,
    none of the caller's database or index, and `settings` (SLIDESHELF_ names) on top."""
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="slideshelf.settings",
        SLIDESHELF_DATA_DIR=str(data),
        SLIDESHELF_DEBUG="false",
        SLIDESHELF_LOG_LEVEL="WARNING",
        **settings,
    )
    return env


@contextmanager
def django_set_up(include_huge: bool = False) -> Iterator[None]:
    """slideshelf's settings over a fresh data folder, removed afterwards."""
    data = Path(tempfile.mkdtemp(prefix="slideshelf-bench-"))
    for name in NOT_INHERITED:
        os.environ.pop(name, None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "slideshelf.settings"
    os.environ["SLIDESHELF_DATA_DIR"] = str(data)
    if include_huge:
        os.environ.setdefault("SLIDESHELF_OFFICE_TIMEOUT", HUGE_OFFICE_TIMEOUT)
    django.setup()
    try:
        yield
    finally:
        shutil.rmtree(data, ignore_errors=True)
