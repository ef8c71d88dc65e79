"""Who an API request is, and whether it may be made now.

Who: the owner of the token it sends (`Authorization: Bearer ss_…`), else whoever the session
says (a browser signed in to the site), else anonymous.

A request with a token it cannot use (unknown, revoked, an inactive account's, another
scheme) is refused with a 401 problem, never served as anonymous: a script must learn its
token stopped working. A token is no cookie, so no other site can make a browser send it:
such requests skip the CSRF check.

Whether now: each token, and each client address sending none, may make
SLIDESHELF_API_REQUESTS_PER_MINUTE requests a minute (`rates.py`); more get a 429 problem with
`Retry-After`.

Writes (`WRITERS`, asked by django-ninja before an operation reads its input): a token that
may write, or a signed-in browser that sends the site's CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer

from slideshelf.accounts import tokens
from slideshelf.api.problems import Problem, problem
from slideshelf.api.rates import RequestRate
from slideshelf.limits.api import client_of

API = "/api/"


class ApiRequestMiddleware:
    """After Django's authentication, before anything asks who is sending (the body limit)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.rate = RequestRate(settings.API_REQUESTS_PER_MINUTE)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API):
            return self.get_response(request)
        refused = self._who_is(request)
        if refused is not None:
            return refused
        token = getattr(request, "api_token", None)
        who = f"token:{token.pk}" if token is not None else f"client:{client_of(request)}"
        if wait := self.rate.wait_for(who):
            slow_down = problem(
                429,
                "too_many_requests",
                _("Too many requests"),
                _("Wait %(seconds)d seconds before the next request.") % {"seconds": wait},
            )
            slow_down["Retry-After"] = str(wait)
            return slow_down
        return self.get_response(request)

    def _who_is(self, request: HttpRequest) -> HttpResponse | None:
        """Make the request its token's owner's; a 401 problem for a token it cannot use."""
        header = request.headers.get("Authorization", "")
        if not header:
            return None
        scheme, _space, token = header.partition(" ")
        holder = tokens.holder_of(token.strip()) if scheme.lower() == "bearer" else None
        if holder is None:
            refused = problem(
                401,
                "invalid_token",
                _("Not signed in"),
                _("The token is unknown or was revoked. Make a new one on your profile page."),
            )
            refused["WWW-Authenticate"] = 'Bearer realm="slideshelf"'
            return refused
        request.user = holder.user
        request.api_token = holder  # type: ignore[attr-defined]
        request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return None


class TokenWriter(HttpBearer):
    """A request with a token that may write (the token middleware has found its owner)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        row = getattr(request, "api_token", None)
        if row is None:
            return None
        if not row.may_write:
            raise Problem(403, "read_only_token", _("Not allowed"), _("This token may only read."))
        return writer_of(request)


class SessionWriter(APIKeyCookie):
    """A browser signed in to the site that sends the CSRF token, as the site's forms do."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, to answer with a problem of its own

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        if getattr(request, "api_token", None) is not None or not request.user.is_authenticated:
            return None
        if CsrfViewMiddleware(_nothing).process_view(request, _nothing, (), {}):
            raise Problem(
                403,
                "csrf_failed",
                _("Not allowed"),
                _("A signed-in browser must send the CSRF token."),
            )
        return writer_of(request)


# Asked before anything else about the request, so a stranger learns nothing from its checks.
WRITERS = [TokenWriter(), SessionWriter()]


def writer_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _nothing(request: HttpRequest) -> HttpResponse:
    return HttpResponse()
