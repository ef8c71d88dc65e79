"""What an uploaded file's name and content say about it, before anything reads it further."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path
from typing import IO

CHUNK = 1 << 20


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
    """The disk (or the owner's quota) has no room: no fault of the file being written."""
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
