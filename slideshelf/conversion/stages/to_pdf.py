from __future__ import annotations

import shutil
from pathlib import Path

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.job import Job
from slideshelf.conversion.office.client import Output
from slideshelf.conversion.runtime import get_office, get_pdf_pool
from slideshelf.conversion.types import FileType
from slideshelf.lib.i18n import gettext_noop

PDF_FILTER = "impress_pdf_Export"
DRAW_PDF_FILTER = "draw_pdf_Export"
PPTX_FILTER = "Impress Office Open XML"
ODP_FILTER = "impress8"

# Formats whose own XML we read for titles and notes; the rest are saved on the way as ODP (the
# ODF relatives, which keep every placeholder that way) or as PPTX.
READ_DIRECTLY = {FileType.PPTX, FileType.ODP}
SAVED_AS_ODP = {FileType.FODP, FileType.SXI}
# Draw documents open in Draw, which saves no slides to PPTX; their text comes from the PDF.
DRAWINGS = {FileType.ODG, FileType.FODG, FileType.SXD}


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
        job.page_count = get_pdf_pool().page_count(str(pdf))
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
        outputs, job.structure = _outputs(file_type, source, pdf)
        result = office.convert(str(source), outputs)
        job.hidden = result.hidden


def _outputs(file_type: FileType, source: Path, pdf: Path) -> tuple[list[Output], Path | None]:
    """What LibreOffice writes in its one load, and the file whose XML gives the structure."""
    if file_type in DRAWINGS:
        return [Output(str(pdf), DRAW_PDF_FILTER)], None
    outputs = [Output(str(pdf), PDF_FILTER)]
    if file_type in READ_DIRECTLY:
        return outputs, source
    if file_type in SAVED_AS_ODP:
        structure, export = source.with_name("structure.odp"), ODP_FILTER
    else:
        structure, export = source.with_name("structure.pptx"), PPTX_FILTER
    return [*outputs, Output(str(structure), export)], structure
