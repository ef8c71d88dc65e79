"""What browsers are told to protect visitors with, and which connections are HTTPS.

Every response carries the Content-Security-Policy of `lib.content_policy`, unless its view
set one of its own (an `embeddable` one).

Behind a reverse proxy that ends TLS, a request counts as HTTPS only when the proxy is one the
site trusts (SLIDESHELF_TRUSTED_PROXIES) and says so in X-Forwarded-Proto: anyone else could
send that header too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from slideshelf.lib.clients import is_trusted
from slideshelf.lib.content_policy import POLICY, content_security_policy


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if POLICY not in response.headers:
            response.headers[POLICY] = self.policy
        return response


class TrustedProxyMiddleware:
    """First of all middleware: the scheme the visitor used, as a trusted proxy reports it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        proto = request.META.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower()
        remote = request.META.get("REMOTE_ADDR", "")
        if proto in ("http", "https") and is_trusted(remote, settings.TRUSTED_PROXIES):
            request.META["wsgi.url_scheme"] = proto
        return self.get_response(request)
