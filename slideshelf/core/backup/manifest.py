"""What a backup folder holds and how each part is known to be whole: `manifest.json`, written
last, with the checksums of the database copy, the secret key and the list of stored files
(`media.jsonl`, one file's name, size and SHA-256 a line)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from slideshelf import __version__
from slideshelf.lib.files import sha256_of

FORMAT = 1  # raised when a backup's layout changes in a way an older restore cannot read
MANIFEST = "manifest.json"
KEY_FILE = "secret_key"
MEDIA_LIST = "media.jsonl"
MEDIA = "media"  # the stored files, under their storage names


class BackupError(Exception):
    """What stops a backup or a restore, said in one sentence for the person running it."""


@dataclass(frozen=True)
class Checksum:
    size: int
    sha256: str


@dataclass(frozen=True)
class Stored:
    """One stored file as the backup lists it."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Counts:
    """What the database copy holds (people, decks, slides), and the stored files listed."""

    people: int
    decks: int
    slides: int
    files: int = 0
    size: int = 0  # the stored files' bytes


@dataclass(frozen=True, kw_only=True)
class Manifest:
    format: int = FORMAT
    slideshelf: str = __version__
    made_at: str  # the database copy's instant, ISO 8601
    engine: str  # the database's: "sqlite" or "postgresql"
    database: str  # the database copy's file in the backup
    counts: Counts
    media_copied: bool  # False: the files were listed, not copied (`--media list`)
    parts: dict[str, Checksum]  # every file of the backup but the stored ones, by name
    vanished: tuple[str, ...] = ()  # listed in the storage, deleted before they were copied


def checksum(path: Path) -> Checksum:
    with path.open("rb") as handle:
        sha256, size = sha256_of(handle)
    return Checksum(size, sha256)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Written under a temporary name and renamed: a manifest is there only when whole."""
    part = folder / f"{MANIFEST}.part"
    part.write_text(json.dumps(asdict(manifest), indent=2, ensure_ascii=False) + "\n")
    os.replace(part, folder / MANIFEST)


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder, so it is not a slideshelf backup.")
    if not path.is_file():
        raise BackupError(
            f"{folder} is not a complete slideshelf backup: it has no {MANIFEST}, which a "
            "backup writes last."
        )
    try:
        return _manifest(json.loads(path.read_text()))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupError(f"{path} is damaged: it is not a backup's manifest.") from None


def _manifest(data: dict[str, Any]) -> Manifest:
    if data["format"] > FORMAT:
        raise BackupError(
            f"This backup was made by slideshelf {data['slideshelf']}, in a layout (format "
            f"{data['format']}) this slideshelf {__version__} cannot read: upgrade first."
        )
    if _release(str(data["slideshelf"])) > _release(__version__):
        raise BackupError(
            f"This backup was made by slideshelf {data['slideshelf']}, whose database this "
            f"slideshelf {__version__} may not know: restore it with that version or a later one."
        )
    return Manifest(
        engine=str(data["engine"]),
        database=_relative(data["database"]),
        made_at=str(data["made_at"]),
        counts=Counts(**data["counts"]),
        media_copied=bool(data["media_copied"]),
        parts={_relative(name): Checksum(**value) for name, value in data["parts"].items()},
        vanished=tuple(data["vanished"]),
        slideshelf=str(data["slideshelf"]),
        format=int(data["format"]),
    )


def _release(version: str) -> tuple[int, ...]:
    """A version's numbers, (0, 10, 2) for 0.10.2: compared as numbers, not as text."""
    return tuple(int(number) for number in re.findall(r"\d+", version)[:3])


def write_list(handle: TextIO, stored: Stored) -> None:
    handle.write(json.dumps(asdict(stored), ensure_ascii=False) + "\n")


def read_list(folder: Path) -> Iterator[Stored]:
    """Each stored file the backup lists, read a line at a time (a bucket may hold millions)."""
    with (folder / MEDIA_LIST).open(encoding="utf-8") as listing:
        for number, line in enumerate(listing, start=1):
            try:
                entry = json.loads(line)
                yield Stored(_relative(entry["name"]), int(entry["size"]), str(entry["sha256"]))
            except (ValueError, KeyError, TypeError):
                raise BackupError(f"{MEDIA_LIST} is damaged at line {number}.") from None


def _relative(name: str) -> str:
    """A name that stays inside the folder it is joined to, whatever wrote it."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts:
        raise ValueError(f"{name!r} would leave the backup folder")
    return name


def inside(name: str) -> str:
    """The stored file's name, if a backup may hold it as a file of its own."""
    try:
        return _relative(name)
    except ValueError as error:
        raise BackupError(f"The stored file {name!r} cannot be backed up: {error}.") from None
