from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from slideshelf.conversion.worker import Chore, run_worker
from slideshelf.core.startup import ready_for_work
from slideshelf.limits import api as attempts
from slideshelf.search import api as search

# Counted attempts (hashed client addresses among them) are deleted after a day by the
# requests that count; this catches the last ones of a site that has gone quiet.
FORGET_EVERY = 600.0


class Command(BaseCommand):
    help = "Run a background worker that converts queued presentations."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="Convert what is queued, then exit."
        )
        parser.add_argument(
            "--interval", type=float, default=0.5, help="Seconds between looks at an empty queue."
        )

    def handle(self, *args: Any, batch: bool, interval: float, **options: Any) -> None:
        logging.getLogger("django_tasks_db").setLevel(logging.WARNING)
        ready_for_work()
        self.stderr.write(f"slideshelf worker: converting into {settings.DATA_DIR}")
        run_worker(
            batch=batch,
            interval=interval,
            recovery_every=max(settings.WORKER_STALE_SECONDS / 2, 0.5),
            chores=[
                search_sync(interval),
                Chore("forget attempts", attempts.forget_expired, FORGET_EVERY),
            ],
        )


def search_sync(interval: float) -> Chore:
    """The index follows the database: what a crash left wrong is queued at start, and the
    outbox is applied every `interval` seconds and once more at the end."""

    def repair_and_sync() -> None:
        search.repair()
        search.sync()

    return Chore("search sync", search.sync, interval, at_start=repair_and_sync)
