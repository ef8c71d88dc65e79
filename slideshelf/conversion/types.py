"""Typed values that cross the pipeline's stage boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FileType(StrEnum):
    """The format family; its value is the extension LibreOffice is shown the file under."""

    PPTX = "pptx"  # also PPTM, PPSX, PPSM, POTX, POTM: one OOXML presentation package
    PPT = "ppt"  # also PPS, POT, and PowerPoint 4.0: the binary formats
    ODP = "odp"  # also OTP
    FODP = "fodp"  # flat ODP: the whole presentation in one XML file
    SXI = "sxi"  # OpenOffice.org 1.x / StarOffice 6–7 Impress
    ODG = "odg"  # Draw, also OTG: its pages become slides
    FODG = "fodg"  # flat ODG
    SXD = "sxd"  # OpenOffice.org 1.x / StarOffice 6–7 Draw
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
    # A slide without a title's one line a person would call its title: its largest text,
    # the topmost of equals. Also in the body; only the deck's title reads it.
    heading: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.body or self.alt_texts or self.tables)


@dataclass(frozen=True)
class DeckText:
    slides: tuple[SlideText, ...]
    title: str = ""  # from the file's own properties, when it has one
