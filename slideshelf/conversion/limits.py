"""Guards that run before any XML in a package is parsed."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from slideshelf.conversion.errors import PermanentError

# Office XML compresses about 5–20×; a ratio far beyond that on a large member is a zip bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_unzipped_bytes: int
    max_entries: int


def check_zip(path: str, limits: ZipLimits) -> None:
    """Refuse a package whose declared sizes would blow up memory or disk when read."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError):
        raise PermanentError("The file is a damaged ZIP package and cannot be opened.") from None
    if len(infos) > limits.max_entries:
        raise PermanentError(
            f"The package holds {len(infos):,} parts; slideshelf accepts at most "
            f"{limits.max_entries:,}."
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise PermanentError(
            f"Unpacked, this file would take {total / 2**20:,.0f} MB; slideshelf accepts at "
            f"most {limits.max_unzipped_bytes / 2**20:,.0f} MB."
        )
    for info in infos:
        large = info.file_size >= RATIO_CHECK_FROM_BYTES and info.compress_size
        if large and info.file_size / info.compress_size > MAX_RATIO:
            raise PermanentError(
                f"The part {info.filename!r} expands {info.file_size // info.compress_size}× "
                "when unpacked, which is how zip bombs work; the file was refused."
            )
