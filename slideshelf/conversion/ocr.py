"""Text recognition for slides that carry no text of their own (Tesseract, when installed)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import cache

import pypdfium2 as pdfium

from slideshelf.conversion.extractors.pdf import load_page
from slideshelf.conversion.render import page_scale

OCR_WIDTH = 2000  # slide-sized type at about 200 dpi, where Tesseract reads it well
OCR_TIMEOUT = 60

# ISO 639-1 to Tesseract's traineddata names, for the languages we install data for.
TESSERACT_LANGUAGES = {"sv": "swe", "en": "eng"}


@cache
def tesseract_languages() -> frozenset[str]:
    if not shutil.which("tesseract"):
        return frozenset()
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    ).stdout
    return frozenset(line.strip() for line in listed.splitlines()[1:] if line.strip())


def ocr_available() -> bool:
    return bool(tesseract_languages())


def languages_for(deck_language: str, default: str) -> str:
    installed = tesseract_languages()
    wanted = TESSERACT_LANGUAGES.get(deck_language[:2])
    if wanted and wanted in installed:
        return wanted
    usable = [lang for lang in default.split("+") if lang in installed]
    return "+".join(usable) or "eng"


def recognise_page(pdf_path: str, number: int, languages: str) -> str:
    document = pdfium.PdfDocument(pdf_path)
    try:
        page = load_page(document, number)
        width, height = page.get_size()
        image = page.render(scale=page_scale(width, height, OCR_WIDTH, 12_000_000)).to_pil()
        page.close()
    finally:
        document.close()
    png = io.BytesIO()
    image.convert("L").save(png, "PNG", compress_level=1)
    try:
        result = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", languages, "--psm", "3"],
            input=png.getvalue(),
            capture_output=True,
            timeout=OCR_TIMEOUT,
            # Tesseract's OpenMP threads fight each other on small machines: one is 4× faster.
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ""
    text = result.stdout.decode("utf-8", "replace")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if len(line) > 1)
