"""Creating presentations from files; used by the command line, the upload form and the API."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from slideshelf.presentations.collections import next_position
from slideshelf.presentations.models import Collection, Licence, Presentation, Tag, Visibility

CHUNK = 1 << 20


def sha256_of(handle: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    handle.seek(0)
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    handle.seek(0)
    return digest.hexdigest(), size


def safe_name(name: str) -> str:
    """The file's own name, without any folder a browser or archive put in front of it."""
    base = Path(name.replace("\\", "/")).name.strip().lstrip(".")
    return base[:200] or "presentation"


def create_presentation(
    handle: IO[bytes],
    original_name: str,
    *,
    owner: AbstractBaseUser | None = None,
    title: str = "",
    description: str = "",
    language: str = "",
    visibility: str = Visibility.PUBLIC,
    download_allowed: bool = True,
    tags: list[str] | tuple[str, ...] = (),
    collection: Collection | None = None,
    licence: str = Licence.ALL_RIGHTS_RESERVED,
) -> Presentation:
    """Store the original and queue its conversion; the original is never altered."""
    from slideshelf.conversion.services import queue_conversion

    name = safe_name(original_name)
    sha256, size = sha256_of(handle)
    with transaction.atomic():
        deck = Presentation(
            owner=owner,  # type: ignore[misc]
            title=title.strip(),
            description=description,
            language=language,
            visibility=visibility,
            download_allowed=download_allowed,
            collection=collection,
            # A new deck goes after the collection's others, in upload order.
            collection_position=next_position(collection) if collection else 0,
            licence=licence,
            original_name=name,
            original_sha256=sha256,
            original_size=size,
        )
        deck.original.save(name, File(handle, name=name), save=False)
        deck.save()
        if tags:
            deck.tags.set([Tag.named(tag) for tag in tags if tag.strip()])
        queue_conversion(deck)
    return deck


def replace_original(deck: Presentation, handle: IO[bytes], original_name: str) -> bool:
    """Queue a new file for the deck, keeping its id and address; False when it is the same file.

    The new file waits beside the current one: the deck's slides stay up until the new file is
    converted, and a file that cannot be converted is dropped while the deck stays as it was.
    """
    from slideshelf.conversion.services import queue_conversion
    from slideshelf.conversion.storage import delete

    name = safe_name(original_name)
    sha256, size = sha256_of(handle)
    if sha256 == deck.original_sha256 and not deck.replacement:
        return False
    superseded = deck.replacement.name
    with transaction.atomic():
        deck.replacement.save(name, File(handle, name=name), save=False)
        deck.replacement_name, deck.replacement_sha256 = name, sha256
        deck.replacement_size, deck.replaced_at = size, timezone.now()
        deck.save()
        queue_conversion(deck)
    if superseded:
        delete(superseded)
    return True
