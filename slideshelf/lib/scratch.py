"""Scratch folders that a killed process cannot leave behind for long.

Every folder is named after the process that made it; `clean_abandoned()`, run when a worker
starts, removes those whose process is gone (a worker killed mid-job runs no clean-up).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(tempfile.gettempdir()) / "slideshelf-scratch"


def new_folder(label: str, *, passable: bool = False) -> Path:
    """An empty folder of this process's, for `label` (a deck's id, "office"). Only its owner
    may enter it, unless `passable`: then others may pass through it to a folder inside that
    is lent to them (`conversion.containment.lent`), though not list it."""
    try:
        ROOT.mkdir()
        ROOT.chmod(0o711)  # the same for the root: no one lists the decks' folders
    except FileExistsError:
        pass
    path = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-{label}-", dir=ROOT))
    if passable:
        path.chmod(0o711)
    return path


@contextmanager
def folder(label: str) -> Iterator[Path]:
    """A scratch folder for the length of a `with` block."""
    path = new_folder(label)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def clean_abandoned() -> int:
    """Remove the folders of processes that no longer run; returns how many."""
    removed = 0
    for path in ROOT.glob("*-*") if ROOT.exists() else ():
        owner = path.name.split("-", 1)[0]
        if owner.isdigit() and not _running(int(owner)):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True
