"""The Content-Security-Policy: no inline script, nothing from elsewhere, no framing by another
site; a view made `embeddable` (the embed player) may be framed by the sites
SLIDESHELF_EMBED_FRAME_ANCESTORS names, every site by default."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.clickjacking import xframe_options_exempt

POLICY = "Content-Security-Policy"
DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
P = ParamSpec("P")


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    https = ("upgrade-insecure-requests",) if settings.HTTPS else ()
    return "; ".join((*DIRECTIVES, f"frame-ancestors {frame_ancestors}", *https))


def embeddable(view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """A view other sites may show in a frame: the one exception to the site-wide refusal."""

    @wraps(view)
    def framed(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        response = view(*args, **kwargs)
        ancestors = " ".join(settings.EMBED_FRAME_ANCESTORS)
        response.headers[POLICY] = content_security_policy(ancestors)
        return response

    return xframe_options_exempt(framed)
