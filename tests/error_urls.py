"""The site's addresses and handlers, with a few that fail on purpose, for the error-page tests:
set ROOT_URLCONF = "tests.error_urls"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from slideshelf import urls as site

handler400 = site.handler400
handler403 = site.handler403
handler404 = site.handler404
handler500 = site.handler500


def bad_request(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("a request the test made unreadable")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a view that fails, as the test wants")


def too_many_reports(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/too_many.html", {"limit": 3}, status=429)


def failing_context(request: HttpRequest) -> dict[str, object]:
    """A context processor that fails, for the 500 page that must not need one."""
    raise RuntimeError("a context processor that fails, as the test wants")


urlpatterns = [
    path("test-errors/400/", bad_request),
    path("test-errors/403/", forbidden),
    path("test-errors/500/", broken),
    path("test-errors/429/", too_many_reports),
    *site.urlpatterns,
]
