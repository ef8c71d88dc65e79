from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import checked_page, chromium

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
# What does not depend on the database runs in CI's SQLite pass alone, since the PostgreSQL
# pass would repeat it unchanged: what no database touches (LibreOffice, Tesseract, pdfium,
# ZIP parsing), and what a visitor's browser shows, whose queries the view tests run on both.
# The browser journeys that write (sign-up, upload, replace) run on both.
SQLITE_PASS_ONLY = pytest.mark.skipif(
    bool(os.environ.get("SLIDESHELF_DATABASE_URL")),
    reason="the same on any database: the SQLite pass runs it",
)


def manifest() -> dict[str, str]:
    """Corpus path (relative to the corpus folder) -> description."""
    with (CORPUS / "MANIFEST.tsv").open(newline="") as handle:
        return {row["path"]: row["description"] for row in csv.DictReader(handle, delimiter="\t")}


def expected_slides(relative: str) -> int | None:
    match = re.search(r"(?:slides|pages)=(\d+)", manifest().get(relative, ""))
    return int(match.group(1)) if match else None


@pytest.fixture
def media(settings, tmp_path):
    """A fresh media folder for the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def s3_server():
    """A real S3-compatible server of the test's own (tests/object_store.py)."""
    from tests.object_store import S3Server  # moto takes a while to import

    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def workspace() -> Iterator[Path]:
    """A scratch folder, as a conversion works in: the only kind lent to the PDF processes."""
    from slideshelf.lib import scratch

    with scratch.folder("test") as folder:
        yield folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test process (each xdist worker starts its own)."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh context (no cookies or storage from other tests), 1280×800; the test
    fails if the page's Content-Security-Policy refused anything it asked for."""
    yield from checked_page(browser)


@pytest.fixture(autouse=True)
def empty_search_index(settings):
    """The tantivy index lives beside the test database, which every test starts without."""
    from slideshelf.search.engines import engine

    if settings.SEARCH_ENGINE == "tantivy" and engine().deck_count():
        engine().clear()


@pytest.fixture(params=["tantivy", "postgres"])
def search_engine(request, settings, tmp_path):
    """Each search engine in turn: tantivy, and PostgreSQL's own when the database is one."""
    from django.db import connection

    from slideshelf.search.engines import engine

    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL engine needs a PostgreSQL database")
    settings.SEARCH_ENGINE = request.param
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine.cache_clear()
    engine().clear()  # PostgreSQL's index tables are not models: no test flush empties them
    yield engine()
    engine.cache_clear()


@pytest.fixture(autouse=True)
def no_view_counts_carried_over() -> Iterator[None]:
    """Views a test's counter could not write (its database busy) go with the test's decks:
    kept, they would be added to the next test's deck of the same id, or tried at exit,
    after the test database is gone."""
    yield
    from slideshelf.pages import counter

    if counter._counter is not None:
        counter._counter._counts.clear()
