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

    @property
    def media_type(self) -> str:
        """The content type a download of such a file is sent with."""
        return MEDIA_TYPES[self]

    @property
    def extensions(self) -> tuple[str, ...]:
        """The extensions a file of this family may be named with, lowercase, without dot."""
        return FAMILY_EXTENSIONS[self]


# One per family: the sniffer tells a PPTX from a PPSX, but only the family is stored.
MEDIA_TYPES = {
    FileType.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    FileType.PPT: "application/vnd.ms-powerpoint",
    FileType.ODP: "application/vnd.oasis.opendocument.presentation",
    # Flat ODF has no registered type; these are the ones LibreOffice and freedesktop.org use.
    FileType.FODP: "application/vnd.oasis.opendocument.presentation-flat-xml",
    FileType.SXI: "application/vnd.sun.xml.impress",
    FileType.ODG: "application/vnd.oasis.opendocument.graphics",
    FileType.FODG: "application/vnd.oasis.opendocument.graphics-flat-xml",
    FileType.SXD: "application/vnd.sun.xml.draw",
    FileType.PDF: "application/pdf",
    FileType.KEY: "application/vnd.apple.keynote",
}
FAMILY_EXTENSIONS = {
    FileType.PPTX: ("pptx", "pptm", "ppsx", "ppsm", "potx", "potm"),
    FileType.PPT: ("ppt", "pps", "pot"),
    FileType.ODP: ("odp", "otp"),
    FileType.FODP: ("fodp",),
    FileType.SXI: ("sxi",),
    FileType.ODG: ("odg", "otg"),
    FileType.FODG: ("fodg",),
    FileType.SXD: ("sxd",),
    FileType.PDF: ("pdf",),
    FileType.KEY: ("key",),
}


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
