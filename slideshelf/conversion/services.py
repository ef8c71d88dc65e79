"""Converting a presentation: claim it, run the pipeline, publish the results or the failure."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import transaction

from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.heartbeat import heartbeat
from slideshelf.conversion.job import Job
from slideshelf.conversion.messages import Message, english, message
from slideshelf.conversion.models import Conversion, Status, claim, still_holds
from slideshelf.conversion.pipeline import run_stages
from slideshelf.conversion.results import publish
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.storage import delete, remove_after_commit
from slideshelf.lib import scratch
from slideshelf.lib.backoff import backoff
from slideshelf.lib.files import StoreUnavailable, is_disk_full, until_room
from slideshelf.lib.i18n import gettext_noop

log = logging.getLogger(__name__)

UNEXPECTED = gettext_noop(
    "Something went wrong on our side while converting this file. The original is kept; "
    "please try again later."
)

REPLACEMENT_REFUSED = gettext_noop(
    "The new file %(name)s could not be used: %(message)s The previous version is still shown."
)

SPACE_PAUSE = 60.0  # seconds a deck waits when the disk is full, before it is tried again
STORE_PAUSE = 30.0  # … and when the object store does not answer

# What to do with a conversion that should be tried again after a number of seconds: the
# task queue enqueues a delayed job, a command waiting in the foreground runs it itself.
Requeue = Callable[[Conversion, float], None]


class Outcome(StrEnum):
    READY = "ready"
    FAILED = "failed"
    RETRYING = "retrying"
    SKIPPED = "skipped"  # someone else has it, or it is no longer queued


def convert(deck_id: int, requeue: Requeue) -> Outcome:
    # The claim and the attempt's outcome are written whatever it takes: a deck claimed but
    # never settled would wait for the recovery sweep, which counts the attempt against it.
    conversion = until_room(lambda: claim(deck_id))
    if conversion is None:
        return Outcome.SKIPPED
    # The heartbeat goes on while the outcome waits for room on the disk: once there is room,
    # the deck is still this worker's, not taken back as if the worker had died.
    with heartbeat(deck_id, settings.WORKER_HEARTBEAT_SECONDS):
        return _attempt(conversion, requeue)


def _attempt(conversion: Conversion, requeue: Requeue) -> Outcome:
    public_id = conversion.presentation.public_id
    try:
        with scratch.folder(public_id) as workspace:
            job = _run(conversion, workspace)
            return Outcome.READY if publish(conversion, job) else Outcome.SKIPPED
    except PermanentError as error:
        failure = error.as_message()
        return _settle(conversion, lambda current: _fail(current, failure))
    except TransientError as error:
        failure = error.as_message()
        return _settle(conversion, lambda current: _retry_or_fail(current, failure, requeue))
    except (SystemExit, KeyboardInterrupt):
        # The worker was told to stop: the file is not at fault, so it waits for the next.
        log.warning("stopped while converting %s; back in the queue", public_id)
        _put_back(conversion, requeue, delay=0)
        raise
    except Exception as error:
        if is_disk_full(error):
            log.warning("the disk is full: %s waits %.0f s", public_id, SPACE_PAUSE)
            return _put_back(conversion, requeue, delay=SPACE_PAUSE)
        if isinstance(error, StoreUnavailable):
            log.warning("%s: %s waits %.0f s", error, public_id, STORE_PAUSE)
            return _put_back(conversion, requeue, delay=STORE_PAUSE)
        log.exception("unexpected failure converting %s", public_id)
        failure = message(UNEXPECTED)
        return _settle(conversion, lambda current: _retry_or_fail(current, failure, requeue))


def _settle(claimed: Conversion, outcome: Callable[[Conversion], Outcome]) -> Outcome:
    """Write how the attempt ended, waiting for room on the disk as long as it takes; nothing
    when the deck was deleted meanwhile or is another worker's now.

    Each try reads the row afresh: a try that failed may have changed the object, not the row.
    """

    def once() -> Outcome:
        current = Conversion.objects.select_related("presentation").filter(pk=claimed.pk).first()
        if current is None or not still_holds(claimed, current):
            return Outcome.SKIPPED
        return outcome(current)

    return until_room(once)


def _run(conversion: Conversion, workspace: Path) -> Job:
    """Convert the deck's file: the replacement waiting for it, if any, else the original."""
    original = workspace / "original"
    source_file = conversion.source
    with source_file.open("rb") as source, original.open("wb") as target:
        shutil.copyfileobj(source, target, 1 << 20)
    deck = conversion.presentation
    job = Job(
        original, workspace, job_config(), language=deck.language, progress=conversion.progress
    )
    job.source_name = source_file.name or ""
    return run_stages(job)


def _retry_or_fail(conversion: Conversion, error: Message, requeue: Requeue) -> Outcome:
    if conversion.attempts > settings.CONVERSION_RETRIES:
        return _fail(conversion, error)
    delay = retry_delay(conversion.attempts)
    log.warning(
        "retrying %s in %.0f s: %s", conversion.presentation.public_id, delay, english(error)
    )
    requeue(conversion, delay)
    return Outcome.RETRYING


def _put_back(conversion: Conversion, requeue: Requeue, delay: float) -> Outcome:
    """Back in the queue for a reason outside the file (a full disk, a worker told to stop):
    the attempt does not count."""
    _settle(conversion, _uncount_attempt)
    return _settle(conversion, lambda current: _requeue(current, requeue, delay))


def _uncount_attempt(conversion: Conversion) -> Outcome:
    conversion.uncount_attempt()
    return Outcome.RETRYING


def _requeue(conversion: Conversion, requeue: Requeue, delay: float) -> Outcome:
    requeue(conversion, delay)
    return Outcome.RETRYING


def _fail(conversion: Conversion, error: Message) -> Outcome:
    fail(conversion, error)
    return Outcome.FAILED


def fail(conversion: Conversion, error: Message) -> None:
    """Give up on the deck's file. A refused replacement is dropped and the deck stays as it was.

    `error` is stored untranslated (see `messages.py`) and shown in each reader's language.
    """
    if not (conversion.replacement and conversion.presentation.has_slides):
        conversion.fail(error)
        return
    refused = conversion.replacement.name or ""
    name = conversion.replacement_name
    with transaction.atomic():
        conversion.refuse_replacement(message(REPLACEMENT_REFUSED, name=name, message=error))
        remove_after_commit(lambda: delete(refused))


def convert_here(deck_id: int, poll: float = 0.25) -> Conversion:
    """Convert the deck in this process, unless a worker already has it, waiting out retry
    delays here; returns the conversion once it is ready or failed."""
    while True:
        conversion = Conversion.objects.select_related("presentation").get(pk=deck_id)
        if conversion.status in (Status.READY, Status.FAILED):
            return conversion
        if conversion.status != Status.QUEUED or convert(deck_id, _wait) is Outcome.SKIPPED:
            time.sleep(poll)


def _wait(conversion: Conversion, delay: float) -> None:
    conversion.requeue()
    time.sleep(delay)


def retry_delay(attempts: int) -> float:
    """The base delay, doubled after every failed attempt."""
    return backoff(attempts, first=float(settings.CONVERSION_RETRY_DELAY))
