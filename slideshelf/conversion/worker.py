"""The background worker: django-tasks' database worker plus recovery of abandoned decks."""

from __future__ import annotations

import logging
import threading

from django.db import connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from slideshelf.conversion.recovery import requeue_stale

log = logging.getLogger(__name__)


def start_recovery(every: float) -> threading.Event:
    """Every `every` seconds, requeue decks whose worker died mid-conversion."""
    stop = threading.Event()

    def loop() -> None:
        try:
            while not stop.wait(every):
                try:
                    requeue_stale()
                except Exception:  # a busy database must not kill the recovery thread
                    log.exception("recovering abandoned conversions failed")
        finally:
            connection.close()

    threading.Thread(target=loop, name="recovery", daemon=True).start()
    return stop


def run_worker(*, batch: bool = False, interval: float = 0.5, recovery_every: float = 5.0) -> None:
    requeue_stale()
    stop = start_recovery(recovery_every)
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
        stop.set()
