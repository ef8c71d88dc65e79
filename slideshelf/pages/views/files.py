"""Originals, PDFs and slide images, each behind the access rule."""

from __future__ import annotations

from django.core.files import File
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from slideshelf.conversion.models import Conversion
from slideshelf.conversion.types import FileType
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation

# A public deck's images: an address never changes its picture, nor its audience (the deck's
# images move when who may see it changes), so any cache may keep them for good.
IMMUTABLE = "public, max-age=31536000, immutable"
# An unlisted or private deck's: the visitor's browser alone, and only for an hour, so a copy
# outlives a visitor's access to the deck by that much at most.
PRIVATE_IMAGE = "private, max-age=3600"
UNKNOWN_TYPE = "application/octet-stream"


def _open(name: str | None) -> File[bytes]:
    if not name or not default_storage.exists(name):
        raise Http404("File not found")
    return default_storage.open(name, "rb")


def _download_allowed(deck: Presentation) -> None:
    if not deck.download_allowed:
        raise Http404("The owner does not allow downloads")


@require_safe
def original(request: HttpRequest, public_id: str) -> FileResponse:
    deck = access.viewable_or_404(request.user, public_id)
    _download_allowed(deck)
    # The type the content was found to be, never the one its name claims; with the
    # SecurityMiddleware's `nosniff`, a browser does not guess either.
    detected = original_type(deck)
    response = FileResponse(
        _open(deck.original.name),
        as_attachment=True,
        filename=download_name(deck.original_name, detected),
        content_type=detected.media_type if detected else UNKNOWN_TYPE,
    )
    response["Cache-Control"] = "private, no-cache"
    return response


def original_type(deck: Presentation) -> FileType | None:
    """What the deck's original is by its content; None when no conversion has told."""
    conversion = Conversion.objects.filter(pk=deck.pk).only("file_type").first()
    return conversion.detected_type if conversion else None


def download_name(name: str, detected: FileType | None) -> str:
    """The original's name, with an extension that says what the file is: a PowerPoint file
    uploaded as "talk.pdf" is saved as "talk.pptx", and opens in the program that reads it."""
    name = "".join(char for char in name if char.isprintable()).strip() or "presentation"
    stem, dot, extension = name.rpartition(".")
    if detected is None or (dot and extension.lower() in detected.extensions):
        return name
    return f"{stem if dot and stem else name}.{detected.value}"


@require_safe
def pdf(request: HttpRequest, public_id: str) -> FileResponse:
    deck = access.viewable_or_404(request.user, public_id)
    _download_allowed(deck)
    if not deck.pdf:
        raise Http404("No PDF yet")
    response = FileResponse(
        _open(deck.pdf.name),
        as_attachment=True,
        filename=f"{deck.slug}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def slide_image(
    request: HttpRequest, public_id: str, revision: int, audience: str, name: str
) -> FileResponse:
    deck = access.viewable_or_404(request.user, public_id)
    # An old address serves no one, the owner included, and redirects nowhere (as an old
    # revision's): no page links it any more, and a redirect, which a shared cache may keep
    # too, would leave it a way to the deck's images for an audience that was not meant.
    if (revision, audience) != (deck.revision, deck.audience):
        raise Http404("Old address")
    response = FileResponse(_open(f"{deck.media_prefix()}/{name}"), content_type="image/webp")
    response["Cache-Control"] = IMMUTABLE if access.is_public(deck) else PRIVATE_IMAGE
    return response
