"""A full disk under the media folder, the database or the search index: clear answers,
nothing half-written, nothing lost, no attempt counted against a deck.

Each full disk is a small tmpfs of the test's own (mounting needs root; CI runs as root).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from slideshelf.conversion import sanity
from slideshelf.conversion.heartbeat import heartbeat
from slideshelf.conversion.job import Job
from slideshelf.conversion.models import Conversion, Stage, Status, claim
from slideshelf.conversion.pipeline import run_stages
from slideshelf.conversion.results import publish
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.services import Outcome, convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.conversion.worker import every
from slideshelf.lib import scratch
from slideshelf.lib.files import is_disk_full
from slideshelf.presentations.models import Presentation
from slideshelf.search.engines.embedded import TantivyEngine
from slideshelf.search.types import DeckDoc, SlideDoc
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.filesystems import fill, mount, small_folder, unmount
from tests.processes import wait_until
from tests.uploading import files_in, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root"),
]
BIG_PDF = CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"  # 1.3 MB
SMALL_PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"  # 15 KB
OTHER_PDF = CORPUS / "pdf/pdfjs_ArabicCIDTrueType.pdf"  # 39 KB


@pytest.fixture
def small_disk(settings, tmp_path):
    """A 1 MB media folder; `grow()` gives it room, as an administrator freeing space would."""
    settings.MEDIA_ROOT = small_folder(tmp_path / "media", "1m")
    yield settings.MEDIA_ROOT
    unmount(settings.MEDIA_ROOT)


@pytest.fixture
def database_disk(tmp_path):
    """The test database copied onto a small disk of its own, for the test to fill.

    Every thread's new connection opens the copy. Its write-ahead log starts empty and only
    grows (a checkpoint comes after 1,000 pages), so once the disk is full every write fails.
    """
    if connection.vendor != "sqlite":
        pytest.skip("a database file of the test's own; PostgreSQL keeps its files elsewhere")
    folder = small_folder(tmp_path / "database", "16m")
    original = connection.settings_dict["NAME"]
    connection.close()
    copy = folder / "slideshelf.sqlite3"
    source, target = sqlite3.connect(original), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    connection.settings_dict["NAME"] = str(copy)
    Presentation.objects.exists()  # the log and its index made while there is room
    yield folder
    connection.close()
    connection.settings_dict["NAME"] = original
    unmount(folder)


def grow(folder) -> None:
    mount(folder, "64m", "remount")


def test_an_upload_the_disk_cannot_hold_gets_507_and_leaves_nothing(client, small_disk):
    client.force_login(make_user("ada"))
    with BIG_PDF.open("rb") as handle:
        response = client.post(
            "/upload/",
            {"file": handle, "visibility": "public", "licence": "all-rights-reserved"},
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 507
    assert "no room for this file" in response.json()["error"]
    assert not Presentation.objects.exists()
    assert files_in(small_disk) == set(), "no truncated original, no temporary file"


def test_a_conversion_that_fills_the_disk_waits_and_finishes_once_there_is_room(small_disk):
    deck = upload(SMALL_PDF)
    original = {small_disk / deck.original.name}
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * (free - 16 * 1024))  # room for the original, not its slides
    assert convert(deck.pk, requeue=queue_conversion) is Outcome.RETRYING
    deck.refresh_from_db()
    assert deck.conversion.status == Status.QUEUED and deck.conversion.attempts == 0
    assert files_in(small_disk) == original | {filler}, "no half-stored slides"
    grow(small_disk)
    assert convert_now(deck).conversion.status == Status.READY
    assert deck.slides.count() == 1 and all(path.stat().st_size for path in files_in(small_disk))
    assert sanity.check(checksums=True) == []


def test_a_write_the_full_database_cannot_take_gets_507_while_pages_still_read(
    client, media, database_disk
):
    ada = make_user("ada")
    client.force_login(ada)
    deck = convert_now(upload(SMALL_PDF, owner=ada))
    before = files_in(media)
    fill(database_disk / "filler")
    assert client.get(deck.get_absolute_url()).status_code == 200
    report = client.post(f"/p/{deck.public_id}/report/", {"reason": "spam"})
    assert report.status_code == 507 and report["Cache-Control"] == "no-store"
    assert "Nothing was saved, and nothing is lost." in report.content.decode()
    for address, status in (("/upload/", 507), (f"/my/{deck.public_id}/replace/", 507)):
        answer = _post_file(client, address, OTHER_PDF)
        assert answer.status_code == status, address
        assert "no room for this file" in answer.json()["error"]
    assert Presentation.objects.count() == 1
    assert files_in(media) == before, "no file stored for a row that is not there"


def _post_file(client, address: str, path: Path):
    with path.open("rb") as handle:
        fields = {"file": handle, "visibility": "public", "licence": "all-rights-reserved"}
        return client.post(address, fields, HTTP_ACCEPT="application/json")


def test_a_conversion_whose_database_fills_waits_for_room_and_counts_no_attempt(
    media, database_disk, caplog
):
    deck = upload(BIG_PDF)  # 112 pages: still drawing them when the disk fills
    filler = database_disk / "filler"

    def drawing() -> bool:
        return Conversion.objects.get(pk=deck.pk).stage == Stage.IMAGES

    def fill_then_free() -> None:
        try:
            wait_until(drawing, timeout=60, every=0.02)
            fill(filler)
            time.sleep(3)
            filler.unlink()
        finally:
            connection.close()

    disk = threading.Thread(target=fill_then_free)
    disk.start()
    with caplog.at_level(logging.WARNING, logger="slideshelf"):
        outcome = convert(deck.pk, requeue=queue_conversion)
    disk.join()
    conversion = Conversion.objects.get(pk=deck.pk)
    assert outcome is Outcome.RETRYING
    assert (conversion.status, conversion.attempts) == (Status.QUEUED, 0)
    assert "the disk is full; trying again" in caplog.text, "it waited for room"
    assert files_in(media) == {media / deck.original.name}, "no slides stored"
    assert sanity.check(checksums=True) == []


def test_slides_stored_for_a_commit_the_database_has_no_room_for_are_removed(media, database_disk):
    deck = upload(SMALL_PDF)
    conversion = claim(deck.pk)
    with scratch.folder(deck.public_id) as workspace:
        job = Job(Path(deck.original.path), workspace, job_config())
        job.source_name = deck.original.name
        run_stages(job)
        fill(database_disk / "filler")
        with pytest.raises(OperationalError) as raised:
            publish(conversion, job)
    assert is_disk_full(raised.value)
    assert files_in(media) == {media / deck.original.name}


def test_a_heartbeat_outlives_a_database_with_no_room(media, database_disk):
    deck = upload(SMALL_PDF)
    claim(deck.pk)
    filler = database_disk / "filler"
    with heartbeat(deck.pk, every=0.1):
        fill(filler)
        time.sleep(0.5)
        filler.unlink()
        since = timezone.now()
        wait_until(lambda: Conversion.objects.get(pk=deck.pk).heartbeat_at > since, timeout=5)


def test_a_chore_that_meets_a_full_disk_waits_longer_each_time_without_a_traceback(
    tmp_path, caplog
):
    folder = small_folder(tmp_path / "small", "1m")
    try:
        fill(folder / "filler")
        tries = []

        def chore() -> None:
            tries.append(time.monotonic())
            (folder / "more").write_bytes(b"x" * 8192)

        with caplog.at_level(logging.WARNING, logger="slideshelf"):
            stop = every(0.05, chore, "chore")
            time.sleep(1.0)
            stop.set()
    finally:
        unmount(folder)
    assert 3 <= len(tries) <= 6  # 0.05, 0.05, 0.1, 0.2, 0.4 s apart, not 20 tries
    waits = [r for r in caplog.records if r.getMessage().startswith("chore waits for room")]
    assert waits and not any(r.exc_info for r in waits)


def test_a_search_index_with_no_room_says_its_disk_is_full_and_works_once_there_is_room(
    tmp_path,
):
    folder = small_folder(tmp_path / "search", "2m")
    try:
        index = TantivyEngine(folder)
        fill(folder / "filler")
        with pytest.raises(OSError) as raised:
            index.index([_doc(1)])
        assert raised.value.errno == errno.ENOSPC and is_disk_full(raised.value)
        (folder / "filler").unlink()
        index.index([_doc(1)])
        assert index.deck_count() == 1
    finally:
        unmount(folder)


def _doc(deck_id: int) -> DeckDoc:
    slides = tuple(SlideDoc(n, f"slide {n} about disks " * 50) for n in range(1, 40))
    return DeckDoc(deck_id, "Disks", "", (), "en", "", "", 2026, 0.0, slides)


def test_a_full_disk_under_the_search_index_is_told_by_the_os_error_code_in_its_text(tmp_path):
    from slideshelf.search.engines.embedded import _says_no_room

    # What tantivy raised (as a ValueError) when the data folder filled while it committed.
    seen = "An IO error occurred: 'No space left on device (os error 28) at path \"/d/.tmpqVOIqn\"'"
    assert _says_no_room(seen, tmp_path)
    assert not _says_no_room("An IO error occurred: 'Permission denied (os error 13)'", tmp_path)
