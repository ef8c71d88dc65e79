from __future__ import annotations

from slideshelf.conversion.job import Job
from slideshelf.conversion.ocr import languages_for, ocr_available, read_text
from slideshelf.conversion.runtime import get_pdf_pool
from slideshelf.conversion.stages.language import detect_from_slides


class RecogniseText:
    """Words in pictures, kept apart from the slide's own: a slide without text of its own is
    read whole; on the others, the pictures large enough to hold words a person would read."""

    name = "ocr"

    def run(self, job: Job) -> None:
        assert job.pdf is not None
        if not job.slides or not ocr_available():
            return
        languages = languages_for(job.language, job.config.ocr_languages)
        blank = {n for n, slide in enumerate(job.slides, start=1) if slide.source == "none"}
        for number, picture in get_pdf_pool().pictures(str(job.pdf), len(job.slides), blank):
            job.progress(self.name, number, len(job.slides))
            slide = job.slides[number - 1]
            text = read_text(picture, languages)
            slide.ocr_text = "\n".join(part for part in (slide.ocr_text, text) if part)
            if number in blank and text:
                slide.source = "ocr"
        if not job.language:
            # An image-only deck's language shows only now, in the recognised text.
            detect_from_slides(job)
