"""Helpers that put real files through the real pipeline."""

from __future__ import annotations

from pathlib import Path

from slideshelf.conversion.services import convert
from slideshelf.presentations.models import Presentation
from slideshelf.presentations.services import create_presentation


def upload(path: Path, **fields) -> Presentation:
    with path.open("rb") as handle:
        return create_presentation(handle, path.name, **fields)


def convert_now(deck: Presentation) -> Presentation:
    """Convert as the worker would, retries included, and return the fresh deck."""
    for _ in range(10):
        deck.refresh_from_db()
        if deck.status in ("ready", "failed"):
            return deck
        convert(deck.pk)
    raise AssertionError(f"{deck.public_id} did not finish: {deck.status}")
