"""Absolute addresses, for what is read away from the site: canonical links, feeds, the
sitemap, oEmbed answers and embed codes.

With SLIDESHELF_SITE_URL set, every one starts with it, whichever host or proxy a request came
through; without it, with the scheme and host the request was made to.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def absolute(request: HttpRequest, path: str) -> str:
    """`path` (starting with "/") as an absolute address."""
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)
