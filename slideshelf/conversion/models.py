"""A deck's conversion: where it is, why it failed, and the new file waiting for it.

Nothing outside this package writes these rows. Every change of status goes through one of the
transitions below (claim, progress, ready, fail, requeue, refuse_replacement), so the states a
page reads are the states the worker meant. At the end, what the workers measure for /metrics:
how long the stages take and how attempts end, added up in the database.
"""

from __future__ import annotations

from datetime import datetime

from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slideshelf.conversion.messages import Message, english, translated
from slideshelf.conversion.types import FileType
from slideshelf.presentations.models import Presentation, original_path


def replacement_path(instance: Conversion, filename: str) -> str:
    """Beside the deck's original: the two swap places once the new file is converted."""
    return original_path(instance.presentation, filename)


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    CONVERTING = "converting", _("Converting")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Stage(models.TextChoices):
    """Where a conversion is; the upload page reads it to show progress."""

    WAITING = "", _("Waiting")
    PREFLIGHT = "preflight", _("Checking the file")
    PDF = "pdf", _("Converting to PDF")
    TEXT = "text", _("Reading the slides' text")
    IMAGES = "images", _("Drawing the slides")
    OCR = "ocr", _("Recognising text in pictures")
    DONE = "done", _("Done")


class TitleFrom(models.TextChoices):
    """Where the conversion found a title for a deck its owner gave none."""

    SLIDE = "slide", _("the first slide")
    PROPERTY = "property", _("the title saved in the file")
    FILE_NAME = "file_name", _("the file name")


class Conversion(models.Model):
    """One per deck, sharing its primary key: the deck's id is the conversion's."""

    presentation = models.OneToOneField(
        Presentation, on_delete=models.CASCADE, primary_key=True, related_name="conversion"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(
        max_length=12, choices=Stage.choices, default=Stage.WAITING, blank=True
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    # Why the last attempt failed (or why a replacement was refused), stored untranslated and
    # shown in each reader's language; see `messages.py`.
    failure = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # Detected from the content of the file last converted.
    file_type = models.CharField(max_length=8, blank=True)
    # Set when the last conversion chose the deck's title; the upload page says which it took.
    title_from = models.CharField(max_length=10, choices=TitleFrom.choices, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A new file for the deck while it converts; the current version stays up until it is ready.
    replacement = models.FileField(upload_to=replacement_path, blank=True, max_length=300)
    replacement_name = models.CharField(max_length=255, blank=True)
    replacement_sha256 = models.CharField(max_length=64, blank=True)
    replacement_size = models.PositiveBigIntegerField(default=0)
    replaced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self) -> str:
        return f"{self.presentation_id}: {self.status}"

    @property
    def is_failed(self) -> bool:
        return self.status == Status.FAILED

    @property
    def can_retry(self) -> bool:
        """Failed for a reason a new attempt may not meet: the machinery, not the file."""
        return self.is_failed and not self.failure.get("final")

    @property
    def detected_type(self) -> FileType | None:
        """What the file last converted is, judged by its content (never its name); None
        until a conversion succeeded."""
        try:
            return FileType(self.file_type)
        except ValueError:
            return None

    @property
    def failure_text(self) -> str:
        """Why the conversion failed, in the active language; "" when it did not."""
        return translated(self.failure)

    @property
    def failure_english(self) -> str:
        """The same in English, as logs and the command line show it."""
        return english(self.failure) if self.failure.get("msgid") else ""

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label) if self.stage in Stage else self.stage

    @property
    def source(self) -> models.fields.files.FieldFile:
        """The file a conversion reads: a replacement waiting for it, else the original."""
        return self.replacement or self.presentation.original

    def _save(self, *fields: str) -> None:
        self.save(update_fields=list(fields))

    def progress(self, stage: str, done: int, total: int) -> None:
        """A stage's progress, which is also the worker's sign of life.

        An UPDATE, not a save: the owner may delete the deck mid-conversion, and the stages
        carry on until the results find the row gone.
        """
        self.stage, self.progress_done, self.progress_total = stage, done, total
        self.heartbeat_at = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            stage=stage, progress_done=done, progress_total=total, heartbeat_at=self.heartbeat_at
        )

    def requeue(self) -> None:
        """Back in the queue: a retry after a transient failure, or a person's retry."""
        self.status, self.stage, self.failure = Status.QUEUED, Stage.WAITING, {}
        self.progress_done = self.progress_total = 0
        self.heartbeat_at = None
        self._save("status", "stage", "failure", "progress_done", "progress_total", "heartbeat_at")

    def uncount_attempt(self) -> None:
        """The attempt failed for a reason outside the file (a full disk): it does not count."""
        self.attempts = max(self.attempts - 1, 0)
        self._save("attempts")

    def fail(self, failure: Message) -> None:
        """Given up: the original is kept, and `failure` says why."""
        self.status, self.stage, self.failure = Status.FAILED, Stage.WAITING, failure
        self.heartbeat_at = None
        self._save("status", "stage", "failure", "heartbeat_at")

    def ready(self, file_type: str, title_from: str = "") -> None:
        """Converted: the deck's slides are the new file's; `title_from` is where the deck's
        title came from when the conversion chose it."""
        self.status, self.stage, self.failure = Status.READY, Stage.DONE, {}
        self.file_type, self.heartbeat_at, self.finished_at = file_type, None, timezone.now()
        self.title_from = title_from
        self.clear_replacement()
        self.save()

    def refuse_replacement(self, failure: Message) -> None:
        """The new file could not be used: the deck stays ready with its previous version."""
        self.status, self.stage, self.failure = Status.READY, Stage.DONE, failure
        self.heartbeat_at = None
        self.clear_replacement()
        self.save()

    def wait_for(self, handle: File[bytes], name: str, sha256: str, size: int) -> None:
        """Store a new file for the deck, to be converted while the current version stays up."""
        self.replacement.save(name, handle, save=False)
        self.replacement_name, self.replacement_sha256 = name, sha256
        self.replacement_size, self.replaced_at = size, timezone.now()
        self.save()

    def clear_replacement(self) -> None:
        self.replacement.name = ""
        self.replacement_name = self.replacement_sha256 = ""
        self.replacement_size = 0


def claim(deck_id: int) -> Conversion | None:
    """Take a queued deck for conversion; None when another worker got it first.

    A conditional UPDATE, so two workers can race for a deck and only one wins.
    """
    claimed = Conversion.objects.filter(pk=deck_id, status=Status.QUEUED).update(
        status=Status.CONVERTING,
        heartbeat_at=timezone.now(),
        failure={},
        attempts=models.F("attempts") + 1,
    )
    if not claimed:
        return None
    return Conversion.objects.select_related("presentation").get(pk=deck_id)


def still_holds(claimed: Conversion, current: Conversion) -> bool:
    """Whether the worker whose claim gave `claimed` still has the deck, as `current` (the
    row now) says: not taken back as stale while it was only slow, and claimed anew by another.

    A claim counts an attempt, so a newer claim has more; the worker may have uncounted its
    own (`uncount_attempt`), which leaves fewer.
    """
    return current.status == Status.CONVERTING and current.attempts <= claimed.attempts


def beat(deck_id: int) -> None:
    """A converting deck's sign of life while a long stage (LibreOffice) gives no progress."""
    Conversion.objects.filter(pk=deck_id, status=Status.CONVERTING).update(
        heartbeat_at=timezone.now()
    )


def take_back_stale(deck_id: int, cutoff: datetime) -> bool:
    """Put a deck whose worker stopped beating before `cutoff` back in the queue.

    Conditional: a worker that is only slow keeps its deck.
    """
    return bool(
        Conversion.objects.filter(
            pk=deck_id, status=Status.CONVERTING, heartbeat_at__lt=cutoff
        ).update(status=Status.QUEUED, stage=Stage.WAITING)
    )


class StageTime(models.Model):
    """How long a pipeline stage took, as one bucket of a histogram (see `measures.py`).

    Workers on any host add to these rows and every web process reads them, so /metrics says
    the same whichever host is asked. A row counts the runs of `stage` that took at most
    `bucket` seconds and more than the bucket below it, and the seconds they took in all.
    """

    stage = models.CharField(max_length=40)
    bucket = models.CharField(max_length=16)  # its upper bound: "2.5", or "+Inf" for the rest
    count = models.PositiveBigIntegerField(default=0)
    seconds = models.FloatField(default=0.0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stage", "bucket"], name="one_stage_time_per_bucket")
        ]

    def __str__(self) -> str:
        return f"{self.stage} ≤ {self.bucket} s: {self.count}"

    @classmethod
    def add(cls, stage: str, bucket: str, seconds: float) -> None:
        _add_to(cls, {"stage": stage, "bucket": bucket}, count=1, seconds=seconds)


class AttemptCount(models.Model):
    """Conversion attempts by how the pipeline ended them (a `measures.Result`)."""

    result = models.CharField(max_length=16, primary_key=True)
    count = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.result}: {self.count}"

    @classmethod
    def add(cls, result: str) -> None:
        _add_to(cls, {"result": result}, count=1)


def _add_to(model: type[models.Model], key: dict[str, str], **amounts: float) -> None:
    """Add `amounts` to the row at `key`, making it when it is the first.

    An UPDATE of F() expressions, so that workers adding at the same time lose nothing; the
    first two to find no row race to make it, and the loser adds to the winner's.
    """
    added = {field: models.F(field) + amount for field, amount in amounts.items()}
    if model._default_manager.filter(**key).update(**added):
        return
    try:
        with transaction.atomic():
            model._default_manager.create(**key, **amounts)
    except IntegrityError:
        model._default_manager.filter(**key).update(**added)
