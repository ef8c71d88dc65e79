"""Moving a job's results into the media storage, and removing a revision's files."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import transaction


def put(local: Path, name: str, storage: Storage = default_storage) -> str:
    with local.open("rb") as handle:
        return storage.save(name, File(handle, name=local.name))


def delete(name: str, storage: Storage = default_storage) -> None:
    if name:
        storage.delete(name)


def delete_all(names: list[str], storage: Storage = default_storage) -> None:
    for name in names:
        delete(name, storage)


def delete_prefix(prefix: str, storage: Storage = default_storage) -> None:
    """Delete every file under `prefix` (a folder in storage terms)."""
    try:
        folders, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        storage.delete(f"{prefix}/{name}")
    for folder in folders:
        delete_prefix(f"{prefix}/{folder}", storage)
    _remove_empty_folder(prefix, storage)


def _remove_empty_folder(prefix: str, storage: Storage) -> None:
    # Local storage leaves empty folders behind; object stores have none to remove.
    try:
        path = Path(storage.path(prefix))
    except NotImplementedError:
        return
    with contextlib.suppress(OSError):
        path.rmdir()


@contextlib.contextmanager
def atomic_or_undo(undo: Callable[[], object]) -> Iterator[None]:
    """A transaction, and `undo()` when it does not commit (a full database), for what a
    rollback leaves: the files stored for rows that are not there."""
    committed: list[bool] = []
    try:
        with transaction.atomic():
            # The commit's first hook: a later one that fails is no reason to undo.
            transaction.on_commit(lambda: committed.append(True))
            yield
    except BaseException:
        if not committed:
            undo()
        raise
