"""Originals, PDFs and slide images, each behind the access rule."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from slideshelf.conversion.models import Conversion
from slideshelf.conversion.types import FileType
from slideshelf.lib.addresses import absolute
from slideshelf.lib.file_response import file_response
from slideshelf.pages import counter, counting
from slideshelf.presentations import access, transcripts
from slideshelf.presentations.models import Presentation
from slideshelf.statistics.models import Kind

# A public deck's images: an address never changes its picture, nor its audience (the deck's
# images move when who may see it changes), so any cache may keep them for good.
IMMUTABLE = "public, max-age=31536000, immutable"
# An unlisted or private deck's: the visitor's browser alone, and only for an hour, so a copy
# outlives a visitor's access to the deck by that much at most.
PRIVATE_IMAGE = "private, max-age=3600"
UNKNOWN_TYPE = "application/octet-stream"
DOWNLOAD = "private, no-cache"


def _download_allowed(deck: Presentation) -> None:
    if not deck.download_allowed:
        raise Http404("The owner does not allow downloads")


def _count_download(request: HttpRequest, deck: Presentation, kind: Kind) -> None:
    if counting.whole_download(request) and counting.counts_for(request, deck):
        counter.count_download(deck.pk, kind)


@require_safe
def original(request: HttpRequest, public_id: str) -> HttpResponseBase:
    deck = access.viewable_or_404(request.user, public_id)
    _download_allowed(deck)
    # The type the content was found to be, never the one its name claims; with the
    # SecurityMiddleware's `nosniff`, a browser does not guess either.
    detected = original_type(deck)
    _count_download(request, deck, Kind.ORIGINAL)
    return file_response(
        deck.original.name,
        detected.media_type if detected else UNKNOWN_TYPE,
        DOWNLOAD,
        download_as=download_name(deck.original_name, detected),
    )


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
def pdf(request: HttpRequest, public_id: str) -> HttpResponseBase:
    deck = access.viewable_or_404(request.user, public_id)
    _download_allowed(deck)
    if not deck.pdf:
        raise Http404("No PDF yet")
    _count_download(request, deck, Kind.PDF)
    return file_response(deck.pdf.name, "application/pdf", DOWNLOAD, download_as=f"{deck.slug}.pdf")


@require_safe
def slide_image(
    request: HttpRequest, public_id: str, revision: int, audience: str, name: str
) -> HttpResponseBase:
    deck = access.viewable_or_404(request.user, public_id)
    # An old address serves no one, the owner included, and redirects nowhere (as an old
    # revision's): no page links it any more, and a redirect, which a shared cache may keep
    # too, would leave it a way to the deck's images for an audience that was not meant.
    if (revision, audience) != (deck.revision, deck.audience):
        raise Http404("Old address")
    return file_response(
        f"{deck.media_prefix()}/{name}",
        "image/webp",
        IMMUTABLE if access.is_public(deck) else PRIVATE_IMAGE,
    )


@require_safe
def transcript(request: HttpRequest, public_id: str, kind: str) -> HttpResponse:
    """The deck's transcript as a Markdown or plain text file."""
    deck = access.viewable_or_404(request.user, public_id)
    if not deck.has_slides:
        raise Http404("No slides yet")
    write, extension, media_type = TRANSCRIPTS[kind]
    body = write(deck, deck.slides.all(), absolute(request, deck.get_absolute_url()))
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{deck.slug}.{extension}"'
    response["Cache-Control"] = DOWNLOAD
    return response


TRANSCRIPTS = {
    "markdown": (transcripts.as_markdown, "md", "text/markdown"),
    "text": (transcripts.as_text, "txt", "text/plain"),
}
