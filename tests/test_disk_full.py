"""A full disk under the media folder: clear answers, nothing half-written, nothing lost.

The media folder is a small tmpfs of the test's own (mounting needs root; CI runs as root).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from slideshelf.conversion import sanity
from slideshelf.conversion.models import Status
from slideshelf.conversion.services import Outcome, convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import files_in, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root"),
]
BIG_PDF = CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"  # 1.3 MB
SMALL_PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"  # 15 KB


def mount(folder, size: str, *options: str) -> None:
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([*options, f"size={size}"]), "tmpfs", folder],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def small_disk(settings, tmp_path):
    """A 1 MB media folder; `grow()` gives it room, as an administrator freeing space would."""
    folder = tmp_path / "media"
    folder.mkdir()
    try:
        mount(folder, "1m")
    except subprocess.CalledProcessError:
        pytest.skip("this machine does not let tests mount a file system")
    settings.MEDIA_ROOT = folder
    yield folder
    subprocess.run(["umount", "--lazy", folder], check=False)


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
