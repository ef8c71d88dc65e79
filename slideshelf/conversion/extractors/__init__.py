"""Slide structure (titles, text, notes, tables, alt text) read from the office file itself.

One reader per package format; `extract_structure` picks it by the kind the sniffer found.
"""

from __future__ import annotations

from collections.abc import Callable

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors import odf, ooxml
from slideshelf.conversion.types import DeckText
from slideshelf.lib.i18n import gettext_noop

_READERS: dict[str, Callable[[str], DeckText]] = {
    "pptx": ooxml.extract_deck,  # also PPTM, PPSX, POTX
    "odp": odf.extract_deck,  # also OTP
}


def extract_structure(path: str, kind: str) -> DeckText:
    """The slide structure of the presentation at `path`; `kind` is "pptx" or "odp"."""
    reader = _READERS.get(str(kind))
    if reader is None:
        raise PermanentError(
            gettext_noop("Slide structure cannot be read from a %(kind)s file."), kind=repr(kind)
        )
    return reader(path)
