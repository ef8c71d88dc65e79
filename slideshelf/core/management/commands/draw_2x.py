from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from slideshelf.conversion.images_2x import queue_missing_2x


class Command(BaseCommand):
    help = (
        "Queue the 2x slide images of every deck that has none (decks converted before they "
        "were drawn); the worker draws them after any waiting conversion."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{queue_missing_2x()} decks queued for 2x images")
