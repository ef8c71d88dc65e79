"""`slideshelf backup PATH`: the database first, at one instant, then the secret key and the
stored files, and the manifest last.

Files are stored before the rows that name them commit, so every file the database copy names
is in the storage when the files are copied afterwards, unless it was deleted meanwhile (its
deck deleted or replaced): such files are recorded as vanished, and the restored site's check
lists them as missing. A backup that fails leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from django.utils import timezone

from slideshelf.core.backup import database, media
from slideshelf.core.backup.keys import save_key
from slideshelf.core.backup.manifest import (
    KEY_FILE,
    MEDIA_LIST,
    BackupError,
    Manifest,
    checksum,
    write_manifest,
)
from slideshelf.lib.files import is_disk_full
from slideshelf.lib.secret import keep_private


def take_backup(path: Path, copy_media: bool = True) -> Manifest:
    """A backup of this site in `path`, a new or empty folder. Without `copy_media` the stored
    files are listed (name, size, SHA-256) but not copied: for a bucket kept by the object
    store's own versioning or replication."""
    _check_destination(path)
    database.check_program("pg_dump")
    made = not path.exists()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"{path} cannot be made: {error.strerror}.") from None
    keep_private(path)  # it holds every password hash and the secret key
    try:
        with database.reachable(), media.answering():
            return _take(path, copy_media)
    except BaseException as error:
        _remove_partial(path, made)
        if isinstance(error, BackupError):
            raise BackupError(
                f"{str(error).rstrip('.')}; the partial backup was removed."
            ) from None
        if isinstance(error, Exception) and is_disk_full(error):
            raise BackupError(
                f"The disk holding {path} is full; the partial backup was removed."
            ) from error
        raise


def _check_destination(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise BackupError(f"{path} is a file: a backup goes into a new or empty folder.")
    if path.is_dir() and any(path.iterdir()):
        raise BackupError(
            f"{path} is not empty: a backup goes into a new or empty folder, never over another."
        )


def _take(path: Path, copy_media: bool) -> Manifest:
    made_at = timezone.now().isoformat(timespec="seconds")
    database_file, counts = database.copy_database(path)  # first: the instant it is a copy of
    save_key(path)
    listed = media.back_up(path, copy_media)
    manifest = Manifest(
        engine=database.engine(),
        database=database_file,
        made_at=made_at,
        counts=dataclasses.replace(counts, files=listed.files, size=listed.size),
        media_copied=copy_media,
        parts={name: checksum(path / name) for name in (database_file, KEY_FILE, MEDIA_LIST)},
        vanished=listed.vanished,
    )
    write_manifest(path, manifest)  # last: a backup without one is incomplete
    return manifest


def _remove_partial(path: Path, made: bool) -> None:
    """What this backup wrote; a folder the person made stays, empty."""
    if made:
        shutil.rmtree(path, ignore_errors=True)
        return
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
