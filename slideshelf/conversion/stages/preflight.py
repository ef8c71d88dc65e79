from __future__ import annotations

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.job import Job
from slideshelf.conversion.limits import ZipLimits, check_zip
from slideshelf.conversion.sniff import sniff
from slideshelf.conversion.types import FileType
from slideshelf.lib.i18n import gettext_noop

# The flat XML formats (FODP, FODG) are one file, bounded by the upload limit.
ZIP_TYPES = {FileType.PPTX, FileType.ODP, FileType.ODG, FileType.SXI, FileType.SXD, FileType.KEY}


class Preflight:
    """The file's type from its content, and the limits, before anything parses it."""

    name = "preflight"

    def run(self, job: Job) -> None:
        size = job.original.stat().st_size
        if size > job.config.max_bytes:
            raise PermanentError(
                gettext_noop("The file is %(size)s MB; slideshelf accepts at most %(limit)s MB."),
                size=round(size / 2**20, 1),
                limit=round(job.config.max_bytes / 2**20),
            )
        job.sniffed = sniff(str(job.original))
        if job.sniffed.file_type in ZIP_TYPES:
            check_zip(
                str(job.original),
                ZipLimits(job.config.max_unzipped_bytes, job.config.max_zip_entries),
            )
