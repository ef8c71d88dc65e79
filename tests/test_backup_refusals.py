"""`slideshelf backup` and `slideshelf restore` refusing what would lose or damage data: a
folder that is not empty, a disk that fills, a site that is not empty, a backup that is
incomplete, damaged, of the other database engine or of a newer slideshelf, and a missing
pg_dump; and a file deleted while the backup ran, recorded."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command

from slideshelf.presentations.models import Presentation
from tests.factories import upload
from tests.filesystems import small_folder, unmount
from tests.test_backup import (  # noqa: F401  (own_index and small_site are fixtures)
    BIG_PDF,
    POSTGRES_ONLY,
    backup,
    own_index,
    small_site,
)
from tests.uploading import files_in

pytestmark = pytest.mark.django_db(transaction=True)


class DeletedOnceListed(FileSystemStorage):
    """A media folder whose originals someone deletes right after the backup listed them."""

    def listdir(self, path):
        folders, files = super().listdir(path)
        if path.startswith("originals/"):
            for name in files:
                os.remove(self.path(f"{path}/{name}"))
        return folders, files


@pytest.mark.usefixtures("small_site")
def test_a_file_deleted_before_it_was_copied_is_recorded_as_vanished(settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "tests.test_backup_refusals.DeletedOnceListed"}
    }
    deck = Presentation.objects.get()
    err = io.StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO(), stderr=err)
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["vanished"] == [deck.original.name]
    assert "1 stored files were deleted before they could be copied" in err.getvalue()
    listed = (tmp_path / "backup" / "media.jsonl").read_text()
    assert deck.original.name not in listed and deck.pdf.name in listed


@pytest.mark.usefixtures("small_site")
def test_a_backup_goes_only_into_a_new_or_empty_folder(tmp_path):
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match=r"kept is not empty: a backup goes into a new or"):
        call_command("backup", str(kept))
    assert [path.name for path in kept.iterdir()] == ["notes.txt"]
    with pytest.raises(CommandError, match=r"notes.txt is a file"):
        call_command("backup", str(kept / "notes.txt"))
    assert (kept / "notes.txt").read_text() == "keep me"

    made = tmp_path / "new" / "backup"
    call_command("backup", str(made), stdout=io.StringIO())
    assert (made / "manifest.json").is_file()
    assert made.stat().st_mode & 0o777 == 0o700, "it holds password hashes and the secret key"


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root")
def test_a_disk_that_fills_during_the_backup_leaves_no_partial_backup(media, tmp_path):
    for number in range(3):
        upload(BIG_PDF, title=f"Big {number}")  # 3 × 1.3 MB
    folder = small_folder(tmp_path / "backup", "2m")
    try:
        with pytest.raises(CommandError, match=r"is full; the partial backup was removed\.$"):
            call_command("backup", str(folder), stdout=io.StringIO())
        assert list(folder.iterdir()) == []
    finally:
        unmount(folder)


def an_empty_site(settings, tmp_path) -> None:
    """This test's site emptied: no rows in its database, a new media folder."""
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "empty-media"


@pytest.mark.usefixtures("small_site")
def test_restore_goes_only_into_an_empty_site(settings, tmp_path):
    deck = Presentation.objects.get()
    backup(tmp_path / "backup")
    with pytest.raises(CommandError, match=r"not empty \(1 people, 1 decks and stored files\)"):
        call_command("restore", str(tmp_path / "backup"))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=r"not empty \(0 people, 0 decks and stored files\)"):
        call_command("restore", str(tmp_path / "backup"))
    assert default_storage.exists(deck.original.name), "nothing was restored over"


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("manifest.json", r"is not a complete slideshelf backup: it has no manifest\.json"),
        ("media.jsonl", r"is incomplete: media\.jsonl is missing"),
        ("a slide image", r"is damaged: media/decks/.+\.webp does not match its SHA-256"),
        ("an original", r"is incomplete: media/originals/.+ is missing"),
        ("the database", r"is damaged: database\.\w+ does not match its SHA-256"),
        ("the manifest's text", r"manifest\.json is damaged: it is not a backup's manifest"),
    ],
)
@pytest.mark.usefixtures("small_site")
def test_an_incomplete_or_damaged_backup_is_refused_before_anything_changes(
    settings, tmp_path, damage, said
):
    path = tmp_path / "backup"
    manifest = backup(path)
    if damage == "a slide image":
        flip_a_byte(next((path / "media" / "decks").rglob("*.webp")))
    elif damage == "an original":
        next((path / "media" / "originals").rglob("*.pdf")).unlink()
    elif damage == "the database":
        flip_a_byte(path / manifest["database"])
    elif damage == "the manifest's text":
        (path / "manifest.json").write_text('{"format": 1}')
    else:
        (path / damage).unlink()
    an_empty_site(settings, tmp_path)
    with pytest.raises(CommandError, match=said):
        call_command("restore", str(path))
    assert not Presentation.objects.exists() and not files_in(settings.MEDIA_ROOT)


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.usefixtures("small_site")
def test_a_backup_restores_only_onto_the_database_engine_it_was_made_on(settings, tmp_path):
    path = tmp_path / "backup"
    manifest = backup(path)
    other = "sqlite" if manifest["engine"] == "postgresql" else "postgresql"
    (path / "manifest.json").write_text(json.dumps(manifest | {"engine": other}))
    an_empty_site(settings, tmp_path)
    with pytest.raises(CommandError, match=r"export-site and import-site move a site"):
        call_command("restore", str(path))


@pytest.mark.usefixtures("small_site")
def test_a_backup_of_a_newer_slideshelf_is_left_to_that_version(settings, tmp_path):
    path = tmp_path / "backup"
    manifest = backup(path)
    (path / "manifest.json").write_text(json.dumps(manifest | {"slideshelf": "0.10.0"}))
    an_empty_site(settings, tmp_path)
    with pytest.raises(CommandError, match=r"made by slideshelf 0\.10\.0, whose database this"):
        call_command("restore", str(path))


@POSTGRES_ONLY
@pytest.mark.usefixtures("small_site")
def test_without_pg_dump_nothing_is_written_and_the_package_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    with pytest.raises(CommandError, match=r"pg_dump is not installed: .*postgresql-client"):
        call_command("backup", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()
