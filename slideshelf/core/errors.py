"""The pages a visitor sees when something goes wrong: 400, 403 (a refused CSRF token too),
404 and 500, in the site's look and the visitor's language, each with a search box and a way
home. `urls.py` names them as Django's handlers; CSRF_FAILURE_VIEW names `csrf_failure`.

400 and 500 are rendered without a RequestContext: its context processors read the session and
the user, and a 500 may be the database failing, or a context processor itself. The page then
shows the header as to someone not signed in. 403 and 404 keep the usual context, so a
signed-in person still sees their name in the header.

No error page is kept by a shared cache: a 404 may say who is signed in, and both a 404 and a
500 may be over a moment later.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

BAD_REQUEST = 400
FORBIDDEN = 403
NOT_FOUND = 404
SERVER_ERROR = 500
# When even the plain template cannot be rendered (a missing static manifest entry, a broken
# template loader), this is all that is left to say.
LAST_RESORT = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server error</title>'
    "</head><body><main><h1>Server error</h1><p>Something went wrong on our side. Please try "
    'again in a minute, or go to the <a href="/">home page</a>.</p></main></body></html>'
)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _plain(request, "error/400.html", BAD_REQUEST)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "error/403.html", FORBIDDEN)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "error/404.html", NOT_FOUND)


def server_error(request: HttpRequest) -> HttpResponse:
    return _plain(request, "error/500.html", SERVER_ERROR)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its token, or with a stale one: usually a page left open for long,
    or a browser that refuses cookies. The reason is for the log, not the visitor."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    return _page(request, "error/csrf.html", FORBIDDEN)


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    body = loader.render_to_string(template, request=request)
    return _response(body, status)


def _plain(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # A plain dict, not a RequestContext: no context processor runs, nothing is queried.
    # `request` alone lets the language links return to the same address.
    try:
        body = loader.get_template(template).render({"request": request})
    except Exception:
        logger.exception("The %s page could not be rendered", status)
        body = LAST_RESORT
    return _response(body, status)


def _response(body: str, status: int) -> HttpResponse:
    response = HttpResponse(body, status=status)
    add_never_cache_headers(response)
    return response
