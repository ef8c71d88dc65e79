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
from slideshelf.conversion.models import Conversion, Status, claim
from slideshelf.conversion.pipeline import run_stages
from slideshelf.conversion.results import publish
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.storage import delete
from slideshelf.lib import scratch
from slideshelf.lib.backoff import backoff
from slideshelf.lib.files import is_disk_full
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

# What to do with a conversion that should be tried again after a number of seconds: the
# task queue enqueues a delayed job, a command waiting in the foreground runs it itself.
Requeue = Callable[[Conversion, float], None]


class Outcome(StrEnum):
    READY = "ready"
    FAILED = "failed"
    RETRYING = "retrying"
    SKIPPED = "skipped"  # someone else has it, or it is no longer queued


def convert(deck_id: int, requeue: Requeue) -> Outcome:
    conversion = claim(deck_id)
    if conversion is None:
        return Outcome.SKIPPED
    try:
        with scratch.folder(conversion.presentation.public_id) as workspace:
            with heartbeat(deck_id, settings.WORKER_HEARTBEAT_SECONDS):
                job = _run(conversion, workspace)
            publish(conversion, job)
        return Outcome.READY
    except PermanentError as error:
        fail(conversion, error.as_message())
        return Outcome.FAILED
    except TransientError as error:
        return _retry_or_fail(conversion, error.as_message(), requeue)
    except Exception as error:
        if is_disk_full(error):
            return _wait_for_space(conversion, requeue)
        log.exception("unexpected failure converting %s", conversion.presentation.public_id)
        return _retry_or_fail(conversion, message(UNEXPECTED), requeue)


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
        fail(conversion, error)
        return Outcome.FAILED
    delay = retry_delay(conversion.attempts)
    log.warning(
        "retrying %s in %.0f s: %s", conversion.presentation.public_id, delay, english(error)
    )
    requeue(conversion, delay)
    return Outcome.RETRYING


def _wait_for_space(conversion: Conversion, requeue: Requeue) -> Outcome:
    """The disk is full: the file is not at fault, so the attempt does not count; try later."""
    log.warning("the disk is full: %s waits %.0f s", conversion.presentation.public_id, SPACE_PAUSE)
    conversion.uncount_attempt()
    requeue(conversion, SPACE_PAUSE)
    return Outcome.RETRYING


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
        transaction.on_commit(lambda: delete(refused))


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
