"""`/robots.txt`: crawl everything people read, nothing that is one visitor's own.

Left out: the admin, the owner's and staff's pages, upload, sign-in and sign-up, search results
(each query its own page; the page says noindex too), the language switch (a redirect from
every page), and a deck's actions. Decks, lists, feeds, slide images and downloads stay open,
and so does the embed player: it says noindex itself, and a crawler must read it to know.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from slideshelf.lib.addresses import absolute

DISALLOWED = (
    "/admin/",
    "/account/",
    "/my/",
    "/moderation/",
    "/upload/",
    "/login/",
    "/logout/",
    "/signup/",
    "/password-reset/",
    "/search/",
    "/language/",
    "/p/*/report/",
    "/p/*/delete/",
    "/p/*/status.json",
)
# It changes only with the site's address.
CACHE_CONTROL = "public, max-age=86400"


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {absolute(request, reverse('sitemap'))}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = CACHE_CONTROL
    return response
