"""The stored files' part of a backup, through the storage API alone (`listdir`, `open`,
`save`), so a media folder and an S3 bucket are backed up by the same code.

Every stored file is copied, not only those the database names: the exports, and whatever a
later feature stores, are kept without this module knowing their folders. A file written after
the database copy is an orphan in the restored site (`slideshelf check-files` lists it); a file
deleted after the database copy and before it was read is recorded as vanished.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.core.files import File
from django.core.files.storage import Storage, default_storage

from slideshelf.conversion.storage import delete_all, names_under
from slideshelf.core.backup.manifest import (
    MEDIA,
    MEDIA_LIST,
    BackupError,
    Checksum,
    Stored,
    checksum,
    inside,
    read_list,
    write_list,
)
from slideshelf.lib.files import StoreUnavailable, is_disk_full

CHUNK = 1 << 20


@dataclass(frozen=True)
class Listed:
    files: int
    size: int
    vanished: tuple[str, ...]


@contextlib.contextmanager
def answering() -> Iterator[None]:
    """An object store that does not answer, said in a line rather than a traceback."""
    try:
        yield
    except StoreUnavailable as error:
        raise BackupError(f"The media storage does not answer: {error}.") from error


def stored_names(storage: Storage = default_storage) -> Iterator[str]:
    """Every complete file in the storage. A name with `.part-` is one being written (or left
    by a crash, see lib/atomic_storage.py): never a file a row names."""
    try:
        folders, files = storage.listdir("")
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in itertools.chain(files, *(names_under(folder, storage) for folder in folders)):
        if ".part-" not in name.rsplit("/", 1)[-1]:
            yield name


def back_up(folder: Path, copy: bool, storage: Storage = default_storage) -> Listed:
    """List every stored file with its size and SHA-256 in `media.jsonl`, and with `copy`
    write it under `media/` too."""
    files, size, vanished = 0, 0, []
    with (folder / MEDIA_LIST).open("w", encoding="utf-8") as listing:
        for name in stored_names(storage):
            target = folder / MEDIA / inside(name) if copy else None
            try:
                stored = _read(name, target, storage)
            except FileNotFoundError:
                vanished.append(name)  # a deck deleted or replaced since it was listed
                continue
            write_list(listing, stored)
            files, size = files + 1, size + stored.size
    return Listed(files, size, tuple(vanished))


def verify(folder: Path) -> None:
    """Every copied file is there, of its listed size and SHA-256."""
    for stored in read_list(folder):
        path = folder / MEDIA / stored.name
        if not path.is_file():
            raise BackupError(f"{folder} is incomplete: {MEDIA}/{stored.name} is missing.")
        if checksum(path) != Checksum(stored.size, stored.sha256):
            raise BackupError(
                f"{folder} is damaged: {MEDIA}/{stored.name} does not match its SHA-256."
            )


def check_in_storage(folder: Path, storage: Storage = default_storage) -> None:
    """For a backup that listed the files without copying them: the storage has each, of its
    listed size (its SHA-256 would mean reading the whole bucket again)."""
    listed = absent = 0
    first = ""
    for stored in read_list(folder):
        listed += 1
        if not storage.exists(stored.name) or storage.size(stored.name) != stored.size:
            absent += 1
            first = first or stored.name
    if absent:
        raise BackupError(
            f"{absent} of the {listed} files this backup lists are not in this site's storage "
            f"as listed (the first: {first}); a backup made with --media list restores only "
            "onto the storage that keeps its files."
        )


def put_back(folder: Path, storage: Storage = default_storage) -> list[str]:
    """Every copied file into the (empty) storage under its name; on any failure the files
    put back so far are removed again, leaving the storage as it was."""
    done: list[str] = []
    try:
        for stored in read_list(folder):
            with (folder / MEDIA / stored.name).open("rb") as handle:
                saved = storage.save(stored.name, File(handle, name=Path(stored.name).name))
            done.append(saved)
            if saved != stored.name:
                raise BackupError(f"{stored.name} is stored already: the storage is not empty.")
    except BaseException as error:
        delete_all(done, storage)
        if isinstance(error, Exception) and is_disk_full(error):
            raise BackupError(
                f"The media storage is full after {len(done)} files: those were removed "
                "again and nothing else was changed."
            ) from error
        raise
    return done


def _read(name: str, target: Path | None, storage: Storage) -> Stored:
    """The stored file's size and SHA-256, read once; written to `target` as it is read."""
    digest, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as source, _writing(target) as copy:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if copy is not None:
                copy.write(chunk)
    return Stored(name, size, digest.hexdigest())


@contextlib.contextmanager
def _writing(target: Path | None) -> Iterator[BinaryIO | None]:
    if target is None:
        yield None
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        yield handle
