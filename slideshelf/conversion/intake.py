"""How files come to be converted: a new deck's first file, a replacement, a person's retry."""

from __future__ import annotations

from typing import IO

from django.core.files import File

from slideshelf.conversion.models import Conversion
from slideshelf.conversion.storage import atomic_or_undo, delete
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.lib.files import safe_name, sha256_of
from slideshelf.presentations.models import Presentation


def start(deck: Presentation) -> Conversion:
    """Queue a new deck's conversion, in the caller's transaction."""
    conversion = Conversion.objects.create(presentation=deck)
    queue_conversion(conversion)
    return conversion


def replace(deck: Presentation, handle: IO[bytes], original_name: str) -> bool:
    """Queue a new file for the deck, keeping its id and address; False when it is the same file.

    The new file waits beside the current one: the deck's slides stay up until the new file is
    converted, and a file that cannot be converted is dropped while the deck stays as it was.
    """
    conversion = deck.conversion
    name = safe_name(original_name)
    sha256, size = sha256_of(handle)
    if sha256 == deck.original_sha256 and not conversion.replacement:
        return False
    superseded = conversion.replacement.name
    with atomic_or_undo(lambda: _drop_new_replacement(conversion, superseded)):
        conversion.wait_for(File(handle, name=name), name, sha256, size)
        queue_conversion(conversion)
    if superseded:
        delete(superseded)
    return True


def _drop_new_replacement(conversion: Conversion, superseded: str | None) -> None:
    """The database had no room for the new file's row: the file it stored goes too."""
    if conversion.replacement.name != superseded:
        delete(conversion.replacement.name or "")


def retry(deck: Presentation) -> bool:
    """Queue a failed deck again; False when it had not failed, or failed for its file."""
    conversion = deck.conversion
    if not conversion.can_retry:
        return False
    queue_conversion(conversion)
    return True
