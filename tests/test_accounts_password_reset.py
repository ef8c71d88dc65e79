"""How often a password reset may be asked for: per client address, and per e-mail address.

The reset itself is tested in test_accounts_login.py.
"""

from __future__ import annotations

import pytest
from django.test import Client

from slideshelf.accounts.limits import ACCOUNT_MAIL, RESET
from slideshelf.limits.models import Attempt
from tests.stored import everything_stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", "ada@example.org", "x")


def ask(email: str, address: str = "192.0.2.1"):
    return Client().post("/password-reset/", {"email": email}, REMOTE_ADDR=address)


def test_one_address_may_ask_so_often_an_hour_then_gets_429(ada, settings, mailoutbox):
    settings.PASSWORD_RESETS_PER_HOUR = 2
    assert ask("ada@example.org").status_code == 302
    assert ask("nobody@example.org").status_code == 302
    refused = ask("ada@example.org")
    assert refused.status_code == 429
    assert "Too many password resets" in refused.content.decode()
    assert len(mailoutbox) == 1
    assert ask("ada@example.org", address="192.0.2.9").status_code == 302
    assert len(mailoutbox) == 2


def test_one_e_mail_address_gets_so_many_messages_a_day_and_the_page_does_not_change(
    ada, settings, mailoutbox
):
    settings.ACCOUNT_MAILS_PER_DAY = 2
    answers = [ask("Ada@example.org", address=f"192.0.2.{n}") for n in range(1, 5)]
    assert [(a.status_code, a["Location"]) for a in answers] == [(302, "/password-reset/sent/")] * 4
    assert len(mailoutbox) == 2


def test_messages_for_sign_ups_and_resets_share_the_days_allowance(ada, settings, mailoutbox):
    settings.ACCOUNT_MAILS_PER_DAY = 2
    settings.SIGNUP = "open"
    password = "a long and good passphrase 81"
    Client().post(
        "/signup/",
        {"username": "x", "email": "ada@example.org", "password1": password, "password2": password},
    )
    ask("ada@example.org")
    ask("ada@example.org", address="192.0.2.2")
    assert len(mailoutbox) == 2


def test_an_address_without_an_account_is_counted_the_same(ada, settings):
    """Else the limit itself would tell which addresses have accounts."""
    settings.ACCOUNT_MAILS_PER_DAY = 1
    known, unknown = ask("ada@example.org"), ask("nobody@example.org")
    assert dict(known.headers) == dict(unknown.headers)
    assert Attempt.objects.filter(kind=ACCOUNT_MAIL).count() == 2
    known, unknown = ask("ada@example.org"), ask("nobody@example.org")
    assert dict(known.headers) == dict(unknown.headers)
    assert Attempt.objects.filter(kind=ACCOUNT_MAIL).count() == 2


def test_requests_keep_no_client_address_and_no_e_mail_address_but_the_accounts(ada):
    ask("nobody@example.org", address="192.0.2.77")
    stored = everything_stored()
    assert "192.0.2.77" not in stored and "nobody@example.org" not in stored
    assert Attempt.objects.filter(kind=RESET).count() == 1
