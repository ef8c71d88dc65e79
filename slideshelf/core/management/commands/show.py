from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.presentations.models import Presentation
from slideshelf.presentations.records import slide_record


def presentation_as_dict(deck: Presentation) -> dict[str, Any]:
    return {
        "id": deck.public_id,
        "title": deck.display_title,
        "language": deck.language,
        "status": deck.conversion.status,
        "error": deck.conversion.failure_english or None,
        "slide_count": deck.slide_count,
        "slides": [slide_record(slide) for slide in deck.slides.all()],
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
