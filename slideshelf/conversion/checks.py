"""Start-up checks: say clearly what is missing, and what still works without it."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning, register

from slideshelf.conversion.containment import missing_guards
from slideshelf.conversion.ocr import ocr_available
from slideshelf.conversion.office.client import office_available

INSTALL = "sudo apt-get install --no-install-recommends libreoffice-impress-nogui python3-uno"


@register()
def check_converters(**kwargs: Any) -> list[Warning]:
    found = []
    if not office_available(settings.SOFFICE, settings.OFFICE_PYTHON):
        found.append(
            Warning(
                "LibreOffice (with its Python bridge) is not installed: only PDF uploads "
                "can be converted.",
                hint=f"Install it with: {INSTALL}   (or run 'make install' as root)",
                id="slideshelf.W001",
            )
        )
    if missing := missing_guards(settings.OFFICE_ISOLATE_NETWORK):
        found.append(
            Warning(
                "Uploaded files will be opened (by LibreOffice and by pdfium) without "
                + "; without ".join(missing)
                + ".",
                hint="Run the worker as root: it opens them as users of their own, without "
                "capabilities, with memory and CPU-time caps, and without network.",
                id="slideshelf.W003",
            )
        )
    if not ocr_available():
        found.append(
            Warning(
                "Tesseract is not installed: slides that are only pictures get no text.",
                hint="sudo apt-get install tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng",
                id="slideshelf.W002",
            )
        )
    return found


@register()
def check_data_dir(**kwargs: Any) -> list[Error]:
    data_dir = settings.DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    if not os.access(data_dir, os.W_OK):
        return [
            Error(
                f"The data folder {data_dir} is not writable.",
                hint="Set SLIDESHELF_DATA_DIR to a folder this user may write to.",
                id="slideshelf.E001",
            )
        ]
    return []
