from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.presentations.models import Presentation, Slide


def presentation_as_dict(deck: Presentation) -> dict[str, Any]:
    return {
        "id": deck.public_id,
        "title": deck.display_title,
        "language": deck.language,
        "status": deck.conversion.status,
        "error": deck.conversion.failure_english or None,
        "slide_count": deck.slide_count,
        "slides": [slide_as_dict(slide) for slide in deck.slides.all()],
    }


def slide_as_dict(slide: Slide) -> dict[str, Any]:
    """Everything read from a slide, each kind apart: `text` is what the slide says itself;
    `ocr_text` what text recognition read in its pictures."""
    return {
        "number": slide.number,
        "title": slide.title,
        "text": slide.text,
        "notes": slide.notes,
        "tables": [table for table in slide.table_text.split("\n\n") if table],
        "alt_texts": [alt for alt in slide.alt_texts.split("\n") if alt],
        "ocr_text": slide.ocr_text,
        "hidden": slide.hidden,
        "source": slide.text_source,
    }


class Command(BaseCommand):
    help = "Show a presentation: its status and every slide's text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", help="The presentation's public id.")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args: Any, id: str, json: bool, **options: Any) -> None:
        try:
            deck = Presentation.objects.get(public_id=id)
        except Presentation.DoesNotExist:
            raise CommandError(f"No presentation has the id {id!r}.") from None
        data = presentation_as_dict(deck)
        if json:
            self.stdout.write(_dumps(data))
            return
        self.stdout.write(f"{data['title']}  [{data['status']}, {data['slide_count']} slides]")
        if data["error"]:
            self.stdout.write(f"error: {data['error']}")
        for slide in data["slides"]:
            self.stdout.write(f"\n{slide['number']}. {slide['title']}\n{slide['text']}")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
