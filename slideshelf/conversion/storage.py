"""Moving a job's results into the media storage, removing a revision's files (at once, or
once the rows that named them are gone), and copying stored files into a ZIP (the exports)."""

from __future__ import annotations

import contextlib
import logging
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import transaction

from slideshelf.lib.files import StoreUnavailable

log = logging.getLogger(__name__)


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
    for name in names_under(prefix, storage):
        storage.delete(name)
    _remove_empty_folders(prefix, storage)


def remove_after_commit(remove: Callable[[], object]) -> None:
    """Run `remove` (it deletes files no row names any more) once the transaction commits.

    A store that does not answer then leaves the files behind, as strays that
    `slideshelf check-files --repair` removes: what committed stands, and is not done again.
    """

    def removing() -> None:
        try:
            remove()
        except StoreUnavailable as error:
            log.warning("%s; `slideshelf check-files --repair` removes what it left", error)

    transaction.on_commit(removing)


def names_under(prefix: str, storage: Storage = default_storage) -> Iterator[str]:
    """Every file's name under `prefix`, folders within it included; none when it is not there."""
    try:
        folders, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{prefix}/{name}"
    for folder in folders:
        yield from names_under(f"{prefix}/{folder}", storage)


def copy_into_zip(
    archive: zipfile.ZipFile, stored: str, name: str, storage: Storage = default_storage
) -> None:
    """The stored file `stored` into the archive as `name`, a megabyte at a time."""
    with storage.open(stored, "rb") as source, archive.open(name, "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, 1024 * 1024)


def _remove_empty_folders(prefix: str, storage: Storage) -> None:
    try:
        folders, _files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for folder in folders:
        _remove_empty_folders(f"{prefix}/{folder}", storage)
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
