"""The background worker: django-tasks' database worker, recovery of abandoned decks, and the
chores the process that runs it adds (keeping the search index up to date, in `worker`)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import OperationalError, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from slideshelf.conversion.recovery import requeue_stale
from slideshelf.lib import scratch
from slideshelf.lib.backoff import backoff

log = logging.getLogger(__name__)

LONGEST_PAUSE = 60.0  # seconds the worker waits out trouble at a time; the first is 1 s


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


@dataclass(frozen=True)
class Chore:
    """Work a worker process does beside converting: once at start, then every few seconds,
    and once more as it stops."""

    name: str
    run: Callable[[], object]
    every: float
    at_start: Callable[[], object] | None = None


def run_worker(
    *,
    batch: bool = False,
    interval: float = 0.5,
    recovery_every: float = 5.0,
    chores: Sequence[Chore] = (),
) -> None:
    scratch.clean_abandoned()
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
    patiently(worker, lambda: _start(chores))
    stops = [start_recovery(recovery_every)]
    stops += [every(chore.every, chore.run, chore.name) for chore in chores]
    try:
        patiently(worker, worker.run)
    finally:
        for stop in stops:
            stop.set()
        for chore in chores:
            _try(chore.run, chore.name)


def _start(chores: Sequence[Chore]) -> None:
    requeue_stale()
    for chore in chores:
        (chore.at_start or chore.run)()


def patiently(worker: Worker, action: Callable[[], object]) -> None:
    """Do `action` until it is done or a signal stops the worker. A database locked past its
    timeout or a full disk pauses the worker, longer each time in a row, and never ends it."""
    failures = 0
    while worker.running:
        try:
            action()
            return
        except (OperationalError, OSError) as error:
            failures += 1
            pause = backoff(failures, longest=LONGEST_PAUSE)
            log.warning("the worker pauses for %.0f s: %s", pause, error)
            time.sleep(pause)  # a signal here stops the worker at once (Worker.shutdown)


def _try(action: Callable[[], object], name: str) -> None:
    try:
        action()
    except (OperationalError, OSError):
        # On the way out: what it did not do, the next worker's start does.
        log.exception("%s failed as the worker stopped", name)
