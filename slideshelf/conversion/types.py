"""Typed values that cross the pipeline's stage boundaries."""

from __future__ import annotations

from dataclasses import dataclass
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
