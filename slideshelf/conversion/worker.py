"""The background worker: django-tasks' database worker, recovery of abandoned decks, and the
chores the process that runs it adds (keeping the search index up to date, in `worker`)."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType

from django.db import OperationalError, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from slideshelf.conversion.recovery import requeue_stale
from slideshelf.lib import scratch
from slideshelf.lib.backoff import backoff
from slideshelf.lib.files import is_disk_full

log = logging.getLogger(__name__)

LONGEST_PAUSE = 60.0  # seconds the worker waits out trouble at a time; the first is 1 s
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def every(seconds: float, job: Callable[[], object], name: str) -> threading.Event:
    """Run `job` every `seconds` in a thread until the returned event is set; after a failure,
    a pause twice as long as the last, up to LONGEST_PAUSE."""
    stop = threading.Event()

    def loop() -> None:
        failures = 0
        try:
            longest = max(seconds, LONGEST_PAUSE)
            while not stop.wait(backoff(failures, first=seconds, longest=longest)):
                failures = 0 if _done(job, name) else failures + 1
        finally:
            connection.close()

    threading.Thread(target=loop, name=name, daemon=True).start()
    return stop


def _done(job: Callable[[], object], name: str) -> bool:
    try:
        job()
    except Exception as error:  # a busy database or a full disk must not kill the thread
        if is_disk_full(error):
            log.warning("%s waits for room on the disk: %s", name, error)
        else:
            log.exception("%s failed", name)
        return False
    return True


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
    stop_at_once(worker)
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


def stop_at_once(worker: Worker) -> None:
    """A stop signal ends the worker where it is. A conversion in progress goes back to the
    queue without counting against its file (`services.convert`), rather than running on
    until the supervisor kills the worker and the recovery sweep counts the attempt. Later
    signals are ignored, so that putting it back is not cut short."""

    def stop(number: int, frame: FrameType | None) -> None:
        for each in STOP_SIGNALS:
            signal.signal(each, signal.SIG_IGN)
        log.warning("%s: the worker stops", signal.strsignal(number))
        worker.running = False
        raise SystemExit(0)

    for each in STOP_SIGNALS:
        signal.signal(each, stop)


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
            time.sleep(pause)  # a signal here stops the worker at once (stop_at_once)


def _try(action: Callable[[], object], name: str) -> None:
    try:
        action()
    except (OperationalError, OSError):
        # On the way out: what it did not do, the next worker's start does.
        log.exception("%s failed as the worker stopped", name)
