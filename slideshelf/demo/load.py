"""Putting the demo decks on the site: written, uploaded and queued like any other deck."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.utils.text import slugify

from slideshelf.demo.decks import COLLECTIONS, DECKS, DemoDeck
from slideshelf.demo.writer import write_pptx
from slideshelf.presentations.models import Collection, Presentation
from slideshelf.studio.lifecycle import create_presentation

DEMO_USER = "demo"


def load_demo() -> list[Presentation]:
    """Add the demo decks that are not on the site yet; return the ones added."""
    owner = _demo_user()
    present = set(Presentation.objects.filter(owner=owner).values_list("original_name", flat=True))
    missing = [deck for deck in DECKS if deck.filename not in present]
    added = []
    with tempfile.TemporaryDirectory(prefix="slideshelf-demo-") as folder:
        for demo in missing:
            added.append(_upload(demo, Path(folder) / demo.filename, owner))
    return added


def _demo_user() -> User:
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USER, defaults={"first_name": "slideshelf", "last_name": "demo"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def _collection(name: str | None) -> Collection | None:
    if name is None:
        return None
    details = next((c for c in COLLECTIONS if c.name == name), None)
    collection, _ = Collection.objects.get_or_create(
        slug=slugify(name, allow_unicode=True),
        defaults={
            "name": name,
            "date": datetime.date.fromisoformat(details.date) if details else None,
            "place": details.place if details else "",
        },
    )
    return collection


def _upload(demo: DemoDeck, path: Path, owner) -> Presentation:  # type: ignore[no-untyped-def]
    write_pptx(demo, path)
    with path.open("rb") as handle:
        return create_presentation(
            handle,
            demo.filename,
            owner=owner,
            title=demo.title,
            description=demo.description,
            language=demo.language,
            tags=list(demo.tags),
            collection=_collection(demo.collection),
        )
