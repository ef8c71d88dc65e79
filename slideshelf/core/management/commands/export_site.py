from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from slideshelf.core.site_move import export_site


class Command(BaseCommand):
    help = "Write the whole site (people, decks, their files and details) to one ZIP."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The ZIP to write.")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        moved = export_site(path)
        self.stdout.write(
            f"{path}: {moved.people} people, {moved.decks} decks, {moved.files} files"
        )
