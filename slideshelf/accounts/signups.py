"""Signing up: the account is made when the link mailed to its e-mail address is opened.

Whatever the address, the requester sees the same page and the address gets one message: a
link that makes the account or, when the address already has one, its username and the way to
log in or choose a new password. So a sign-up tells no one but the address's owner whether it
has an account, and an account's address is one its owner reads.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from slideshelf.accounts.limits import may_mail
from slideshelf.accounts.models import Invitation, SignupRequest

LINK_LIFETIME = timedelta(days=1)


class SignupFailed(Exception):
    """The link cannot make the account; the message says why and what to do."""


def ask(
    username: str, email: str, password: str, invitation: Invitation | None, site_url: str
) -> None:
    """Mail `email` what it needs to make the account, or to use the one it has.

    `site_url` (e.g. "https://slides.example.org") makes the links in the message absolute.
    """
    # Hashed on every path: the slow part of a sign-up must take as long for an address
    # that has an account as for one that has none.
    hashed = make_password(password)
    SignupRequest.objects.filter(created_at__lt=timezone.now() - LINK_LIFETIME).delete()
    if not may_mail(email):
        return
    account = User.objects.filter(email__iexact=email).order_by("pk").first()
    if account is None:
        _send_link(username, email, hashed, invitation, site_url)
    else:
        _remind(account, email, site_url)


def _send_link(
    username: str, email: str, hashed: str, invitation: Invitation | None, site_url: str
) -> None:
    secret = secrets.token_urlsafe(32)
    SignupRequest.objects.create(
        username=username,
        email=email,
        password=hashed,
        invitation=invitation,
        token=_digest(secret),
    )
    link = site_url + reverse("signup_confirm", args=[secret])
    subject = gettext("Confirm your account on %(site)s")
    _mail(
        email, subject, "signup_confirm_email.txt", site_url, {"username": username, "link": link}
    )


def _remind(account: User, email: str, site_url: str) -> None:
    context = {
        "username": account.get_username(),
        "login_link": site_url + reverse("login"),
        "reset_link": site_url + reverse("password_reset"),
    }
    subject = gettext("Your account on %(site)s")
    _mail(email, subject, "signup_exists_email.txt", site_url, context)


def pending(secret: str) -> SignupRequest | None:
    """The sign-up a link is for, while the link works."""
    since = timezone.now() - LINK_LIFETIME
    return SignupRequest.objects.filter(token=_digest(secret), created_at__gte=since).first()


def confirm(secret: str) -> User:
    """Make the account the link is for, spending its invitation; the link then stops working."""
    try:
        with transaction.atomic():
            return _make_account(secret)
    except IntegrityError:  # the same username made a moment ago, by this link or another
        raise SignupFailed(_taken_text()) from None


def _make_account(secret: str) -> User:
    since = timezone.now() - LINK_LIFETIME
    # Locked: the same link opened twice at once makes one account, and the second is told so.
    request = (
        SignupRequest.objects.select_for_update()
        .filter(token=_digest(secret), created_at__gte=since)
        .first()
    )
    if request is None:
        raise SignupFailed(_expired_text())
    # Opened from the address's mailbox: saying it has an account tells its owner only.
    if User.objects.filter(email__iexact=request.email).exists():
        raise SignupFailed(
            gettext(
                "This e-mail address already has an account. Log in, or choose a new "
                "password if you have forgotten it."
            )
        )
    if User.objects.filter(username__iexact=request.username).exists():
        raise SignupFailed(_taken_text())
    user = User.objects.create(
        username=request.username, email=request.email, password=request.password
    )
    if request.invitation is not None and not request.invitation.use(user):
        raise SignupFailed(gettext("This invitation code is not valid or has been used."))
    # Others for the same address stay till they expire: opened, they say it has an account.
    request.delete()
    return user


def _expired_text() -> str:
    return gettext(
        "This link does not work any more: it has been used or is more than a day old. "
        "Please sign up again."
    )


def _taken_text() -> str:
    return gettext(
        "Someone took this username before the account was made. Please sign up again "
        "with another username."
    )


def _mail(email: str, subject: str, template: str, site_url: str, context: dict[str, str]) -> None:
    site = urlsplit(site_url).netloc
    body = render_to_string(f"accounts/{template}", {**context, "site_name": site})
    send_mail(subject % {"site": site}, body, None, [email])


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
