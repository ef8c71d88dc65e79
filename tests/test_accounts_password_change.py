"""Changing one's password while signed in: the current one is checked (and guesses at it slowed
down), the new one must pass the password validators, and the session stays signed in."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.test import Client

from slideshelf.accounts import throttle
from slideshelf.limits import api as attempts
from slideshelf.limits.models import Attempt
from tests.passwords import WEAK_PASSWORDS

pytestmark = pytest.mark.django_db

URL = "/account/password/"
OLD = "a long and good passphrase 81"
NEW = "another fine passphrase 27"


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("adalovelace", "ada@example.org", OLD)


@pytest.fixture
def signed_in(client, ada):
    client.force_login(ada)
    return client


def change(client, old=OLD, new=NEW, again=None, **headers):
    data = {"old_password": old, "new_password1": new, "new_password2": again or new}
    return client.post(URL, data, **headers)


def is_signed_in(client) -> bool:
    return client.get("/account/profile/").status_code == 200


def logs_in(password: str) -> bool:
    return Client().login(username="adalovelace", password=password)


def too_soon(response) -> str:
    found = re.search(
        r"Wait (\d+ (?:second|minute)s?) before you try again", response.content.decode()
    )
    return found.group(1) if found else ""


def test_the_profile_page_links_to_the_password_change_form(signed_in):
    assert f'href="{URL}"' in signed_in.get("/account/profile/").content.decode()


def test_the_form_asks_for_the_current_password_and_the_new_one_twice(signed_in):
    page = signed_in.get(URL).content.decode()
    for name in ("old_password", "new_password1", "new_password2"):
        assert f'name="{name}"' in page
    assert 'class="account-form"' in page and "<h1>Change your password</h1>" in page


def test_someone_not_signed_in_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"


def test_a_change_keeps_the_session_signed_in_and_says_so(signed_in):
    response = change(signed_in)
    assert response.status_code == 302 and response["Location"] == "/account/profile/"
    profile = signed_in.get("/account/profile/")
    assert profile.status_code == 200
    assert "Your password has been changed." in profile.content.decode()
    assert logs_in(NEW)
    assert not logs_in(OLD)


def test_a_change_signs_out_the_accounts_other_sessions(signed_in, ada):
    elsewhere = Client()
    elsewhere.force_login(ada)
    change(signed_in)
    assert is_signed_in(signed_in)
    assert not is_signed_in(elsewhere)


def test_a_wrong_current_password_is_refused_and_nothing_changes(signed_in):
    response = change(signed_in, old="not my password")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your old password was entered incorrectly." in page
    assert 'aria-describedby="id_old_password_error"' in page
    assert logs_in(OLD) and not logs_in(NEW)


@pytest.mark.parametrize(
    ("password", "english", "swedish"),
    [
        *WEAK_PASSWORDS,
        ("Adalovelace1", "The password is too similar to the", "Ditt lösenord är alltför likt"),
    ],
)
def test_a_weak_new_password_is_refused_in_the_visitors_language(
    signed_in, password, english, swedish
):
    for language, says in (("en", english), ("sv", swedish)):
        response = change(signed_in, new=password, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert says in response.content.decode(), language
    assert logs_in(OLD)


def test_the_new_password_must_be_typed_the_same_twice(signed_in):
    response = change(signed_in, again="another fine passphrase 28")
    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.content.decode()
    assert logs_in(OLD)


def test_after_the_free_wrong_guesses_even_the_right_password_must_wait(signed_in, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    change(signed_in, old="guess one")
    change(signed_in, old="guess two")
    assert Attempt.objects.filter(kind=throttle.CHANGE).count() == 2
    for _ in range(3):  # three more, so the wait (8 s) outlasts a slow test machine's requests
        attempts.record(throttle.CHANGE, "adalovelace")
    response = change(signed_in)
    assert response.status_code == 200
    assert re.fullmatch(r"[78] seconds", too_soon(response))
    assert "Too many wrong passwords" in response.content.decode()
    assert Attempt.objects.filter(kind=throttle.CHANGE).count() == 5  # a try too soon: uncounted
    assert logs_in(OLD)
    Attempt.objects.update(at=F("at") - timedelta(seconds=9))
    assert change(signed_in).status_code == 302
    assert logs_in(NEW)


def test_wrong_guesses_are_counted_apart_from_failed_logins(signed_in, settings):
    """A stranger guessing at the login form must not keep the owner from changing it."""
    settings.LOGIN_FAILURE_LIMIT = 1
    for _ in range(3):
        Client().post("/login/", {"username": "adalovelace", "password": "wrong"})
    assert change(signed_in).status_code == 302
    change(signed_in, old="wrong")
    assert Attempt.objects.filter(kind=throttle.CHANGE).count() == 1


def test_the_right_current_password_clears_the_count(signed_in, settings):
    change(signed_in, old="wrong")
    change(signed_in, new="kort")  # the current password is right; the new one refused
    assert Attempt.objects.filter(kind=throttle.CHANGE).count() == 0
