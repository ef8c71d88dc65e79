"""The answer to a client over one of the account limits (see accounts/limits.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

TOO_MANY_REQUESTS = 429


def too_many(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "accounts/too_many.html", {"message": message}, status=TOO_MANY_REQUESTS)
