from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from slideshelf.demo.load import load_demo


class Command(BaseCommand):
    help = "Add slideshelf's own demo decks (Swedish and English) to the site, once."

    def handle(self, *args: Any, **options: Any) -> None:
        added = load_demo()
        if added:
            self.stdout.write(f"Added {len(added)} demo decks; the worker converts them.")
        else:
            self.stdout.write("The demo decks are already on the site.")
