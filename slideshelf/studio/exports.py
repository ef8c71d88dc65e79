"""Download everything: one ZIP of all a person owns, built by the worker.

The ZIP holds, for each deck, its original, its PDF and its transcript as Markdown, under
`decks/<id>-<slug>/`, and `slideshelf-export.json` with every deck's details and slides and
every collection. It is written to a scratch file first and stored whole, so a link never
points at half a file. A person has one export at a time: asking again while one is built
returns it, and a new one that is ready replaces the ones before.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from slideshelf.conversion.storage import copy_into_zip, delete
from slideshelf.lib.files import safe_name
from slideshelf.presentations import access, transcripts
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.presentations.records import deck_record, slide_record
from slideshelf.studio.models import Export

FORMAT = 1  # of slideshelf-export.json
PRIORITY = -20  # below conversions and 2× pictures: nobody waits on an export to see a deck


def ask_for_export(owner: User, site_url: str = "", language: str = "") -> Export:
    """The person's export being built, or a new one queued; `site_url` and `language` are
    for the e-mail that tells them it is ready."""
    with transaction.atomic():
        running = Export.objects.select_for_update().filter(
            owner=owner, state__in=[Export.State.QUEUED, Export.State.BUILDING]
        )
        if found := running.first():
            return found
        export = Export.objects.create(owner=owner, site_url=site_url, language=language)
        transaction.on_commit(lambda: build_export_task.enqueue(export.pk))
    return export


@task(priority=PRIORITY)
def build_export_task(export_id: int) -> str:
    return build(export_id)


def build(export_id: int) -> str:
    export = Export.objects.select_related("owner").get(pk=export_id)
    Export.objects.filter(pk=export.pk).update(state=Export.State.BUILDING)
    decks = list(
        access.owned_presentations(export.owner)
        .select_related("collection", "owner")
        .prefetch_related("tags")
        .order_by("created_at", "pk")
    )
    try:
        with tempfile.TemporaryDirectory(prefix="slideshelf-export-") as folder:
            path = Path(folder) / "export.zip"
            write_zip(path, export.owner, decks)
            name = _stored_name(export)
            with path.open("rb") as handle:
                stored = default_storage.save(name, File(handle, name=Path(name).name))
            size = path.stat().st_size
    except Exception:
        Export.objects.filter(pk=export.pk).update(
            state=Export.State.FAILED, finished_at=timezone.now()
        )
        raise
    Export.objects.filter(pk=export.pk).update(
        state=Export.State.READY,
        file=stored,
        size=size,
        deck_count=len(decks),
        finished_at=timezone.now(),
    )
    _forget_older(export)
    _tell_owner(export)
    return stored


def write_zip(path: Path, owner: User, decks: list[Presentation]) -> None:
    records = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for deck in decks:
            folder = PurePosixPath("decks") / f"{deck.public_id}-{deck.slug}"
            slides = list(deck.slides.all())
            record = deck_record(deck) | {"slides": [slide_record(s) for s in slides]}
            record["files"] = _copy_files(archive, folder, deck, slides)
            records.append(record)
        document = {
            "format": FORMAT,
            "exported_at": timezone.now().isoformat(),
            "owner": owner.get_username(),
            "decks": records,
            "collections": _collections(owner),
        }
        body = json.dumps(document, ensure_ascii=False, indent=2)
        archive.writestr("slideshelf-export.json", body)


def _copy_files(
    archive: zipfile.ZipFile, folder: PurePosixPath, deck: Presentation, slides: list[Slide]
) -> dict[str, str]:
    """The deck's files into the ZIP; their names there, by kind."""
    names: dict[str, str] = {}
    if deck.original.name and default_storage.exists(deck.original.name):
        names["original"] = str(folder / safe_name(deck.original_name or "original"))
        copy_into_zip(archive, deck.original.name, names["original"])
    if deck.pdf.name and default_storage.exists(deck.pdf.name):
        names["pdf"] = str(folder / f"{deck.slug}.pdf")
        copy_into_zip(archive, deck.pdf.name, names["pdf"])
    if deck.has_slides:
        names["transcript"] = str(folder / "transcript.md")
        text = transcripts.as_markdown(deck, slides, deck.get_absolute_url())
        archive.writestr(names["transcript"], text)
    return names


def _stored_name(export: Export) -> str:
    owner = export.owner
    return f"exports/{owner.pk}/slideshelf-{safe_name(owner.get_username())}-{export.pk}.zip"


def _collections(owner: User) -> list[dict[str, Any]]:
    return [
        {
            "slug": collection.slug,
            "name": collection.name,
            "date": collection.date.isoformat() if collection.date else None,
            "place": collection.place,
            "description": collection.description,
        }
        for collection in access.owned_collections(owner).order_by("pk")
    ]


def _forget_older(export: Export) -> None:
    """The person's earlier exports go once a newer one is ready."""
    older = Export.objects.filter(owner=export.owner, created_at__lt=export.created_at).exclude(
        pk=export.pk
    )
    for old in older:
        if old.file.name:
            delete(old.file.name)
        old.delete()


def _tell_owner(export: Export) -> None:
    """An e-mail saying the export is ready, where to find it, and for how long."""
    address = export.owner.email
    if not address:
        return
    with translation.override(export.language or settings.LANGUAGE_CODE):
        page = f"{export.site_url.rstrip('/')}{reverse('my-presentations')}"
        body = render_to_string("studio/export_ready_email.txt", {"page": page})
        send_mail(gettext("Your slideshelf export is ready"), body, None, [address])
