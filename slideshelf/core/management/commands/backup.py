from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from slideshelf.core.backup.database import NAMES
from slideshelf.core.backup.manifest import BackupError
from slideshelf.core.backup.take import take_backup


class Command(BaseCommand):
    help = (
        "Back up this site into a new or empty folder: the database at one instant (SQLite's "
        "online backup or pg_dump), the secret key, and every stored file with its SHA-256."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A new or empty folder.")
        parser.add_argument(
            "--media",
            choices=("copy", "list"),
            default="copy",
            help=(
                "copy: the stored files into the backup (the default); list: only their names, "
                "sizes and SHA-256s, for a bucket kept by the object store's own versioning or "
                "replication (restore then checks the storage holds them)."
            ),
        )

    def handle(self, *args: Any, path: Path, media: str, **options: Any) -> None:
        try:
            made = take_backup(path, copy_media=media == "copy")
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = made.counts
        done = "copied" if made.media_copied else "listed"
        self.stdout.write(
            f"{path}: the {NAMES[made.engine]} database of {made.made_at} ({counts.people} people, "
            f"{counts.decks} decks, {counts.slides} slides) and {counts.files} files "
            f"({counts.size / 2**20:.1f} MB) {done}"
        )
        if made.vanished:
            self.stderr.write(
                f"{len(made.vanished)} stored files were deleted before they could be copied "
                "(decks deleted or replaced meanwhile), the first: "
                f"{made.vanished[0]}; the restored site's check lists those its database names "
                "as missing, and a backup taken again has them."
            )
