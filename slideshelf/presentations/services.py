"""Creating presentations from files; used by the command line, the upload form and the API."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import transaction

from slideshelf.presentations.models import Collection, Presentation, Tag, Visibility

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
