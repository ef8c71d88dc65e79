"""The slides' 2× images, for screens of twice the pixel density, drawn after the deck is shown.

Drawn with the 1× ones they would make the slide-images stage about three times as long (the
2400 px picture has 2.25 times the pixels of the 1600 px one, and WebP encoding time follows
the pixels), and the deck would wait that much longer to be shown. So publishing a revision
queues a task of its own, of lower priority than any conversion, and the pages offer the 2×
pictures in `srcset` once the task has listed them on the slides. A deck converted again or
deleted meanwhile keeps none of them; a task that fails leaves the deck as it was, 1× only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.utils import timezone
from django_tasks import task

from slideshelf.conversion.render import PageImage
from slideshelf.conversion.runtime import get_pdf_pool, job_config
from slideshelf.conversion.storage import (
    atomic_or_undo,
    delete,
    delete_all,
    delete_prefix,
    put,
    remove_after_commit,
)
from slideshelf.lib import scratch
from slideshelf.presentations.models import Presentation, Slide

PRIORITY = -10  # below a conversion's 0: decks waiting to be shown go first
FIELDS = ["image_2x", "thumbnail_2x", "width_2x", "thumb_width_2x"]


@task(priority=PRIORITY)
def draw_2x_task(deck_id: int, revision: int) -> bool:
    return draw_2x(deck_id, revision)


def queue_2x(deck_id: int, revision: int) -> None:
    """Queue the drawing in the transaction that publishes the revision, to commit with it."""
    if job_config().render.at_2x is not None:
        draw_2x_task.enqueue(deck_id, revision)


def queue_missing_2x() -> int:
    """Queue the 2× images of every shown deck that has none (converted before they were
    drawn, or whose task failed); how many. Queued twice, a deck is drawn once."""
    if job_config().render.at_2x is None:
        return 0
    without = Slide.objects.filter(number=1, image_2x="").values("presentation")
    decks = Presentation.objects.filter(pk__in=without, slide_count__gt=0).exclude(pdf="")
    queued = 0
    for deck_id, revision in decks.values_list("pk", "revision").iterator():
        draw_2x_task.enqueue(deck_id, revision)
        queued += 1
    return queued


def draw_2x(deck_id: int, revision: int) -> bool:
    """Draw the 2× images of the deck's `revision` and list them on its slides. False when
    there is nothing to do: 2× images switched off, drawn already, or the deck deleted or
    converted again since the task was queued."""
    settings = job_config().render
    density = settings.at_2x
    deck = Presentation.objects.filter(pk=deck_id, revision=revision).first()
    if density is None or deck is None or not deck.pdf or not deck.slide_count:
        return False
    if deck.slides.exclude(image_2x="").exists():
        return False
    with scratch.folder(f"{deck.public_id}-2x") as workspace:
        pdf = workspace / "deck.pdf"
        with deck.pdf.open("rb") as source, pdf.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        images = get_pdf_pool().render(
            str(pdf), deck.slide_count, str(workspace / "2x"), settings, density=density
        )
        names = _store(images, deck.media_prefix(revision))
    return _list(deck, revision, images, names)


def _store(images: list[PageImage], prefix: str) -> list[str]:
    """Every picture in storage under the name the slide-image view serves, or none."""
    stored: list[str] = []
    try:
        for image in images:
            files = (image.image, image.thumbnail)
            for local, name in zip(files, _names(prefix, image.number), strict=True):
                delete(name)  # left by a task that stopped before listing it
                stored.append(put(Path(local), name))
                if stored[-1] != name:  # taken meanwhile: the view would serve another file
                    raise RuntimeError(f"{name} was stored as {stored[-1]}")
    except BaseException:
        delete_all(stored)
        raise
    return stored


def _names(prefix: str, number: int) -> tuple[str, str]:
    return f"{prefix}/{number}@2x.webp", f"{prefix}/{number}-thumb@2x.webp"


def _list(deck: Presentation, revision: int, images: list[PageImage], stored: list[str]) -> bool:
    """The pictures on the revision's slides, in one transaction; removed if it is gone."""
    with atomic_or_undo(lambda: delete_all(stored)):
        current = Presentation.objects.select_for_update().filter(pk=deck.pk).first()
        if current is None or current.revision != revision:
            folder = deck.media_folder if current is None else deck.media_prefix(revision)
            remove_after_commit(lambda: delete_prefix(folder))
            return False
        by_number = {image.number: image for image in images}
        slides = list(current.slides.filter(number__in=by_number))
        for slide in slides:
            image = by_number[slide.number]
            slide.image_2x, slide.thumbnail_2x = _names(deck.media_prefix(revision), slide.number)
            slide.width_2x, slide.thumb_width_2x = image.width, image.thumb_width
        Slide.objects.bulk_update(slides, FIELDS, batch_size=500)
        # Cached copies of the deck's pages are made again, now offering the 2× pictures.
        Presentation.objects.filter(pk=deck.pk).update(updated_at=timezone.now())
    return True
