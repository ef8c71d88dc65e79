"""`slideshelf restore PATH`: a backup into an empty site.

Nothing changes until the whole backup has been read and found as its manifest says, and the
site found empty (no people, no decks, no stored files): restoring over a site is impossible,
so no data is ever lost by it. Then the stored files go in, then the database (on failure the
files are removed again, leaving the site as it was), the migrations the backup predates, the
secret key, and last the search index, which is derived from the database and built anew.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command

from slideshelf.conversion import sanity
from slideshelf.conversion.storage import delete_all
from slideshelf.core.backup import database, media
from slideshelf.core.backup.keys import put_key_back
from slideshelf.core.backup.manifest import (
    KEY_FILE,
    MEDIA_LIST,
    BackupError,
    Counts,
    Manifest,
    checksum,
    read_manifest,
)
from slideshelf.search import api as search


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    indexed: int  # decks in the search index
    findings: list[sanity.Finding]  # what `slideshelf check-files` would report now
    warning: str  # about the secret key, when the site's is set elsewhere and another


def restore_backup(path: Path) -> Restored:
    with database.reachable(), media.answering():
        return _restore(path)


def _restore(path: Path) -> Restored:
    manifest = read_manifest(path)
    _check_engine(manifest)
    database.check_program("pg_restore")
    _verify(path, manifest)
    _check_empty(manifest)
    if not manifest.media_copied:
        media.check_in_storage(path)
    stored = media.put_back(path) if manifest.media_copied else []
    try:
        database.put_back(path / manifest.database)
    except BaseException:
        delete_all(stored)
        raise
    call_command("migrate", interactive=False, verbosity=0)
    _check_counts(manifest)
    warning = put_key_back(path)
    return Restored(manifest, search.reindex(), sanity.check(), warning)


def _check_engine(manifest: Manifest) -> None:
    here = database.engine()
    if manifest.engine != here:
        raise BackupError(
            f"This backup is of a {database.NAMES.get(manifest.engine, manifest.engine)} site "
            f"and this site uses {database.NAMES[here]}: a backup restores onto the database "
            "engine it was made on, and export-site and import-site move a site from one to the "
            "other."
        )


def _verify(path: Path, manifest: Manifest) -> None:
    """Every part there and as its checksum says, before anything is changed."""
    if not {manifest.database, KEY_FILE, MEDIA_LIST} <= manifest.parts.keys():
        raise BackupError(f"{path} is damaged: its manifest lacks the checksum of a part.")
    for name, expected in manifest.parts.items():
        if not (path / name).is_file():
            raise BackupError(f"{path} is incomplete: {name} is missing.")
        if checksum(path / name) != expected:
            raise BackupError(f"{path} is damaged: {name} does not match its SHA-256.")
    if manifest.media_copied:
        media.verify(path)


def _check_empty(manifest: Manifest) -> None:
    """No people, no decks, and (unless the backup left the files in the storage) no files."""
    here = database.counts() if database.is_migrated() else Counts(0, 0, 0)
    has_files = manifest.media_copied and next(media.stored_names(), None) is not None
    if here.people or here.decks or has_files:
        files = " and stored files" if has_files else ""
        raise BackupError(
            f"This site is not empty ({here.people} people, {here.decks} decks{files}) and "
            "restore goes only into an empty one: point SLIDESHELF_DATA_DIR (or "
            "SLIDESHELF_DATABASE_URL and the media storage) at new ones."
        )


def _check_counts(manifest: Manifest) -> None:
    restored = database.counts()
    expected = dataclasses.replace(manifest.counts, files=0, size=0)
    if restored != expected:
        raise BackupError(
            f"The restored database holds {restored.people} people, {restored.decks} decks and "
            f"{restored.slides} slides where the backup's manifest says {expected.people}, "
            f"{expected.decks} and {expected.slides}."
        )
