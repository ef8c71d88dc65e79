"""How often one client may sign up or ask for a password reset, and how much mail one e-mail
address may be sent on such requests.

A client over its limit is told so (429): that says nothing about any account. An e-mail
address over its limit is sent nothing, and the requester sees the page everyone sees, so the
answer never depends on the address, and no one can fill a stranger's mailbox through the site.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from slideshelf.limits import api as attempts

SIGNUP = "signup"
RESET = "password-reset"
ACCOUNT_MAIL = "account-mail"


def may_sign_up(request: HttpRequest) -> bool:
    """Count a sign-up from this client, or say it has had its hour's worth."""
    client = attempts.client_of(request)
    return attempts.take(attempts.Claim(SIGNUP, client, settings.SIGNUPS_PER_HOUR))


def may_reset_password(request: HttpRequest) -> bool:
    client = attempts.client_of(request)
    return attempts.take(attempts.Claim(RESET, client, settings.PASSWORD_RESETS_PER_HOUR))


def may_mail(email: str) -> bool:
    """Count a message to `email`, whether or not it has an account, or say it has had its
    day's worth."""
    address = email.strip().lower()
    claim = attempts.Claim(ACCOUNT_MAIL, address, settings.ACCOUNT_MAILS_PER_DAY, attempts.DAY)
    return attempts.take(claim)
