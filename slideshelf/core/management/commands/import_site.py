from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.core.site_move import SiteMoveError, import_site


class Command(BaseCommand):
    help = "Put a site written by export-site into this empty site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The ZIP export-site wrote.")
        parser.add_argument(
            "--convert",
            action="store_true",
            help="Convert every deck again (with this site's LibreOffice and settings).",
        )

    def handle(self, *args: Any, path: Path, convert: bool, **options: Any) -> None:
        try:
            moved = import_site(path, convert=convert)
        except SiteMoveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{path}: {moved.people} people, {moved.decks} decks, {moved.files} files"
            + ("; every deck queued to convert again" if convert else "")
        )
