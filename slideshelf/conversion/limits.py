"""Guards that run before any XML in a package is parsed."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.zip_inflate import check_inflated
from slideshelf.lib.i18n import gettext_noop

# Office XML compresses about 5–20×; a ratio far beyond that on a large member is a zip bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_unzipped_bytes: int
    max_entries: int


def check_zip(path: str, limits: ZipLimits) -> None:
    """Refuse a package whose sizes would blow up memory or disk when read: first the sizes
    its directory declares, then, since those may lie, what each part really inflates to."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError):
        raise PermanentError(
            gettext_noop("The file is a damaged ZIP package and cannot be opened.")
        ) from None
    if len(infos) > limits.max_entries:
        raise PermanentError(
            gettext_noop(
                "The package holds %(count)s parts; slideshelf accepts at most %(limit)s."
            ),
            count=len(infos),
            limit=limits.max_entries,
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise PermanentError(
            gettext_noop(
                "Unpacked, this file would take %(size)s MB; slideshelf accepts at most "
                "%(limit)s MB."
            ),
            size=round(total / 2**20),
            limit=round(limits.max_unzipped_bytes / 2**20),
        )
    for info in infos:
        large = info.file_size >= RATIO_CHECK_FROM_BYTES and info.compress_size
        if large and info.file_size / info.compress_size > MAX_RATIO:
            raise PermanentError(
                gettext_noop(
                    "The part %(part)s expands %(ratio)s× when unpacked, which is how zip bombs "
                    "work; the file was refused."
                ),
                part=repr(info.filename),
                ratio=str(info.file_size // info.compress_size),
            )
    check_inflated(path, infos)
