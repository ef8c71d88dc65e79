"""What an uploaded file's name and content say about it, before anything reads it further;
a disk with no room, however it is reported; and an object store that does not answer."""

from __future__ import annotations

import errno
import hashlib
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from slideshelf.lib.backoff import backoff

T = TypeVar("T")
log = logging.getLogger(__name__)

CHUNK = 1 << 20
SQLITE_FULL = 13  # "database or disk is full"
POSTGRES_DISK_FULL = "53100"  # SQLSTATE disk_full
# Seconds between tries, at most: a full disk is freed by a person, and once it is, work
# should not sleep on for long.
LONGEST_WAIT_FOR_ROOM = 30.0


class StoreUnavailable(OSError):
    """The object store did not answer or said it cannot now (lib/object_storage.py); nothing
    was written, and trying later may help."""

    RETRY_AFTER = 60  # seconds a person or a program is asked to wait before trying again


def sha256_of(handle: IO[bytes]) -> tuple[str, int]:
    """The content's SHA-256 and size; the handle is left at its start."""
    digest = hashlib.sha256()
    size = 0
    handle.seek(0)
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size


def safe_name(name: str) -> str:
    """The file's own name, without any folder a browser or archive put in front of it."""
    base = Path(name.replace("\\", "/")).name.strip().lstrip(".")
    return base[:200] or "presentation"


def is_disk_full(error: BaseException) -> bool:
    """The disk (or the owner's quota) has no room: no fault of what was being written.

    Also when the database says so: Django's database errors keep the driver's as their cause.
    """
    seen: BaseException | None = error
    for _ in range(5):  # the error, and the errors it was raised from
        if seen is None:
            return False
        if _says_no_room(seen):
            return True
        seen = seen.__cause__
    return False


def _says_no_room(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(error, sqlite3.Error):
        return getattr(error, "sqlite_errorcode", 0) & 0xFF == SQLITE_FULL
    return getattr(error, "sqlstate", None) == POSTGRES_DISK_FULL  # psycopg's DiskFull


def until_room(action: Callable[[], T]) -> T:
    """`action()`, tried again after a pause, longer each time, for as long as the disk has no
    room for it: for a write that must not be lost, such as putting a deck back in the queue."""
    failures = 0
    while True:
        try:
            return action()
        except Exception as error:
            if not is_disk_full(error):
                raise
            failures += 1
            pause = backoff(failures, longest=LONGEST_WAIT_FOR_ROOM)
            log.warning("the disk is full; trying again in %.0f s: %s", pause, error)
            time.sleep(pause)
