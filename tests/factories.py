"""Helpers that put real files through the real pipeline."""

from __future__ import annotations

from pathlib import Path

from slideshelf.conversion.services import convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation
from slideshelf.studio.lifecycle import create_presentation


def upload(path: Path, **fields) -> Presentation:
    with path.open("rb") as handle:
        return create_presentation(handle, path.name, **fields)


def convert_now(deck: Presentation) -> Presentation:
    """Convert as the worker would, retries included, and return the fresh deck."""
    for _ in range(10):
        deck.refresh_from_db()
        if deck.conversion.status in ("ready", "failed"):
            return deck
        convert(deck.pk, requeue=queue_conversion)
    raise AssertionError(f"{deck.public_id} did not finish: {deck.conversion.status}")


def with_slide_inserted(path: Path, position: int, title: str) -> bytes:
    """The deck at `path` with a new title-only slide at `position` (1-based), as PPTX bytes."""
    import io

    from pptx import Presentation as PptxPresentation

    deck = PptxPresentation(str(path))
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
    else:
        slide.shapes.add_textbox(0, 0, deck.slide_width, deck.slide_height // 4).text = title
    order = deck.slides._sldIdLst  # python-pptx has no public way to move a slide
    entry = order[-1]
    order.remove(entry)
    order.insert(position - 1, entry)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
