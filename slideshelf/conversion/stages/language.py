from __future__ import annotations

from slideshelf.conversion.job import Job
from slideshelf.conversion.language import detect_language

# A deck's first 20,000 characters settle its language; reading all of an 800-slide deck
# would only cost time.
TEXT_LIMIT = 20_000


class DetectLanguage:
    """The deck's language from its slides' text, when the owner gave none, so OCR can use it."""

    name = "text"  # part of reading the slides' text, as far as the uploader is concerned

    def run(self, job: Job) -> None:
        if job.language:
            return
        detect_from_slides(job)


def detect_from_slides(job: Job) -> None:
    """Set the job's language from its slides' titles, bodies, notes and words recognised in
    pictures, if they tell it."""
    parts = (
        part
        for slide in job.slides
        for part in (slide.text.title, slide.text.body, slide.text.notes, slide.ocr_text)
        if part
    )
    language = detect_language("\n".join(parts)[:TEXT_LIMIT])
    if language:
        job.language = job.detected_language = language
