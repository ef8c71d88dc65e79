from __future__ import annotations

import os
import secrets
from pathlib import Path


def read_or_create_secret_key(path: Path) -> str:
    """The site's secret key, made once and kept in the data folder (mode 0600)."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.touch(mode=0o600)
    path.write_text(key)
    return key


def keep_private(folder: Path) -> None:
    """Only the site's own user may enter the data folder: it holds the database and the
    secret key, and LibreOffice, run as users of its own, must reach neither."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.stat().st_uid == os.geteuid():
            folder.chmod(0o700)
    except OSError:
        pass  # a folder we may not change is the administrator's to guard
