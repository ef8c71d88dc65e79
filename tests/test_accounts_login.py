from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client

from slideshelf.accounts import throttle
from slideshelf.limits import api as attempts
from slideshelf.limits.models import Attempt
from tests.stored import everything_stored

pytestmark = pytest.mark.django_db

PASSWORD = "a long and good passphrase 81"
GUESSER = "198.51.100.7"
OWNER_ADDRESS = "203.0.113.20"


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)


def log_in(client, password, username="ada"):
    return client.post("/login/", {"username": username, "password": password})


def is_signed_in(client):
    return client.get("/account/profile/").status_code == 200


def test_login_with_the_right_password_signs_in(client, ada):
    assert client.get("/login/").status_code == 200
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    assert is_signed_in(client)


def test_login_with_a_wrong_password_is_refused_with_an_announced_error(client, ada):
    response = log_in(client, "wrong")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not is_signed_in(client)


def test_login_follows_next(client, ada):
    response = client.post(
        "/login/", {"username": "ada", "password": PASSWORD, "next": "/account/profile/"}
    )
    assert response["Location"] == "/account/profile/"


def too_soon(response) -> str:
    """The wait the page asks for, or "" when it asks for none."""
    found = re.search(
        r"Wait (\d+ (?:second|minute)s?) before you try again", response.content.decode()
    )
    return found.group(1) if found else ""


def time_passes(seconds: float) -> None:
    Attempt.objects.update(at=F("at") - timedelta(seconds=seconds))


def failures(kind: str) -> int:
    return Attempt.objects.filter(kind=kind).count()


def test_after_the_free_failures_even_the_right_password_must_wait_and_the_page_says_so(
    client, ada, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        assert log_in(client, "wrong").status_code == 200
    response = log_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed logins" in response.content.decode()
    assert too_soon(response) == "1 second"
    assert not is_signed_in(client)
    time_passes(1.5)
    assert log_in(client, PASSWORD).status_code == 302


def test_each_failure_past_the_free_ones_doubles_the_wait(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong")
    log_in(client, "wrong")
    waits = []
    for seconds in (1, 2, 4, 8):
        waits.append(too_soon(log_in(client, PASSWORD)))
        time_passes(seconds + 0.5)
        assert not too_soon(log_in(client, "wrong"))  # the wait is over: this one is tried
    assert waits == ["1 second", "2 seconds", "4 seconds", "8 seconds"]
    assert too_soon(log_in(client, PASSWORD)) == "16 seconds"


def test_the_wait_stops_growing_at_the_longest_delay(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 1
    settings.LOGIN_MAX_DELAY_MINUTES = 5
    for _ in range(12):
        time_passes(3600)
        log_in(client, "wrong")
    assert too_soon(log_in(client, PASSWORD)) == "5 minutes"


def test_a_try_that_comes_too_soon_is_not_counted(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong")
    log_in(client, "wrong")
    for _ in range(5):
        assert too_soon(log_in(client, "wrong")) == "1 second"
    assert failures(throttle.USERNAME) == 2


def test_failures_are_counted_in_the_database_for_every_process(ada, settings):
    """Two web processes are two clients here: what one counted, the other sees."""
    settings.LOGIN_FAILURE_LIMIT = 2
    first, second = Client(REMOTE_ADDR=GUESSER), Client(REMOTE_ADDR=GUESSER)
    log_in(first, "wrong")
    log_in(second, "wrong")
    assert failures(throttle.USERNAME) == 2 and failures(throttle.ADDRESS) == 2
    assert too_soon(log_in(first, PASSWORD)) == "1 second"
    assert too_soon(log_in(second, PASSWORD)) == "1 second"


def test_failures_keep_no_username_and_no_address(ada):
    log_in(Client(REMOTE_ADDR=GUESSER), "wrong")
    assert set(Attempt.objects.values_list("kind", "key")) == {
        (throttle.USERNAME, attempts.hashed(throttle.USERNAME, "ada")),
        (throttle.ADDRESS, attempts.hashed(throttle.ADDRESS, GUESSER)),
    }
    assert GUESSER not in everything_stored()


def test_the_count_ignores_the_case_of_the_username(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong", username="ADA")
    log_in(client, "wrong", username="Ada")
    assert "Too many failed logins" in log_in(client, PASSWORD).content.decode()


def test_guesses_at_one_username_leave_others_alone(ada, django_user_model, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    django_user_model.objects.create_user("grace", "grace@example.org", PASSWORD)
    guesser = Client(REMOTE_ADDR=GUESSER)
    log_in(guesser, "wrong")
    log_in(guesser, "wrong")
    assert log_in(guesser, PASSWORD, username="grace").status_code == 302


@pytest.mark.parametrize("staff", [False, True])
def test_guesses_from_elsewhere_do_not_slow_a_browser_that_signed_in_before(ada, settings, staff):
    ada.is_staff = staff
    ada.save()
    settings.LOGIN_FAILURE_LIMIT = 3
    owner = Client(REMOTE_ADDR=OWNER_ADDRESS)
    assert log_in(owner, PASSWORD).status_code == 302
    owner.post("/logout/")
    guesser = Client(REMOTE_ADDR=GUESSER)
    for _ in range(30):
        time_passes(3600)
        log_in(guesser, "wrong")
    assert too_soon(log_in(guesser, PASSWORD))
    assert log_in(owner, PASSWORD).status_code == 302


def test_a_new_browser_waits_for_the_guesses_until_it_sets_the_password_by_mail(
    ada, settings, mailoutbox
):
    settings.LOGIN_FAILURE_LIMIT = 3
    guesser = Client(REMOTE_ADDR=GUESSER)

    def guess(times: int) -> None:
        for _ in range(times):
            time_passes(3600)
            log_in(guesser, "wrong")

    guess(6)
    new_browser = Client(REMOTE_ADDR=OWNER_ADDRESS)
    assert too_soon(log_in(new_browser, PASSWORD)) == "8 seconds"
    new = "another long passphrase 93"
    set_password_by_mail(new_browser, mailoutbox, new)
    guess(10)  # the guessing goes on
    assert too_soon(log_in(guesser, new))
    assert log_in(new_browser, new).status_code == 302


def test_the_admins_login_page_is_counted_with_the_sites(client, ada, settings):
    ada.is_staff = True
    ada.save()
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong")
    admin = {"username": "ada", "password": "wrong", "next": "/admin/"}
    assert client.post("/admin/login/", admin).status_code == 200
    response = client.post("/admin/login/", {**admin, "password": PASSWORD})
    assert response.status_code == 200 and too_soon(response) == "1 second"
    time_passes(1.5)
    assert client.post("/admin/login/", {**admin, "password": PASSWORD}).status_code == 302


def test_the_browser_is_remembered_in_a_signed_cookie_scripts_cannot_read(client, ada):
    log_in(client, PASSWORD)
    cookie = client.cookies[throttle.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie.value != "ada" and cookie.value.startswith("ada:")  # signed


def test_an_address_that_guesses_many_usernames_waits_and_other_addresses_do_not(ada, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    guesser = Client(REMOTE_ADDR=GUESSER)
    for name in ("anna", "bo", "cecilia"):
        log_in(guesser, "wrong", username=name)
    assert too_soon(log_in(guesser, PASSWORD)) == "1 second"
    assert log_in(Client(REMOTE_ADDR=OWNER_ADDRESS), PASSWORD).status_code == 302


def test_a_successful_login_clears_the_usernames_count(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.post("/logout/")
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    assert failures(throttle.USERNAME) == 0
    assert failures(throttle.ADDRESS) == 4  # a guesser cannot clear its address by logging in


def test_failures_are_forgotten_after_a_day(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong")
    log_in(client, "wrong")
    time_passes(24 * 3600 + 60)
    assert log_in(client, PASSWORD).status_code == 302


def set_password_by_mail(client, mailoutbox, new: str) -> None:
    client.post("/password-reset/", {"email": "ada@example.org"})
    link = re.search(r"https?://testserver(/password-reset/\S+/\S+/)", mailoutbox[-1].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302 and response["Location"] == "/password-reset/done/"


def test_logout_by_get_is_refused(client, ada):
    client.force_login(ada)
    assert client.get("/logout/").status_code == 405
    assert is_signed_in(client)


def test_logout_by_post_signs_out(client, ada):
    client.force_login(ada)
    response = client.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert not is_signed_in(client)


def test_password_reset_mails_a_link_that_sets_a_new_password(client, ada, mailoutbox):
    assert client.get("/password-reset/").status_code == 200
    response = client.post("/password-reset/", {"email": "ada@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@example.org"] and "\n" not in message.subject
    link = re.search(r"https?://testserver(/password-reset/\S+/\S+/)", message.body).group(1)
    # Django swaps the token for a session marker and redirects to a set-password form.
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "another long passphrase 93"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302 and response["Location"] == "/password-reset/done/"
    ada.refresh_from_db()
    assert ada.check_password(new)
    assert log_in(client, new).status_code == 302


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and response["Location"] == "/password-reset/sent/"
    assert mailoutbox == []


def test_header_shows_account_links_for_a_signed_in_person(client, ada):
    client.force_login(ada)
    html = client.get("/").content.decode()
    assert 'href="/my/"' in html and 'href="/account/profile/"' in html
    assert 'action="/logout/"' in html and "csrfmiddlewaretoken" in html
    assert 'href="/login/"' not in html


def test_anonymous_home_page_shows_login_and_sets_no_cookie(client, settings):
    settings.SIGNUP = "open"
    response = client.get("/")
    html = response.content.decode()
    assert 'href="/login/"' in html and 'href="/signup/"' in html
    assert 'method="post"' not in html and "csrfmiddlewaretoken" not in html  # only search
    assert response.cookies == {}


def test_a_password_reset_refuses_a_weak_password(client, mailoutbox):
    ada = get_user_model().objects.create_user("ada", "ada@example.org", PASSWORD)
    client.post("/password-reset/", {"email": "ada@example.org"})
    link = re.search(r"https?://testserver(/password-reset/\S+/\S+/)", mailoutbox[-1].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "This password is too short." in response.content.decode()
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD), "the old password still works"
