from __future__ import annotations

import shutil
from pathlib import Path

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors.pdf import page_count
from slideshelf.conversion.job import Job
from slideshelf.conversion.office.client import Output
from slideshelf.conversion.runtime import get_office
from slideshelf.conversion.types import FileType
from slideshelf.lib.i18n import gettext_noop

PDF_FILTER = "impress_pdf_Export"
PPTX_FILTER = "Impress Office Open XML"

# Formats whose own XML we read for titles and notes; the rest are saved as PPTX on the way.
READ_DIRECTLY = {FileType.PPTX, FileType.ODP}


class ConvertToPdf:
    """The PDF rendition: slide n is page n. PDFs are kept as they are."""

    name = "pdf"

    def run(self, job: Job) -> None:
        assert job.sniffed is not None
        file_type = job.sniffed.file_type
        pdf = job.scratch / "deck.pdf"
        if file_type is FileType.PDF:
            shutil.copyfile(job.original, pdf)
        else:
            self._convert_with_office(job, file_type, pdf)
        job.pdf = pdf
        job.page_count = page_count(str(pdf))
        if job.page_count > job.config.max_slides:
            raise PermanentError(
                gettext_noop(
                    "The presentation has %(count)s slides; slideshelf accepts at most %(limit)s."
                ),
                count=job.page_count,
                limit=job.config.max_slides,
            )

    def _convert_with_office(self, job: Job, file_type: FileType, pdf: Path) -> None:
        office = get_office()
        if office is None:
            raise PermanentError(
                gettext_noop(
                    "LibreOffice is not installed on this server, so it can only convert PDFs. "
                    "The file is kept: retry once an administrator has installed LibreOffice."
                )
            )
        source = job.scratch / f"source.{file_type.value}"  # LibreOffice trusts the extension
        shutil.copyfile(job.original, source)
        outputs = [Output(str(pdf), PDF_FILTER)]
        if file_type in READ_DIRECTLY:
            job.structure = source
        else:
            job.structure = job.scratch / "structure.pptx"
            outputs.append(Output(str(job.structure), PPTX_FILTER))
        result = office.convert(str(source), outputs)
        job.hidden = result.hidden
