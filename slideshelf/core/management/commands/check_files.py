from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from slideshelf.conversion import sanity


class Command(BaseCommand):
    help = (
        "Find missing, empty, orphaned and (with --checksums) altered files; --repair removes "
        "orphans and converts decks again whose slides or PDF are gone. Exits 1 while anything "
        "is left for a person."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repair", action="store_true", help="Fix what can be fixed.")
        parser.add_argument(
            "--checksums", action="store_true", help="Also read every original (slow)."
        )

    def handle(self, *args: Any, repair: bool, checksums: bool, **options: Any) -> None:
        findings = sanity.check(checksums=checksums)
        if repair:
            findings = sanity.repair(findings)
        for finding in findings:
            self.stdout.write(str(finding))
        left = [finding for finding in findings if not finding.repair]
        self.stderr.write(f"{len(findings)} found, {len(findings) - len(left)} repaired")
        if left:
            raise SystemExit(1)
