from __future__ import annotations

import re
import time

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db

PASSWORD = "a long and good passphrase 81"


@pytest.fixture(autouse=True)
def no_failures_counted():
    caches["lockout"].clear()
    yield
    caches["lockout"].clear()


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


def test_after_the_limit_even_the_right_password_is_refused_and_the_page_says_why(
    client, ada, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        assert log_in(client, "wrong").status_code == 200
    response = log_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed logins" in response.content.decode()
    assert not is_signed_in(client)


def test_lockout_counts_the_username_whatever_its_case(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    log_in(client, "wrong", username="ADA")
    log_in(client, "wrong", username="Ada")
    assert "Too many failed logins" in log_in(client, PASSWORD).content.decode()


def test_lockout_of_one_username_leaves_others_alone(client, ada, django_user_model, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    django_user_model.objects.create_user("grace", "grace@example.org", PASSWORD)
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD, username="grace").status_code == 302


def test_lockout_expires(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    settings.LOGIN_LOCKOUT_MINUTES = 0.05  # 3 seconds: room for a busy machine
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 200
    time.sleep(3.2)
    assert log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_clears_the_count(client, ada, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.post("/logout/")
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302


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
