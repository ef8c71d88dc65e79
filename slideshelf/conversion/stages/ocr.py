from __future__ import annotations

from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.ocr import languages_for, ocr_available, recognise_page
from slideshelf.conversion.stages.language import detect_from_slides
from slideshelf.conversion.stages.slide_text import pdf_slide_text
from slideshelf.conversion.types import SlideText


class RecogniseText:
    """OCR for slides that had no text in their structure or text layer."""

    name = "ocr"

    def run(self, job: Job) -> None:
        assert job.pdf is not None
        blank = [n for n, slide in enumerate(job.slides, start=1) if slide.source == "none"]
        if not blank or not ocr_available():
            return
        languages = languages_for(job.language, job.config.ocr_languages)
        for done, number in enumerate(blank, start=1):
            job.progress(self.name, done, len(blank))
            text = recognise_page(str(job.pdf), number, languages)
            if text:
                found = pdf_slide_text(text, number)
                old = job.slides[number - 1].text
                job.slides[number - 1] = SlideResult(
                    SlideText(found.title, found.body, old.notes, old.alt_texts, (), old.hidden),
                    "ocr",
                )
        if not job.language:
            # An image-only deck's language shows only now, in the recognised text.
            detect_from_slides(job)
