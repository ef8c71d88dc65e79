"""Moving a whole site: `slideshelf export-site PATH` writes one ZIP, and `slideshelf import-site
PATH` puts it into an empty site.

The ZIP holds `slideshelf-site.json` (Django's own serialisation of people, profiles, tags,
collections, decks, slides, conversions, reports and the similar lists, with their ids, which
an empty site can take as they are) and under `media/` each deck's files as stored: its
original and every revision's PDF and slide images. Nothing is converted again on import
unless asked (`--convert`); the search index is built from the imported decks.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from slideshelf.conversion.models import Conversion
from slideshelf.conversion.storage import copy_into_zip, names_under
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation
from slideshelf.search import api as search

DATA = "slideshelf-site.json"
MEDIA = "media"
MODELS = (
    "auth.user",
    "accounts.profile",
    "presentations.tag",
    "presentations.collection",
    "presentations.presentation",
    "presentations.slide",
    "conversion.conversion",
    "moderation.report",
    "moderation.moderationmessage",
    "search.keyterm",
    "search.similarpresentation",
    "search.nearduplicate",
)
CHUNK = 1024 * 1024  # read and written at a time


class SiteMoveError(Exception):
    """What stops an import, said for the person running it."""


@dataclass(frozen=True)
class Moved:
    people: int
    decks: int
    files: int


def export_site(path: Path) -> Moved:
    files = 0
    with tempfile.TemporaryDirectory(prefix="slideshelf-export-site-") as folder:
        data = Path(folder) / DATA
        call_command("dumpdata", *MODELS, output=str(data), verbosity=0)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.write(data, DATA)
            for deck in Presentation.objects.only("public_id").iterator():
                for name in _deck_files(deck):
                    copy_into_zip(archive, name, f"{MEDIA}/{name}")
                    files += 1
    return Moved(User.objects.count(), Presentation.objects.count(), files)


def import_site(path: Path, convert: bool = False) -> Moved:
    people, decks = User.objects.count(), Presentation.objects.count()
    if people or decks:
        raise SiteMoveError(
            f"import-site needs an empty site, and this one has {people} people and {decks} "
            "decks. Point SLIDESHELF_DATA_DIR (or SLIDESHELF_DATABASE_URL) at a new one."
        )
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise SiteMoveError(f"{path} is not a site export: {error}") from None
    with archive, tempfile.TemporaryDirectory(prefix="slideshelf-import-site-") as folder:
        if DATA not in archive.namelist():
            raise SiteMoveError(f"{path} is not a site export: it has no {DATA}.")
        data = Path(folder) / DATA
        with archive.open(DATA) as source, data.open("wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        stored: list[str] = []
        try:
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
                for member, name in _media(archive):
                    with archive.open(member) as source:
                        saved = default_storage.save(name, source)
                    stored.append(saved)
                    if saved != name:
                        raise SiteMoveError(f"{name} is stored already: the site is not empty.")
        except BaseException:
            for name in stored:
                default_storage.delete(name)
            raise
    search.reindex()
    if convert:
        for conversion in Conversion.objects.all():
            queue_conversion(conversion)
    return Moved(User.objects.count(), Presentation.objects.count(), len(stored))


def _deck_files(deck: Presentation) -> Iterator[str]:
    yield from names_under(deck.media_folder)
    yield from names_under(f"originals/{deck.public_id}")


def _media(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """Each stored file in the ZIP and the name it is stored under; a name that would leave
    the media folder stops the import."""
    for member in archive.namelist():
        parts = PurePosixPath(member).parts
        if not parts or parts[0] != MEDIA or member.endswith("/"):
            continue
        if ".." in parts or len(parts) < 3:
            raise SiteMoveError(f"{member}: not a name a site export has.")
        yield member, "/".join(parts[1:])
