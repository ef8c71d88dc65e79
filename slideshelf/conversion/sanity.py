"""Files and rows held against each other: what is missing, empty, orphaned or not what its row
says, and the repairs that need no person (like Paperless-ngx's sanity checker).

Derived files (a deck's PDF and slide images) are made again from the original by queueing the
deck; orphans, temporary leftovers and old revisions' folders are removed. A missing or altered
original cannot be made again: it is reported for a person to restore from a backup.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.files.storage import Storage, default_storage

from slideshelf.conversion.models import Conversion, Status
from slideshelf.conversion.storage import delete
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation, Slide

CHUNK = 1 << 20


@dataclass(frozen=True)
class Finding:
    kind: str  # missing, empty, mismatched, orphaned, leftover
    path: str
    deck: str = ""  # the deck's public id, when the file is one of a deck's
    repair: str = ""  # what was done about it; "" when a person must

    def __str__(self) -> str:
        deck = f" (deck {self.deck})" if self.deck else ""
        return f"{self.kind}: {self.path}{deck}" + (f" — {self.repair}" if self.repair else "")


def check(storage: Storage = default_storage, *, checksums: bool = False) -> list[Finding]:
    """Everything wrong, without changing anything."""
    decks = {deck.public_id: deck for deck in Presentation.objects.all()}
    images = _slide_images()
    findings = [
        finding
        for deck in decks.values()
        for finding in _deck_findings(deck, images.get(deck.pk, []), storage, checksums)
    ]
    return findings + list(_strays(decks, images, storage))


def _slide_images() -> dict[int, list[str]]:
    """Every deck's slide images and thumbnails, in one query; the 2× ones once drawn."""
    images: dict[int, list[str]] = defaultdict(list)
    for deck_id, image, thumbnail, *drawn_later in Slide.objects.values_list(
        "presentation_id", "image", "thumbnail", "image_2x", "thumbnail_2x"
    ):
        images[deck_id] += [image, thumbnail, *(name for name in drawn_later if name)]
    return images


def repair(findings: list[Finding], storage: Storage = default_storage) -> list[Finding]:
    """Do what can be done about the findings; returns them with what was done."""
    requeued: set[str] = set()
    done = []
    for finding in findings:
        if finding.kind in ("orphaned", "leftover"):
            delete(finding.path, storage)
            finding = Finding(finding.kind, finding.path, finding.deck, "removed")
        elif finding.deck and not finding.path.startswith("originals/"):
            if finding.deck not in requeued:
                _convert_again(finding.deck)
                requeued.add(finding.deck)
            finding = Finding(finding.kind, finding.path, finding.deck, "converting again")
        done.append(finding)
    return done


def _deck_findings(
    deck: Presentation, images: list[str], storage: Storage, checksums: bool
) -> Iterator[Finding]:
    original = deck.original.name or ""
    yield from _file_findings(deck, original, storage)
    if (
        checksums
        and storage.exists(original)
        and _sha256(storage, original) != deck.original_sha256
    ):
        yield Finding("mismatched", original, deck.public_id)
    if deck.has_slides:
        for name in [deck.pdf.name or "", *images]:
            yield from _file_findings(deck, name, storage)


def _file_findings(deck: Presentation, name: str, storage: Storage) -> Iterator[Finding]:
    if not name or not storage.exists(name):
        yield Finding("missing", name or f"{deck.media_folder}/?", deck.public_id)
    elif storage.size(name) == 0:
        yield Finding("empty", name, deck.public_id)


def _strays(
    decks: dict[str, Presentation], images: dict[int, list[str]], storage: Storage
) -> Iterator[Finding]:
    """Files no row names: of deleted decks, of old revisions, or half-written."""
    known = _named_files(decks, images)
    for top in ("originals", "decks"):
        for name in _walk(storage, top):
            if ".part-" in name.rsplit("/", 1)[-1]:
                yield Finding("leftover", name)
            elif name not in known:
                deck = name.split("/")[1] if name.count("/") >= 2 else ""
                yield Finding("orphaned", name, deck if deck in decks else "")


def _named_files(decks: dict[str, Presentation], images: dict[int, list[str]]) -> set[str]:
    named = {name for deck in decks.values() for name in (deck.original.name, deck.pdf.name)}
    named |= {c.replacement.name for c in Conversion.objects.exclude(replacement="")}
    named |= {name for names in images.values() for name in names}
    return {name for name in named if name}


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    yield from (f"{folder}/{name}" for name in files)
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")


def _sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _convert_again(public_id: str) -> None:
    conversion = Conversion.objects.get(presentation__public_id=public_id)
    if conversion.status not in (Status.QUEUED, Status.CONVERTING):
        queue_conversion(conversion)
