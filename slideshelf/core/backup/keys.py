"""The secret key in a backup: sessions, password-reset links and signed links were made with
it, so a site restored with it keeps them working."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from django.conf import settings

from slideshelf.core.backup.manifest import KEY_FILE


def save_key(folder: Path) -> None:
    _write_private(folder / KEY_FILE, settings.SECRET_KEY)


def put_key_back(folder: Path) -> str:
    """The backup's key in the data folder, or a warning when the site takes its key from
    SLIDESHELF_SECRET_KEY instead and that is another.

    The data folder's key is replaced whatever it is: restore goes only into an empty site,
    whose own key was made when it first started and has signed nothing worth keeping.
    """
    saved = (folder / KEY_FILE).read_text().strip()
    kept = Path(settings.DATA_DIR) / KEY_FILE  # where settings.py keeps a key of its own
    if kept.is_file() and kept.read_text().strip() == settings.SECRET_KEY:
        _write_private(kept, saved)
        return ""
    if saved == settings.SECRET_KEY:
        return ""
    return (
        "SLIDESHELF_SECRET_KEY is not the key this backup was made with: sessions and signed "
        f"links from before stop working unless it is set to the key in {folder / KEY_FILE}."
    )


def _write_private(path: Path, key: str) -> None:
    """Readable by the site's user alone, and in place whole or not at all."""
    part = path.with_name(f"{path.name}.part")
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    with os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
        handle.write(key)
    os.replace(part, path)
