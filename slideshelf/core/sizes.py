"""Request bodies refused by their declared size, before a byte of them is read.

Under WSGI a request body is read only up to its Content-Length, so the header bounds what
can arrive: an anonymous visitor's POST (log in, sign up, report) is a few kilobytes, a
signed-in person's is at most one presentation and its form. A 1 GiB POST is answered 413 at
once, with nothing written to a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext

PAYLOAD_TOO_LARGE = 413
FORM_ROOM = 1024 * 1024  # the form's other fields and the multipart headers beside the file


def largest_body(request: HttpRequest) -> int:
    if request.user.is_authenticated:
        return int(settings.MAX_UPLOAD_BYTES) + FORM_ROOM
    return int(settings.MAX_ANONYMOUS_POST_BYTES)


def declared_size(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # Django reads no body it cannot measure


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        size = declared_size(request)
        # A body anyone may send (every GET's) does not need to know who sent it: the
        # session is not read, and a page like the embed player stays the same for all.
        anyone = min(int(settings.MAX_ANONYMOUS_POST_BYTES), settings.MAX_UPLOAD_BYTES + FORM_ROOM)
        if size <= anyone:
            return self.get_response(request)
        limit = largest_body(request)
        if size <= limit:
            return self.get_response(request)
        return too_large(request, limit)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    text = gettext(
        "This is more than %(limit)s at once. Send one presentation at a time, each at most "
        "%(file_limit)s."
    ) % {"limit": filesizeformat(limit), "file_limit": filesizeformat(settings.MAX_UPLOAD_BYTES)}
    if "application/json" in request.headers.get("Accept", ""):
        response: HttpResponse = JsonResponse({"error": text}, status=PAYLOAD_TOO_LARGE)
    else:
        page = TemplateResponse(request, "too_large.html", {"text": text}, status=PAYLOAD_TOO_LARGE)
        response = page.render()
    # The rest of the body is never read: the connection cannot carry another request.
    response["Connection"] = "close"
    return response
