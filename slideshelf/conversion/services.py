"""Converting a presentation: claim it, run the pipeline, store the results or the failure."""

from __future__ import annotations

import logging
import shutil
import tempfile
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.heartbeat import heartbeat
from slideshelf.conversion.job import Job
from slideshelf.conversion.messages import Message, english, message
from slideshelf.conversion.pipeline import run_stages
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.storage import delete, delete_all, delete_prefix, put
from slideshelf.lib.text import cut_at_word
from slideshelf.presentations.models import Presentation, Slide, Stage, Status
from slideshelf.presentations.slide_map import is_identity, match_slides
from slideshelf.search.duplicates import near_duplicate

log = logging.getLogger(__name__)

UNEXPECTED = gettext_noop(
    "Something went wrong on our side while converting this file. The original is kept; "
    "please try again later."
)

REPLACEMENT_REFUSED = gettext_noop(
    "The new file %(name)s could not be used: %(message)s The previous version is still shown."
)

REPLACEMENT_FIELDS = ("replacement", "replacement_name", "replacement_sha256", "replacement_size")
TITLE_LENGTH = 150


class Outcome(StrEnum):
    READY = "ready"
    FAILED = "failed"
    RETRYING = "retrying"
    SKIPPED = "skipped"  # someone else has it, or it is no longer queued


def queue_conversion(deck: Presentation, delay: float = 0.0) -> None:
    """Put the deck in the queue and enqueue its job, in one transaction."""
    from slideshelf.conversion.tasks import convert_task

    with transaction.atomic():
        if deck.status != Status.QUEUED:
            deck.mark_queued()
        task = convert_task
        if delay:
            task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
        task.enqueue(deck.pk)


def claim(deck_id: int) -> Presentation | None:
    """Take a queued deck for conversion; None when another worker got it first."""
    claimed = Presentation.objects.filter(pk=deck_id, status=Status.QUEUED).update(
        status=Status.CONVERTING, heartbeat_at=timezone.now(), error="", error_message={}
    )
    if not claimed:
        return None
    deck = Presentation.objects.get(pk=deck_id)
    deck.attempts += 1
    deck.save(update_fields=["attempts"])
    return deck


def convert(deck_id: int) -> Outcome:
    deck = claim(deck_id)
    if deck is None:
        return Outcome.SKIPPED
    scratch = Path(tempfile.mkdtemp(prefix=f"slideshelf-{deck.public_id}-"))
    try:
        with heartbeat(deck.pk, settings.WORKER_HEARTBEAT_SECONDS):
            job = _run(deck, scratch)
        store_results(deck, job)
        return Outcome.READY
    except PermanentError as error:
        fail(deck, error.as_message())
        return Outcome.FAILED
    except TransientError as error:
        return _retry_or_fail(deck, error.as_message())
    except Exception:
        log.exception("unexpected failure converting %s", deck.public_id)
        return _retry_or_fail(deck, message(UNEXPECTED))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(deck: Presentation, scratch: Path) -> Job:
    """Convert the deck's file: the replacement waiting for it, if any, else the original."""
    original = scratch / "original"
    source_file = deck.replacement or deck.original
    with source_file.open("rb") as source, original.open("wb") as target:
        shutil.copyfileobj(source, target, 1 << 20)
    job = Job(original, scratch, job_config(), language=deck.language, progress=deck.set_progress)
    job.source_name = source_file.name or ""
    return run_stages(job)


def _retry_or_fail(deck: Presentation, error: Message) -> Outcome:
    if deck.attempts > settings.CONVERSION_RETRIES:
        fail(deck, error)
        return Outcome.FAILED
    delay = retry_delay(deck.attempts)
    log.warning("retrying %s in %.0f s: %s", deck.public_id, delay, english(error))
    queue_conversion(deck, delay=delay)
    return Outcome.RETRYING


def fail(deck: Presentation, error: Message) -> None:
    """Give up on the deck's file. A refused replacement is dropped and the deck stays as it was.

    `error` is stored untranslated (see `messages.py`) and shown in each reader's language.
    """
    if not (deck.replacement and deck.has_slides):
        deck.mark_failed(english(error), error)
        return
    refused = deck.replacement.name or ""
    deck.error_message = message(REPLACEMENT_REFUSED, name=deck.replacement_name, message=error)
    deck.error = english(deck.error_message)
    _clear_replacement(deck)
    deck.status, deck.stage, deck.heartbeat_at = Status.READY, Stage.DONE, None
    fields = [*REPLACEMENT_FIELDS, "error", "error_message", "status", "stage", "heartbeat_at"]
    with transaction.atomic():
        deck.save(update_fields=fields)
        transaction.on_commit(lambda: delete(refused))


def _clear_replacement(deck: Presentation) -> None:
    deck.replacement.name = ""
    deck.replacement_name = deck.replacement_sha256 = ""
    deck.replacement_size = 0


def retry_delay(attempts: int) -> float:
    """Exponential backoff: the base delay, doubled after every failed attempt."""
    return float(settings.CONVERSION_RETRY_DELAY * 2 ** max(attempts - 1, 0))


def store_results(deck: Presentation, job: Job) -> None:
    """Move the job's files into storage and replace the deck's slides in one transaction."""
    assert job.pdf is not None
    old_revision = deck.revision
    revision = old_revision + 1
    prefix = deck.media_prefix(revision)
    pdf_name = put(job.pdf, f"{prefix}/deck.pdf")
    slides = []
    for result, image in zip(job.slides, job.images, strict=True):
        text = result.text
        slides.append(
            Slide(
                presentation=deck,
                number=image.number,
                title=text.title,
                text=text.body,
                notes=text.notes,
                alt_texts="\n".join(text.alt_texts),
                table_text="\n\n".join(text.tables),
                text_source=result.source,
                hidden=text.hidden,
                image=put(Path(image.image), f"{prefix}/{image.number}.webp"),
                thumbnail=put(Path(image.thumbnail), f"{prefix}/{image.number}-thumb.webp"),
                width=image.width,
                height=image.height,
                thumb_width=image.thumb_width,
                thumb_height=image.thumb_height,
            )
        )
    stored = [pdf_name, *(name for slide in slides for name in (slide.image, slide.thumbnail))]
    with transaction.atomic():
        # The row as it is now, locked: the owner may have edited it during the conversion.
        current = Presentation.objects.select_for_update().filter(pk=deck.pk).first()
        if current is None or job.source_name != (
            current.replacement.name or current.original.name
        ):
            # Deleted meanwhile, or a newer file arrived whose own job is queued.
            transaction.on_commit(lambda: delete_all(stored))
            return
        deck = current
        _follow_slides(deck, slides)
        superseded = _adopt_replacement(deck)
        deck.slides.all().delete()
        Slide.objects.bulk_create(slides)
        if not old_revision:  # a first upload may be a new version of an earlier deck
            deck.near_duplicate_of = near_duplicate(deck)
        assert job.sniffed is not None
        deck.file_type = job.sniffed.file_type.value
        deck.pdf.name = pdf_name
        deck.pdf_size = job.pdf.stat().st_size
        deck.revision = revision
        deck.slide_count = len(slides)
        if not deck.title:
            deck.title = default_title(job)
        if not deck.language and job.detected_language:
            deck.language = job.detected_language
        deck.status, deck.stage, deck.error = Status.READY, Stage.DONE, ""
        deck.error_message = {}
        deck.heartbeat_at = None
        deck.converted_at = timezone.now()
        deck.save()
        if old_revision:
            transaction.on_commit(lambda: delete_prefix(deck.media_prefix(old_revision)))
        if superseded:
            transaction.on_commit(lambda: delete(superseded))


def _follow_slides(deck: Presentation, slides: list[Slide]) -> None:
    """Record where the old slides went, so links to them open the same slide in the new file."""
    old = [slide.full_text for slide in deck.slides.all()]
    if not old:
        return
    moves = match_slides(old, [slide.full_text for slide in slides])
    if not is_identity(moves, len(slides)):
        deck.slide_history = [*deck.slide_history, moves]


def _adopt_replacement(deck: Presentation) -> str:
    """Make a converted replacement the deck's original; returns the superseded file's name."""
    if not deck.replacement:
        return ""
    superseded = deck.original.name or ""
    deck.original.name = deck.replacement.name
    deck.original_name, deck.original_sha256 = deck.replacement_name, deck.replacement_sha256
    deck.original_size = deck.replacement_size
    _clear_replacement(deck)
    return superseded


def default_title(job: Job) -> str:
    """A deck uploaded without a title takes its first slide's text, cut near 150 characters.

    The file's own title property comes only after the slides: it is so often a template's
    "PowerPoint Presentation" that the first slide says more.
    """
    for slide in job.slides:
        text = " ".join(part for part in (slide.text.title, slide.text.body) if part)
        if text.strip():
            return cut_at_word(text, TITLE_LENGTH)
    return cut_at_word(job.deck_title, TITLE_LENGTH)
