"""The background worker: django-tasks' database worker, recovery of abandoned decks, and the
search index kept up to date from its outbox."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from slideshelf.conversion.recovery import requeue_stale

log = logging.getLogger(__name__)


def every(seconds: float, job: Callable[[], object], name: str) -> threading.Event:
    """Run `job` every `seconds` in a thread until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        try:
            while not stop.wait(seconds):
                try:
                    job()
                except Exception:  # a busy database or index must not kill the thread
                    log.exception("%s failed", name)
        finally:
            connection.close()

    threading.Thread(target=loop, name=name, daemon=True).start()
    return stop


def start_recovery(seconds: float) -> threading.Event:
    """Requeue decks whose worker died mid-conversion."""
    return every(seconds, requeue_stale, "recovery")


def run_worker(*, batch: bool = False, interval: float = 0.5, recovery_every: float = 5.0) -> None:
    from slideshelf.search import api as search

    requeue_stale()
    search.repair()
    search.sync()
    stops = [start_recovery(recovery_every), every(interval, search.sync, "search sync")]
    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    worker.configure_signals()
    try:
        worker.run()
    finally:
        for stop in stops:
            stop.set()
        search.sync()
