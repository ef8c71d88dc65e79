from __future__ import annotations

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.job import Job
from slideshelf.conversion.limits import ZipLimits, check_zip
from slideshelf.conversion.sniff import sniff
from slideshelf.conversion.types import FileType

ZIP_TYPES = {FileType.PPTX, FileType.ODP, FileType.KEY}


class Preflight:
    """The file's type from its content, and the limits, before anything parses it."""

    name = "preflight"

    def run(self, job: Job) -> None:
        size = job.original.stat().st_size
        if size > job.config.max_bytes:
            raise PermanentError(
                f"The file is {size / 2**20:,.1f} MB; slideshelf accepts at most "
                f"{job.config.max_bytes / 2**20:,.0f} MB."
            )
        job.sniffed = sniff(str(job.original))
        if job.sniffed.file_type in ZIP_TYPES:
            check_zip(
                str(job.original),
                ZipLimits(job.config.max_unzipped_bytes, job.config.max_zip_entries),
            )
