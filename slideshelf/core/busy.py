"""A database too busy to write: the visitor is asked to try again, never shown a 500.

SQLite waits `SLIDESHELF_SQLITE_TIMEOUT` seconds for a write lock (PostgreSQL for its lock
timeout) before it gives up; reading goes on meanwhile, so only requests that write get here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

RETRY_AFTER = 30  # seconds: about one SQLite timeout and a half
SERVICE_UNAVAILABLE = 503
SIGNS = ("database is locked", "database table is locked", "lock timeout", "deadlock detected")


def is_busy(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and any(sign in str(error) for sign in SIGNS)


class BusyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        response = TemplateResponse(request, "busy.html", status=SERVICE_UNAVAILABLE)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response.render()
