"""The conversion stages, in the order they run."""

from __future__ import annotations

from typing import Protocol

from slideshelf.conversion.job import Job
from slideshelf.conversion.stages.language import DetectLanguage
from slideshelf.conversion.stages.ocr import RecogniseText
from slideshelf.conversion.stages.preflight import Preflight
from slideshelf.conversion.stages.slide_images import DrawSlides
from slideshelf.conversion.stages.slide_text import ReadSlideText
from slideshelf.conversion.stages.to_pdf import ConvertToPdf


class Stage(Protocol):
    name: str  # a presentations.models.Stage value, shown to the uploader

    def run(self, job: Job) -> None: ...


STAGES: tuple[Stage, ...] = (
    Preflight(),
    ConvertToPdf(),
    ReadSlideText(),
    DetectLanguage(),
    DrawSlides(),
    RecogniseText(),
)
