"""A database locked for 25 s: pages still read, writes get a 503 to try again, and the worker
pauses instead of stopping, then converts what waited."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import time

import pytest
from django.db import connection

from slideshelf.conversion.models import Status
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.processes import finished, start_worker, stop, subprocess_env, wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite's write lock; PostgreSQL locks rows"
    ),
]
LOCKED_FOR = 25.0
WAIT = 2  # seconds a connection waits for the lock, here: SLIDESHELF_SQLITE_TIMEOUT


def hold_write_lock(path: str, seconds: float, taken: threading.Event) -> None:
    """What a long write elsewhere does: BEGIN IMMEDIATE, then nothing, for `seconds`."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    taken.set()
    time.sleep(seconds)
    other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def short_wait():
    """This test's own connection waits as long as the processes it starts."""
    connection.close()
    options = connection.settings_dict["OPTIONS"]
    before, options["timeout"] = options["timeout"], WAIT
    yield
    connection.close()
    options["timeout"] = before


def test_a_locked_database_slows_nothing_that_reads_and_loses_nothing(client, media, short_wait):
    shown = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"))
    waiting = upload(CORPUS / "pptx/mkd_test.pptx")
    env = {**subprocess_env(media), "SLIDESHELF_SQLITE_TIMEOUT": str(WAIT)}
    taken = threading.Event()
    lock = threading.Thread(
        target=hold_write_lock, args=(connection.settings_dict["NAME"], LOCKED_FOR, taken)
    )
    lock.start()
    taken.wait(10)
    worker = start_worker(media, env=env, stdout=None, stderr=subprocess.PIPE)
    try:
        started = time.monotonic()
        page = client.get(shown.get_absolute_url())
        read_in = time.monotonic() - started
        report = client.post(f"/p/{shown.public_id}/report/", {"reason": "spam"})
        time.sleep(LOCKED_FOR / 2)
        assert worker.poll() is None, "the worker waits out the lock"
        lock.join()
        conversion = wait_until(lambda: finished(waiting.pk))
    finally:
        stop(worker)
    assert page.status_code == 200 and read_in < WAIT
    assert report.status_code == 503 and report["Retry-After"] == "30"
    assert "Please try again" in report.content.decode()
    assert conversion.status == Status.READY
    assert b"the worker pauses" in worker.stderr.read()
