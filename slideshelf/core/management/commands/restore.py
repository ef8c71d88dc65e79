from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.core.backup.manifest import BackupError
from slideshelf.core.backup.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `slideshelf backup` into this empty site (no people, decks "
        "or stored files), after checking every part of it; then build the search index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The folder `slideshelf backup` wrote.")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            restored = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        made, counts = restored.manifest, restored.manifest.counts
        self.stdout.write(
            f"{path}: the site as it was at {made.made_at} (slideshelf {made.slideshelf}): "
            f"{counts.people} people, {counts.decks} decks, {counts.slides} slides, "
            f"{counts.files} files; {restored.indexed} decks in the search index"
        )
        if restored.warning:
            self.stderr.write(restored.warning)
        if restored.findings:
            kinds = Counter(finding.kind for finding in restored.findings)
            found = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            self.stderr.write(
                f"`slideshelf check-files` finds {found} files (written or deleted while the "
                "backup ran, or so before it): it lists them, and --repair removes the strays "
                "and converts again the decks whose slides are gone."
            )
