from __future__ import annotations

import logging

from slideshelf.conversion.extractors import extract_structure
from slideshelf.conversion.extractors.pdf import page_texts
from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.types import SlideText
from slideshelf.lib.titles import is_field_text

log = logging.getLogger(__name__)


class ReadSlideText:
    """Each slide's text from the richest source: the deck's structure, else the PDF's text."""

    name = "text"

    def run(self, job: Job) -> None:
        assert job.pdf is not None
        pages = page_texts(str(job.pdf))
        from_pdf = [pdf_slide_text(text, number) for number, text in enumerate(pages, start=1)]
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


def pdf_slide_text(text: str, number: int = 0) -> SlideText:
    """A PDF page's text as a slide: its first line is the title, the rest the body.

    Lines before the title that are only a date, a time or a slide number are the footer a
    program drew first (LibreOffice draws the master's fields before the slide): neither.
    """
    lines = text.strip().split("\n")
    while lines and (not lines[0].strip() or is_field_text(lines[0], number)):
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    return SlideText(title=title, body="\n".join(lines[1:]).strip())
