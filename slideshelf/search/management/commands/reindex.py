"""`slideshelf reindex`: rebuild the search index and similar lists from the database."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from slideshelf.search import api


class Command(BaseCommand):
    help = "Rebuild the search index and the similar-presentation lists from the database."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        count = api.reindex()
        self.stdout.write(f"Indexed {count} presentations in {time.monotonic() - started:.1f} s.")
