"""Export time: "Download everything" for one person's 100 decks, as the worker builds it.

In this process, over the bench's throw-away data folder (SQLite migrated): one person with
100 converted decks, each a generated 20-slide PPTX original, a PDF of it and 20 slides of
text (made once and stored for every deck: what the export costs is reading, compressing and
writing, whatever the bytes say). The export is built three times; the median is reported,
with the ZIP's size and the rate in decks and megabytes a second.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.mode import Mode
from bench.sample_deck import make_text_deck
from bench.site import progress

DECKS = {Mode.FULL: 100, Mode.QUICK: 100, Mode.SMOKE: 3}
SLIDES = 20
RUNS = {Mode.FULL: 3, Mode.QUICK: 1, Mode.SMOKE: 1}
PDF_PAGE = b"%PDF-1.4\n" + bytes(range(256)) * 800 + b"\n%%EOF\n"  # a 200 kB stand-in


@dataclass(frozen=True)
class Built:
    seconds: float
    size: int


def run(mode: Mode = Mode.FULL) -> list[str]:
    from django.core.management import call_command

    progress("export", "migrating")
    call_command("migrate", "--no-input", verbosity=0)
    decks = DECKS[mode]
    with tempfile.TemporaryDirectory(prefix="slideshelf-bench-export-") as folder:
        original = make_text_deck(Path(folder) / "talk.pptx", SLIDES).read_bytes()
        owner = _owner_with_decks(decks, original)
        builds = [_build(owner) for _ in range(RUNS[mode])]
    seconds = statistics.median(built.seconds for built in builds)
    files = decks * (len(original) + len(PDF_PAGE))
    times = "once" if len(builds) == 1 else f"{len(builds)} times"
    return [
        f"Export of one person's {decks} decks ({SLIDES} slides each; an original of "
        f"{len(original) / 1024:.0f} KB and a PDF of {len(PDF_PAGE) / 1024:.0f} KB each), "
        f"built {times}",
        f"  median {seconds:.2f} s: {decks / seconds:.1f} decks/s, "
        f"{files / seconds / 1024 / 1024:.1f} MB/s of files read; ZIP "
        f"{builds[-1].size / 1024 / 1024:.1f} MB",
        f"  every run: {', '.join(f'{built.seconds:.2f} s' for built in builds)}",
    ]


def _owner_with_decks(count: int, original: bytes):
    from django.contrib.auth.models import User
    from django.core.files.base import ContentFile

    from slideshelf.conversion.models import Conversion, Status
    from slideshelf.presentations.models import Presentation, Slide, TextSource

    progress("export", f"making {count} decks")
    owner = User.objects.create_user("exporter")
    for number in range(count):
        deck = Presentation(
            owner=owner,
            title=f"Talk {number}",
            original_name=f"talk-{number}.pptx",
            original_size=len(original),
            revision=1,
            slide_count=SLIDES,
        )
        deck.original.save(deck.original_name, ContentFile(original), save=False)
        deck.pdf.save(f"{deck.public_id}.pdf", ContentFile(PDF_PAGE), save=False)
        deck.save()
        Conversion.objects.create(presentation=deck, status=Status.READY)
        Slide.objects.bulk_create(
            Slide(
                presentation=deck,
                number=slide,
                title=f"Slide {slide} of talk {number}",
                text="Five points about the budget, the schools and the harbour. " * 4,
                notes="What to say here. " * 5,
                text_source=TextSource.STRUCTURE,
            )
            for slide in range(1, SLIDES + 1)
        )
    return owner


def _build(owner) -> Built:
    from slideshelf.studio.exports import build
    from slideshelf.studio.models import Export

    export = Export.objects.create(owner=owner)
    progress("export", "building")
    started = time.perf_counter()
    build(export.pk)
    seconds = time.perf_counter() - started
    export.refresh_from_db()
    return Built(seconds, export.size)
