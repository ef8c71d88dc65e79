"""Demo content: a handful of decks that slideshelf writes itself, so a new site is not empty."""

from __future__ import annotations

from slideshelf.demo.decks import COLLECTIONS, DECKS, DemoCollection, DemoDeck, DemoSlide
from slideshelf.demo.writer import write_all, write_pptx

__all__ = [
    "COLLECTIONS",
    "DECKS",
    "DemoCollection",
    "DemoDeck",
    "DemoSlide",
    "write_all",
    "write_pptx",
]
