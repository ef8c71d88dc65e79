"""The state one conversion carries from stage to stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from slideshelf.conversion.render import PageImage, RenderSettings
from slideshelf.conversion.sniff import Sniffed
from slideshelf.conversion.types import SlideText

ProgressCallback = Callable[[str, int, int], None]  # stage, done, total


@dataclass(frozen=True)
class JobConfig:
    max_bytes: int
    max_unzipped_bytes: int
    max_zip_entries: int
    max_slides: int
    render: RenderSettings
    ocr_languages: str


@dataclass
class SlideResult:
    text: SlideText
    source: str  # a TextSource value
    ocr_text: str = ""  # words recognised in the slide's pictures, apart from its own


@dataclass
class Job:
    original: Path
    scratch: Path
    config: JobConfig
    language: str = ""  # the owner's, else the detected one
    detected_language: str = ""  # set only when the text told it; stored when the owner gave none
    progress: ProgressCallback = lambda stage, done, total: None
    sniffed: Sniffed | None = None
    pdf: Path | None = None
    structure: Path | None = None  # the PPTX/ODP whose XML gives titles, notes, tables
    hidden: tuple[int, ...] = ()
    page_count: int = 0
    deck_title: str = ""
    source_name: str = ""  # the stored file converted: the original or a replacement
    slides: list[SlideResult] = field(default_factory=list)
    images: list[PageImage] = field(default_factory=list)
