"""A deck's life as its owner lives it: created from a file, given a new file, tried again,
made the new version of an earlier deck, deleted. Views, commands and the API call these."""

from __future__ import annotations

from typing import IO, Any

from django.contrib.auth.models import User
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from slideshelf.conversion import intake
from slideshelf.conversion.storage import atomic_or_undo, delete, delete_prefix, remove_after_commit
from slideshelf.lib.files import safe_name, sha256_of
from slideshelf.presentations.collections import next_position, set_collection
from slideshelf.presentations.models import Collection, Licence, Presentation, Tag, Visibility

replace_file = intake.replace
retry = intake.retry


def create_presentation(
    handle: IO[bytes],
    original_name: str,
    *,
    owner: User | None = None,
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
    name = safe_name(original_name)
    sha256, size = sha256_of(handle)
    deck = Presentation(
        owner=owner,
        title=title.strip(),
        description=description,
        language=language,
        visibility=visibility,
        download_allowed=download_allowed,
        collection=collection,
        licence=licence,
        original_name=name,
        original_sha256=sha256,
        original_size=size,
    )
    # A deck the database has no room for leaves no original behind.
    with atomic_or_undo(lambda: delete(deck.original.name or "")):
        # A new deck goes after the collection's others, in upload order.
        deck.collection_position = next_position(collection) if collection else 0
        deck.original.save(name, File(handle, name=name), save=False)
        deck.save()
        if tags:
            deck.tags.set([Tag.named(tag) for tag in tags if tag.strip()])
        intake.start(deck)
    return deck


def create_uploaded(
    upload: UploadedFile[bytes], owner: User, details: dict[str, Any]
) -> Presentation:
    """A deck from an uploaded file, with the details form's cleaned values (the upload page
    and the API)."""
    return create_presentation(
        upload,
        safe_name(upload.name or ""),
        owner=owner,
        title=details["title"],
        description=details["description"],
        language=details["language"],
        visibility=details["visibility"],
        download_allowed=details["download_allowed"],
        tags=details["tags"],
        licence=details["licence"],
        collection=details["collection"],
    )


def details_of(deck: Presentation) -> dict[str, object]:
    """The deck's details as the details form takes them."""
    return {
        "title": deck.title,
        "description": deck.description,
        "tags": ", ".join(tag.name for tag in deck.tags.all()),
        "language": deck.language,
        "visibility": deck.visibility,
        "download_allowed": deck.download_allowed,
        "licence": deck.licence,
        "collection": deck.collection_id,
    }


def change_details(deck: Presentation, details: dict[str, Any]) -> None:
    """Give the deck the details form's cleaned values."""
    for field in ("title", "description", "language", "download_allowed", "licence"):
        setattr(deck, field, details[field])
    deck.set_visibility(details["visibility"])  # a change moves the deck's images
    deck.save()  # a new updated_at: cached pages of the deck are not served any more
    deck.tags.set([Tag.named(name) for name in details["tags"]])
    set_collection(deck, details["collection"])  # at the end of a collection it joins


def change_visibility(deck: Presentation, visibility: str) -> bool:
    """Who may see the deck, from now on; False when that is who could already."""
    if deck.visibility == visibility:
        return False
    deck.set_visibility(visibility)  # moves the deck's images
    deck.save()  # a new updated_at: cached pages of the deck are not served any more
    return True


def make_new_version(upload: Presentation, earlier: Presentation) -> None:
    """Use a new upload as the new file of the earlier deck it duplicates, and drop the upload.

    The earlier deck keeps its address, views and links; its slide links follow their slides.
    """
    with upload.original.open("rb") as handle:
        replace_file(earlier, handle, upload.original_name)
    delete_presentation(upload)


def delete_presentation(deck: Presentation) -> None:
    """Delete the deck's row, then its original, PDF and slide images of every revision."""
    folders = (deck.media_folder, f"originals/{deck.public_id}")
    with transaction.atomic():
        deck.delete()
        # After the commit: a rolled-back delete must not leave a deck without its files.
        remove_after_commit(lambda: _delete_folders(folders))


def _delete_folders(folders: tuple[str, ...]) -> None:
    for folder in folders:
        delete_prefix(folder)
