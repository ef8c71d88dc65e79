from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.conversion.models import Status
from slideshelf.conversion.services import convert_here
from slideshelf.lib.progress import ProgressBar
from slideshelf.presentations.models import Presentation, Visibility
from slideshelf.studio.lifecycle import create_presentation


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and every file below the folders given, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"No such file or folder: {raw}")
    return files


class Command(BaseCommand):
    help = "Import presentation files and folders (recursively)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--owner", help="Username of the owner.")
        parser.add_argument(
            "--visibility", choices=[v.value for v in Visibility], default=Visibility.PUBLIC
        )
        parser.add_argument(
            "--wait", action="store_true", help="Convert before returning; exit 1 if any failed."
        )

    def handle(
        self,
        *args: Any,
        paths: list[str],
        owner: str | None,
        visibility: str,
        wait: bool,
        **options: Any,
    ) -> None:
        user = self._owner(owner)
        files = expand(paths)
        if not files:
            raise CommandError("No files to import.")
        decks = []
        for path in files:
            with path.open("rb") as handle:
                decks.append(
                    (
                        path,
                        create_presentation(handle, path.name, owner=user, visibility=visibility),
                    )
                )
        if not wait:
            for path, deck in decks:
                self.stdout.write(f"{deck.public_id} {deck.conversion.status} {path}")
            return
        self._convert_all(decks)

    def _owner(self, username: str | None) -> Any:
        if username is None:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user is called {username!r}.") from None

    def _convert_all(self, decks: list[tuple[Path, Presentation]]) -> None:
        bar = ProgressBar(len(decks), sys.stderr)
        counts: Counter[str] = Counter()
        for done, (path, deck) in enumerate(decks):
            bar.show(done, f"converting {path.name}")
            conversion = convert_here(deck.pk)
            bar.clear()
            message = f" {conversion.failure_english}" if conversion.is_failed else ""
            self.stdout.write(f"{deck.public_id} {conversion.status} {path}{message}")
            counts[conversion.status] += 1
        bar.clear()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.stderr.write(f"{len(decks)} files: {summary}")
        if counts[Status.FAILED]:
            raise SystemExit(1)
