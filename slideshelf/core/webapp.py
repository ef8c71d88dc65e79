"""What browsers ask a site for by itself: /favicon.ico, and the web app manifest that names the
site and its icons when someone adds it to a home screen.

Pages name their icons in `base.html`, but browsers still ask for /favicon.ico now and then
(feed readers, bookmarks, a PDF opened in a tab), and a 404 each time fills the logs. The icons
are drawn by scripts/make_icons.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

ICONS = Path(__file__).resolve().parent / "static" / "slideshelf" / "icons"
FAVICON = (ICONS / "favicon.ico").read_bytes()
THEME_COLOUR = "#0a58a8"  # --accent in site.css
BACKGROUND_COLOUR = "#f7f7f5"  # --bg
ONE_DAY = 24 * 3600


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(FAVICON, content_type="image/vnd.microsoft.icon")
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    return response


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    body = {
        "id": "/",
        "name": "slideshelf",
        "short_name": "slideshelf",
        "description": _("Presentations without ads or tracking."),
        "lang": get_language(),
        "start_url": "/",
        "scope": "/",
        # The browser's own back and reload buttons stay: visitors come and go by links.
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            _icon("icon.svg", "any", "image/svg+xml"),
            _icon("icon-192.png", "192x192", "image/png"),
            _icon("icon-512.png", "512x512", "image/png"),
        ],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/manifest+json"
    )
    # In the visitor's language, which the language cookie may choose.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    return response


def _icon(name: str, sizes: str, kind: str) -> dict[str, str]:
    return {"src": static(f"slideshelf/icons/{name}"), "sizes": sizes, "type": kind}
