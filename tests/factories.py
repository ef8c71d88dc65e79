"""Helpers that put real files through the real pipeline."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.db import transaction
from PIL import Image

from slideshelf.conversion.images_2x import draw_2x
from slideshelf.conversion.models import Conversion, Status
from slideshelf.conversion.services import convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation, Slide, Tag, TextSource, Visibility
from slideshelf.studio.lifecycle import create_presentation


def upload(path: Path, **fields) -> Presentation:
    with path.open("rb") as handle:
        return create_presentation(handle, path.name, **fields)


def convert_now(deck: Presentation) -> Presentation:
    """Convert as the worker would, retries included, and return the fresh deck."""
    for _ in range(10):
        deck.refresh_from_db()
        if deck.conversion.status in ("ready", "failed"):
            return deck
        convert(deck.pk, requeue=queue_conversion)
    raise AssertionError(f"{deck.public_id} did not finish: {deck.conversion.status}")


def draw_2x_now(deck: Presentation) -> Presentation:
    """Draw the deck's 2× pictures as the task queued with its slides would; the fresh deck."""
    assert draw_2x(deck.pk, deck.revision), "the 2× pictures were drawn and listed"
    deck.refresh_from_db()
    return deck


def with_slide_inserted(path: Path, position: int, title: str) -> bytes:
    """The deck at `path` with a new title-only slide at `position` (1-based), as PPTX bytes."""
    import io

    from pptx import Presentation as PptxPresentation

    deck = PptxPresentation(str(path))
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
    else:
        slide.shapes.add_textbox(0, 0, deck.slide_width, deck.slide_height // 4).text = title
    order = deck.slides._sldIdLst  # python-pptx has no public way to move a slide
    entry = order[-1]
    order.remove(entry)
    order.insert(position - 1, entry)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def deck_with_slides(count: int, **fields) -> Presentation:
    """A converted public deck of `count` numbered text slides, built without LibreOffice.

    The seam: how a page behaves with 800 slides does not depend on how they were made, and
    converting 800 slides takes LibreOffice minutes. Every slide image and thumbnail is one
    small picture, hard-linked, so the viewer and the file views find real files.
    """
    deck = Presentation.objects.create(
        original_name="big.pptx", original_sha256="0" * 64, revision=1, slide_count=count, **fields
    )
    Conversion.objects.create(presentation=deck, status=Status.READY)
    folder = Path(settings.MEDIA_ROOT) / deck.media_prefix()
    folder.mkdir(parents=True)
    Image.new("RGB", (640, 360), "white").save(folder / "picture.webp")
    Image.new("RGB", (160, 90), "white").save(folder / "small.webp")
    for number in range(1, count + 1):
        os.link(folder / "picture.webp", folder / f"{number}.webp")
        os.link(folder / "small.webp", folder / f"{number}-thumb.webp")
    Slide.objects.bulk_create(_numbered_slide(deck, number) for number in range(1, count + 1))
    return deck


def _numbered_slide(deck: Presentation, number: int) -> Slide:
    return Slide(
        presentation=deck,
        number=number,
        title=f"Part {number}",
        text=f"Words only slide {number} says: marker{number}x.",
        text_source=TextSource.STRUCTURE,
        image=f"{deck.media_prefix()}/{number}.webp",
        thumbnail=f"{deck.media_prefix()}/{number}-thumb.webp",
        width=640,
        height=360,
        thumb_width=160,
        thumb_height=90,
    )


@transaction.atomic  # indexed once, after the commit, with its slides and tags
def text_deck(owner, title: str, slides, language: str = "en", tags=(), **fields) -> Presentation:
    """A converted deck of text slides, built without LibreOffice (what search reads is the
    text, however it was extracted). A slide's first line is its title, the rest its text."""
    deck = Presentation.objects.create(
        owner=owner,
        title=title,
        language=language,
        revision=1,
        slide_count=len(slides),
        original_name="deck.pptx",
        **fields,
    )
    Slide.objects.bulk_create(
        Slide(
            presentation=deck,
            number=number,
            title=text.partition("\n")[0],
            text=text.partition("\n")[2],
            text_source=TextSource.STRUCTURE,
            thumb_width=320,
            thumb_height=180,
        )
        for number, text in enumerate(slides, start=1)
    )
    deck.tags.set([Tag.named(tag) for tag in tags])
    return deck


def one_slide_deck(title: str, tags=(), **fields) -> Presentation:
    """A converted deck of one slide with a real picture (public unless `fields` say
    otherwise), built without LibreOffice."""
    deck = deck_with_slides(1, title=title, **fields)
    deck.tags.set([Tag.named(tag) for tag in tags])
    return deck


def decks_no_list_may_show(tags=(), **fields) -> list[Presentation]:
    """One deck of each kind that no list, feed or sitemap may name: private, unlisted, hidden
    by staff, and not converted yet. Their titles start with "Canary"."""
    decks = [
        one_slide_deck("Canary private", tags, visibility=Visibility.PRIVATE, **fields),
        one_slide_deck("Canary unlisted", tags, visibility=Visibility.UNLISTED, **fields),
        one_slide_deck("Canary hidden", tags, hidden_by_staff=True, **fields),
    ]
    waiting = Presentation.objects.create(
        title="Canary unconverted", original_name="new.pptx", original_sha256="1" * 64, **fields
    )
    Conversion.objects.create(presentation=waiting, status=Status.QUEUED)
    waiting.tags.set([Tag.named(tag) for tag in tags])
    return [*decks, waiting]
