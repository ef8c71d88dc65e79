"""Typed values that cross the pipeline's stage boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FileType(StrEnum):
    PPTX = "pptx"  # also PPTM, PPSX, POTX: one OOXML presentation package
    PPT = "ppt"  # also PPS: the binary format
    ODP = "odp"  # also OTP
    PDF = "pdf"
    KEY = "key"  # Keynote, as far as LibreOffice reads it

    @property
    def needs_office(self) -> bool:
        return self is not FileType.PDF


@dataclass(frozen=True)
class SlideText:
    """Everything readable on one slide, from whichever source had it."""

    title: str = ""
    body: str = ""
    notes: str = ""
    alt_texts: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    hidden: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.body or self.alt_texts or self.tables)


@dataclass(frozen=True)
class DeckText:
    slides: tuple[SlideText, ...]
    title: str = ""  # from the file's own properties, when it has one


@dataclass(frozen=True)
class RenderedSlide:
    number: int
    image: str  # storage name
    thumbnail: str
    width: int
    height: int
    thumb_width: int
    thumb_height: int


@dataclass
class Workspace:
    """One scratch folder per job, with the files the stages hand to each other."""

    root: str
    original: str
    file_type: FileType | None = None
    pdf: str | None = None
    structure: str | None = None  # a PPTX or ODP to read the slide structure from
    extras: dict[str, str] = field(default_factory=dict)
