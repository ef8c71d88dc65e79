"""Publishing a finished job: its files into storage, then its slides onto the deck at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from slideshelf.conversion.images_2x import queue_2x
from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.models import Conversion, still_holds
from slideshelf.conversion.render import PageImage
from slideshelf.conversion.storage import (
    atomic_or_undo,
    delete,
    delete_all,
    delete_prefix,
    put,
    remove_after_commit,
)
from slideshelf.conversion.titles import default_title
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.presentations.signals import slides_published
from slideshelf.presentations.slide_map import is_identity, match_slides


@dataclass(frozen=True)
class StoredFiles:
    """A job's files, moved into storage under a new revision's folder."""

    revision: int
    pdf: str
    pdf_size: int
    slides: list[Slide]

    @property
    def names(self) -> list[str]:
        return [
            self.pdf,
            *(name for slide in self.slides for name in (slide.image, slide.thumbnail)),
        ]


def publish(conversion: Conversion, job: Job) -> bool:
    """Store the job's files, then swap the deck's slides for them in one transaction; the
    files go again if it fails (a full database). False, with the files gone again, when
    the deck is no longer this job's to publish."""
    stored = store_files(conversion.presentation, job)
    with atomic_or_undo(lambda: delete_all(stored.names)):
        # The rows as they are now, locked: the owner may have edited the deck meanwhile.
        current = (
            Conversion.objects.select_for_update()
            .select_related("presentation")
            .filter(pk=conversion.pk)
            .first()
        )
        if current is None:  # deleted meanwhile: its folder goes with everything in it
            folder = conversion.presentation.media_folder
            remove_after_commit(lambda: delete_prefix(folder))
            return False
        if not still_holds(conversion, current) or job.source_name != current.source.name:
            # Another worker has the deck now (this one was slow, not dead), or a newer file
            # arrived: either job may already be storing beside this one.
            remove_after_commit(lambda: delete_all(stored.names))
            return False
        _swap(current, job, stored)
        return True


def store_files(deck: Presentation, job: Job) -> StoredFiles:
    """Every file of the job in storage, or none: a full disk half-way leaves nothing behind."""
    assert job.pdf is not None
    revision = deck.revision + 1
    prefix = deck.media_prefix(revision)
    stored: list[str] = []
    try:
        slides = [
            _slide(deck, result, image, prefix, stored)
            for result, image in zip(job.slides, job.images, strict=True)
        ]
        pdf = _put(job.pdf, f"{prefix}/deck.pdf", stored)
    except BaseException:
        delete_all(stored)
        raise
    return StoredFiles(revision, pdf, job.pdf.stat().st_size, slides)


def _put(local: Path, name: str, stored: list[str]) -> str:
    stored.append(put(local, name))
    return stored[-1]


def _slide(
    deck: Presentation, result: SlideResult, image: PageImage, prefix: str, stored: list[str]
) -> Slide:
    text = result.text
    return Slide(
        presentation=deck,
        number=image.number,
        title=text.title,
        text=text.body,
        notes=text.notes,
        alt_texts="\n".join(text.alt_texts),
        table_text="\n\n".join(text.tables),
        ocr_text=result.ocr_text,
        text_source=result.source,
        hidden=text.hidden,
        image=_put(Path(image.image), f"{prefix}/{image.number}.webp", stored),
        thumbnail=_put(Path(image.thumbnail), f"{prefix}/{image.number}-thumb.webp", stored),
        width=image.width,
        height=image.height,
        thumb_width=image.thumb_width,
        thumb_height=image.thumb_height,
    )


def _swap(conversion: Conversion, job: Job, stored: StoredFiles) -> None:
    """Inside the transaction: the new slides, the new file, the deck's new details."""
    deck = conversion.presentation
    old_revision = deck.revision
    _follow_slides(deck, stored.slides)
    superseded = _adopt_replacement(deck, conversion)
    deck.slides.all().delete()
    Slide.objects.bulk_create(stored.slides)
    deck.pdf.name, deck.pdf_size = stored.pdf, stored.pdf_size
    deck.revision, deck.slide_count = stored.revision, len(stored.slides)
    title_from = None
    if not deck.title:
        deck.title, title_from = default_title(job, deck.original_name)
    deck.language = deck.language or job.detected_language
    deck.save()
    assert job.sniffed is not None
    conversion.ready(job.sniffed.file_type.value, title_from or "")
    slides_published.send(sender=Presentation, deck=deck, first=not old_revision)
    if stored.slides:
        queue_2x(deck.pk, stored.revision)
    if old_revision:
        remove_after_commit(lambda: delete_prefix(deck.media_prefix(old_revision)))
    if superseded:
        remove_after_commit(lambda: delete(superseded))


def _follow_slides(deck: Presentation, slides: list[Slide]) -> None:
    """Record where the old slides went, so links to them open the same slide in the new file."""
    old = [slide.full_text for slide in deck.slides.all()]
    if not old:
        return
    moves = match_slides(old, [slide.full_text for slide in slides])
    if not is_identity(moves, len(slides)):
        deck.slide_history = [*deck.slide_history, moves]


def _adopt_replacement(deck: Presentation, conversion: Conversion) -> str:
    """Make a converted replacement the deck's original; returns the superseded file's name."""
    if not conversion.replacement:
        return ""
    superseded = deck.original.name or ""
    deck.original.name = conversion.replacement.name
    deck.original_name, deck.original_sha256 = (
        conversion.replacement_name,
        conversion.replacement_sha256,
    )
    deck.original_size = conversion.replacement_size
    return superseded
