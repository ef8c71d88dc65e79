"""Text recognition in pictures (Tesseract, when installed): an image in, confident words out."""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from PIL import Image

from slideshelf.conversion.containment import PATH, filter_prefix

OCR_TIMEOUT = 60
OCR_MEMORY_BYTES = 1 << 30

# Tesseract reads a photograph's texture as "~ |' ae" at low confidence; words a person
# wrote, typed or drew come out above 90. Below this a word is left out.
MIN_CONFIDENCE = 60

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


def png_to_read(image: Image.Image) -> bytes:
    """`image` as Tesseract reads it best and soonest: grey, as a quickly packed PNG."""
    png = io.BytesIO()
    image.convert("L").save(png, "PNG", compress_level=1)
    return png.getvalue()


def read_text(png: bytes, languages: str) -> str:
    """The words Tesseract is sure of in the picture `png`, line by line; "" when it finds none.
    The worker hands the bytes on unopened: they come from a contained process."""
    try:
        result = subprocess.run(
            [
                *filter_prefix(OCR_MEMORY_BYTES, OCR_TIMEOUT),
                *("tesseract", "stdin", "stdout", "-l", languages, "--psm", "3", "tsv"),
            ],
            input=png,
            capture_output=True,
            timeout=OCR_TIMEOUT,
            # Tesseract's OpenMP threads fight each other on small machines: one is 4× faster.
            env={"PATH": PATH, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ""
    return confident_lines(result.stdout.decode("utf-8", "replace"))


def confident_lines(tsv: str) -> str:
    """Tesseract's TSV output as text: its confident words, in its lines, without the noise.

    A picture where Tesseract is unsure of most words is a photograph it is guessing at:
    nothing of it is kept. Elsewhere a line stays when one of its sure words has two letters
    or digits: "|", "~" and "a" alone are what a picture's edges look like to it.
    """
    words = list(_words(tsv))
    if not words or statistics.median(word.confidence for word in words) < MIN_CONFIDENCE:
        return ""
    lines: dict[tuple[str, ...], list[str]] = {}
    for word in words:
        if word.confidence >= MIN_CONFIDENCE:
            lines.setdefault(word.line, []).append(word.text)
    kept = (line for line in lines.values() if any(_is_word(text) for text in line))
    return "\n".join(" ".join(line) for line in kept)


@dataclass(frozen=True)
class Word:
    line: tuple[str, ...]  # (page, block, paragraph, line)
    confidence: float
    text: str


def _words(tsv: str) -> Iterator[Word]:
    """The words in Tesseract's TSV (level 5 rows) that have a letter or a digit."""
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) == 12 and cells[0] == "5" and any(char.isalnum() for char in cells[11]):
            yield Word(tuple(cells[1:5]), float(cells[10]), cells[11].strip())


def _is_word(word: str) -> bool:
    return sum(char.isalnum() for char in word) >= 2
