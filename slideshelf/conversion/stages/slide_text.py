from __future__ import annotations

import logging
import statistics

from slideshelf.conversion.extractors import extract_structure
from slideshelf.conversion.extractors.pdf_text import PageText, TextLine
from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.runtime import get_pdf_pool
from slideshelf.conversion.types import SlideText
from slideshelf.lib.titles import is_field_text

log = logging.getLogger(__name__)


class ReadSlideText:
    """Each slide's text from the richest source: the deck's structure, else the PDF's text."""

    name = "text"

    def run(self, job: Job) -> None:
        assert job.pdf is not None
        pages = get_pdf_pool().read_pages(str(job.pdf))
        from_pdf = [pdf_slide_text(page, number) for number, page in enumerate(pages, start=1)]
        structure = self._structure(job)
        if structure == []:
            # LibreOffice gives an empty deck one blank page; the deck really has none.
            job.page_count, job.slides = 0, []
            return
        if structure is not None and len(structure) != len(from_pdf):
            # Slide n must be page n; when they disagree, trust the pages.
            log.warning(
                "structure has %d slides, PDF %d pages: using the PDF text",
                len(structure),
                len(from_pdf),
            )
            structure = None
        job.slides = []
        for number, pdf_text in enumerate(from_pdf, start=1):
            slide = structure[number - 1] if structure else None
            hidden = number in job.hidden or bool(slide and slide.hidden)
            if slide is not None and not slide.is_empty:
                result = SlideResult(slide, "structure")
            elif not pdf_text.is_empty:
                notes = slide.notes if slide else ""
                result = SlideResult(SlideText(pdf_text.title, pdf_text.body, notes), "pdf")
            else:
                result = SlideResult(slide or SlideText(), "none")
            if hidden and not result.text.hidden:
                result.text = SlideText(**{**result.text.__dict__, "hidden": True})
            job.slides.append(result)

    def _structure(self, job: Job) -> list[SlideText] | None:
        if job.structure is None:
            return None
        # The structure file is the original PPTX or ODP, or one LibreOffice saved as either.
        deck = extract_structure(str(job.structure), job.structure.suffix.removeprefix("."))
        job.deck_title = deck.title
        return list(deck.slides)


# A title runs on over lines of its size, each close below the one before: at most this many.
TITLE_LINES = 3
TITLE_LINE_PITCH = 1.5  # of the font size, baseline to baseline
SAME_SIZE = 0.05  # of the font size
WORD_SPACE = 0.25  # of the font size


def pdf_slide_text(page: PageText | str, number: int = 0) -> SlideText:
    """A PDF page's text as a slide: its title is its first line, and the lines of the same
    large size below it that it wrapped onto; the rest is the body.

    Lines before the title that are only a date, a time or a slide number are the footer a
    program drew first (LibreOffice draws the master's fields before the slide): neither.
    A footer repeated on most pages (the author's name, the page number) is never the title;
    it ends the body. Plain text has no sizes: its title is its first line.
    """
    if isinstance(page, str):
        page = PageText.plain(page)
    lines = [line for line in page.lines if not line.footer]
    while lines and is_field_text(lines[0].text, number):
        lines.pop(0)
    count = _title_line_count(lines)
    title = " ".join(line.text for line in lines[:count])
    body = lines[count:] + [line for line in page.lines if line.footer]
    return SlideText(title=title, body="\n".join(line.text for line in body).strip())


def _title_line_count(lines: list[TextLine]) -> int:
    """How many lines the title takes: the first, and those it wrapped onto, when it is
    larger than most of the text below it (else the lines are a paragraph, not a title)."""
    if not lines:
        return 0
    count = 1
    while count < min(len(lines), TITLE_LINES) and _wraps_onto(lines[count - 1], lines[count]):
        count += 1
    rest = [line.size for line in lines[count:]]
    if rest and statistics.mode(rest) >= lines[0].size * (1 - SAME_SIZE):
        return 1
    return count


def _wraps_onto(line: TextLine, below: TextLine) -> bool:
    """Whether `below` holds the rest of `line`: its size, close under it, side by side with
    it, and starting with a word too wide to have ended `line` (else it is a line of its own:
    a subtitle, a first point)."""
    width, below_width = line.right - line.left, below.right - below.left
    first_word = below.text.split(" ", 1)[0]
    word_width = below_width * len(first_word) / len(below.text)
    return (
        line.size > 0
        and abs(below.size - line.size) <= SAME_SIZE * line.size
        and 0 < below.bottom - line.bottom <= TITLE_LINE_PITCH * line.size
        and below.left < line.right
        and line.left < below.right
        and width + WORD_SPACE * line.size + word_width > max(width, below_width)
    )
