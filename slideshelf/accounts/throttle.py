"""Slowing down password guessing without locking anyone out.

Failed logins are counted in the database (slideshelf.limits), so every web process sees the
same count, under the username and under the client address. Past the free failures
(LOGIN_FAILURE_LIMIT for a username, LOGIN_ADDRESS_FAILURE_LIMIT for an address), each further
try must wait a second, then two, four … up to LOGIN_MAX_DELAY_MINUTES after the last failure;
a try that comes too soon is refused without its password being checked, and is not counted,
so a guesser's own impatience does not lengthen anyone's wait.

The owner is not locked out by someone guessing their username: a browser that has signed in
to a username before, or set its password from the mailed link, carries a signed cookie saying
so, and that username's count does not slow it down (its address's count still does). So on a
new browser, while the guessing goes on, the owner chooses a new password by e-mail and logs in.

Wrong current passwords on the form that changes a password are counted apart, per account, with
the same free tries and the same doubling: the one asking is already signed in (a browser left
open, a stolen session), and a stranger guessing at the login form must not keep the owner from
changing their password.
"""

from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from slideshelf.limits import api as attempts

USERNAME = "login-username"
ADDRESS = "login-address"
CHANGE = "password-change"
COOKIE = "slideshelf_signed_in_before"
COOKIE_SALT = "slideshelf.accounts.throttle"
COOKIE_AGE = 365 * 24 * 3600
FIRST_DELAY = 1.0  # seconds, after the last free failure; doubled with each one after it


def seconds_to_wait(request: HttpRequest, username: str) -> int:
    """How long this client must wait before its next try at `username`; 0: try now."""
    waits = [_wait(ADDRESS, attempts.client_of(request), settings.LOGIN_ADDRESS_FAILURE_LIMIT)]
    if not signed_in_before(request, username):
        waits.append(_wait(USERNAME, _name(username), settings.LOGIN_FAILURE_LIMIT))
    return math.ceil(max(waits))


def record_failure(request: HttpRequest, username: str) -> None:
    attempts.record(USERNAME, _name(username))
    attempts.record(ADDRESS, attempts.client_of(request))


def forget_failures(username: str) -> None:
    """The owner is in (or has proved their mailbox): guesses so far stop slowing them down.

    The address's count stays: a guesser could otherwise clear it by logging in to an
    account of their own.
    """
    attempts.clear(USERNAME, _name(username))


def remember_browser(response: HttpResponse, username: str) -> None:
    response.set_signed_cookie(
        COOKIE,
        _name(username),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def signed_in_before(request: HttpRequest, username: str) -> bool:
    known = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE)
    return known is not None and known == _name(username)


def seconds_to_wait_to_change(username: str) -> int:
    """How long before the next try at the current password on the change form; 0: try now."""
    return math.ceil(_wait(CHANGE, _name(username), settings.LOGIN_FAILURE_LIMIT))


def record_change_failure(username: str) -> None:
    attempts.record(CHANGE, _name(username))


def forget_change_failures(username: str) -> None:
    attempts.clear(CHANGE, _name(username))


def _wait(kind: str, who: str, free: int) -> float:
    failures = attempts.recent(kind, who)
    if failures.count < free or failures.last is None:
        return 0.0
    # The exponent is capped first: 2 ** a day's failures would not fit a timedelta.
    doublings = min(failures.count - free, 32)
    delay = min(FIRST_DELAY * 2**doublings, settings.LOGIN_MAX_DELAY_MINUTES * 60)
    until = failures.last + timedelta(seconds=delay)
    return max((until - timezone.now()).total_seconds(), 0.0)


def _name(username: str) -> str:
    return username.strip().lower()
