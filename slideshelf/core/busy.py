"""A database or a file store that cannot do the work just now: the visitor is told so, never
shown a 500.

Too busy: SQLite waits `SLIDESHELF_SQLITE_TIMEOUT` seconds for a write lock (PostgreSQL for its
lock timeout) before it gives up, and the visitor is asked to try again (503). Full: the disk
has no room for the write (the database's or any other), and the visitor is told that nothing
was saved (507). Reading goes on meanwhile, so only requests that write get here. Down: the
object store does not answer, for a download as for an upload (503).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from slideshelf.lib.files import StoreUnavailable, is_disk_full

RETRY_AFTER = 30  # seconds: about one SQLite timeout and a half
SERVICE_UNAVAILABLE = 503
INSUFFICIENT_STORAGE = 507
SIGNS = ("database is locked", "database table is locked", "lock timeout", "deadlock detected")


def is_busy(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and any(sign in str(error) for sign in SIGNS)


class BusyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_busy(exception):
            response = TemplateResponse(request, "busy.html", status=SERVICE_UNAVAILABLE)
            response["Retry-After"] = str(RETRY_AFTER)
        elif isinstance(exception, StoreUnavailable):
            response = TemplateResponse(request, "store_down.html", status=SERVICE_UNAVAILABLE)
            response["Retry-After"] = str(StoreUnavailable.RETRY_AFTER)
        elif is_disk_full(exception):
            response = TemplateResponse(request, "no_room.html", status=INSUFFICIENT_STORAGE)
        else:
            return None
        response["Cache-Control"] = "no-store"
        return response.render()
