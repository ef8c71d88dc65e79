"""Originals, PDFs and slide images, each behind the access rule."""

from __future__ import annotations

import mimetypes

from django.core.files import File
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation

IMMUTABLE = "public, max-age=31536000, immutable"


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
    content_type = mimetypes.guess_type(deck.original_name)[0] or "application/octet-stream"
    response = FileResponse(
        _open(deck.original.name),
        as_attachment=True,
        filename=deck.original_name,
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-cache"
    return response


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
def slide_image(request: HttpRequest, public_id: str, revision: int, name: str) -> FileResponse:
    deck = access.viewable_or_404(request.user, public_id)
    if revision != deck.revision:
        raise Http404("Old revision")
    response = FileResponse(_open(f"{deck.media_prefix()}/{name}"), content_type="image/webp")
    # The revision is in the URL, so an image never changes under its address.
    response["Cache-Control"] = (
        IMMUTABLE if access.is_public(deck) else "private, " + IMMUTABLE.split(", ", 1)[1]
    )
    return response
