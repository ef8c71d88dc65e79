"""A deck and its slides as plain data: what `slideshelf show --json` prints and what an
export's JSON holds."""

from __future__ import annotations

from typing import Any

from slideshelf.presentations.models import Presentation, Slide


def slide_record(slide: Slide) -> dict[str, Any]:
    """Everything read from a slide, each kind apart: `text` is what the slide says itself;
    `ocr_text` what text recognition read in its pictures."""
    return {
        "number": slide.number,
        "title": slide.title,
        "text": slide.text,
        "notes": slide.notes,
        "tables": slide.table_list,
        "alt_texts": slide.alt_text_list,
        "ocr_text": slide.ocr_text,
        "hidden": slide.hidden,
        "source": slide.text_source,
    }


def deck_record(deck: Presentation) -> dict[str, Any]:
    """What the owner said about a deck, and what it is."""
    return {
        "id": deck.public_id,
        "title": deck.title,
        "description": deck.description,
        "language": deck.language,
        "visibility": deck.visibility,
        "download_allowed": deck.download_allowed,
        "licence": deck.licence,
        "tags": [tag.name for tag in deck.tags.all()],
        "collection": deck.collection.slug if deck.collection else None,
        "original_name": deck.original_name,
        "created_at": deck.created_at.isoformat(),
        "updated_at": deck.updated_at.isoformat(),
        "slide_count": deck.slide_count,
        "view_count": deck.view_count,
    }
