from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from slideshelf.accounts.models import Invitation, SignupRequest
from slideshelf.lib.env import ConfigError, env_choice
from tests.passwords import WEAK_PASSWORDS
from tests.stored import everything_stored

pytestmark = pytest.mark.django_db

User = get_user_model()

PASSWORD = "a long and good passphrase 81"


def signup_data(**changes):
    data = {
        "username": "ada",
        "email": "ada@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def signed_in_username(client):
    response = client.get("/account/profile/")
    return response.context["user"].username if response.status_code == 200 else None


def link_in(message) -> str:
    return re.search(r"https?://testserver(/signup/confirm/\S+/)", message.body).group(1)


def sign_up_and_confirm(client, mailoutbox, **changes):
    response = client.post("/signup/", signup_data(**changes))
    assert response.status_code == 302 and response["Location"] == "/signup/sent/"
    return client.post(link_in(mailoutbox[-1]))


def test_open_signup_mails_a_link_that_makes_the_account_and_logs_in(client, settings, mailoutbox):
    settings.SIGNUP = "open"
    assert client.get("/signup/").status_code == 200
    response = client.post("/signup/", signup_data())
    assert response.status_code == 302 and response["Location"] == "/signup/sent/"
    assert "Check your e-mail" in client.get("/signup/sent/").content.decode()
    assert not User.objects.exists()
    [message] = mailoutbox
    assert message.to == ["ada@example.org"] and "\n" not in message.subject
    assert "the username ada" in message.body
    page = client.get(link_in(message))
    assert page.status_code == 200 and "Your username will be ada." in page.content.decode()
    assert not User.objects.exists()  # a mail scanner opening the link makes nothing
    response = client.post(link_in(message))
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(username="ada")
    assert user.email == "ada@example.org" and user.check_password(PASSWORD)
    assert signed_in_username(client) == "ada"
    assert not SignupRequest.objects.exists()


def test_a_link_works_once(client, settings, mailoutbox):
    settings.SIGNUP = "open"
    sign_up_and_confirm(client, mailoutbox)
    client.post("/logout/")
    response = client.post(link_in(mailoutbox[-1]))
    assert response.status_code == 400
    assert "has been used or is more than a day old" in response.content.decode()
    assert client.get(link_in(mailoutbox[-1])).status_code == 404
    assert User.objects.count() == 1


def test_a_link_stops_working_after_a_day(client, settings, mailoutbox):
    settings.SIGNUP = "open"
    client.post("/signup/", signup_data())
    SignupRequest.objects.update(
        created_at=SignupRequest.objects.get().created_at - timedelta(hours=25)
    )
    assert client.get(link_in(mailoutbox[-1])).status_code == 404
    assert client.post(link_in(mailoutbox[-1])).status_code == 400
    assert not User.objects.exists()


def test_a_made_up_link_makes_nothing(client, settings):
    settings.SIGNUP = "open"
    assert client.post("/signup/confirm/not-a-real-secret/").status_code == 400
    assert not User.objects.exists()


def test_the_database_keeps_only_a_hash_of_the_link(client, settings, mailoutbox):
    settings.SIGNUP = "open"
    client.post("/signup/", signup_data())
    secret = link_in(mailoutbox[-1]).split("/")[-2]
    assert secret not in everything_stored()
    assert PASSWORD not in everything_stored()


def test_signing_up_with_an_address_that_has_an_account_looks_the_same_as_a_new_one(
    settings, django_user_model, mailoutbox
):
    settings.SIGNUP = "open"
    django_user_model.objects.create_user("grace", "Ada@Example.org", "x")
    new = Client().post("/signup/", signup_data(email="new@example.org"), REMOTE_ADDR="192.0.2.1")
    taken = Client().post("/signup/", signup_data(), REMOTE_ADDR="192.0.2.2")
    assert taken.status_code == new.status_code == 302
    assert dict(taken.headers) == dict(new.headers)
    assert taken.cookies.keys() == new.cookies.keys() and taken.content == new.content
    # Only the address's owner learns the difference, from the message.
    exists, made = sorted(mailoutbox, key=lambda message: message.to[0])
    assert exists.to == ["ada@example.org"] and "the username grace" in exists.body
    assert "/password-reset/" in exists.body and "/signup/confirm/" not in exists.body
    assert made.to == ["new@example.org"] and "/signup/confirm/" in made.body
    assert django_user_model.objects.count() == 1
    assert SignupRequest.objects.get().email == "new@example.org"


def test_a_second_sign_up_for_one_address_is_told_at_the_link_that_it_has_an_account(
    settings, mailoutbox
):
    settings.SIGNUP = "open"
    first, second = Client(), Client()
    first.post("/signup/", signup_data(username="ada"))
    second.post("/signup/", signup_data(username="ada2"))
    first_link, second_link = (link_in(message) for message in mailoutbox)
    assert second.post(second_link).status_code == 302
    response = first.post(first_link)
    assert response.status_code == 400
    assert "already has an account" in response.content.decode()
    assert list(User.objects.values_list("username", flat=True)) == ["ada2"]


def test_a_username_taken_before_the_link_is_opened_is_explained(
    client, settings, mailoutbox, django_user_model
):
    settings.SIGNUP = "open"
    client.post("/signup/", signup_data())
    django_user_model.objects.create_user("ADA", "someone@example.org", "x")
    response = client.post(link_in(mailoutbox[-1]))
    assert response.status_code == 400
    assert "Someone took this username" in response.content.decode()
    assert django_user_model.objects.count() == 1


def test_one_address_may_sign_up_so_often_an_hour(settings, mailoutbox):
    settings.SIGNUP = "open"
    settings.SIGNUPS_PER_HOUR = 2
    for n in range(2):
        response = Client().post(
            "/signup/", signup_data(email=f"p{n}@example.org"), REMOTE_ADDR="192.0.2.1"
        )
        assert response.status_code == 302
    refused = Client().post(
        "/signup/", signup_data(email="p2@example.org"), REMOTE_ADDR="192.0.2.1"
    )
    assert refused.status_code == 429
    assert "Too many sign-ups have come from your network" in refused.content.decode()
    assert len(mailoutbox) == 2
    other = Client().post("/signup/", signup_data(email="p3@example.org"), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302 and len(mailoutbox) == 3


def test_a_form_with_mistakes_is_not_counted(client, settings):
    settings.SIGNUP = "open"
    settings.SIGNUPS_PER_HOUR = 1
    client.post("/signup/", signup_data(password2="something else entirely 42"))
    assert client.post("/signup/", signup_data()).status_code == 302


def test_one_e_mail_address_gets_so_many_messages_a_day_and_the_page_does_not_change(
    settings, mailoutbox, django_user_model
):
    settings.SIGNUP = "open"
    settings.ACCOUNT_MAILS_PER_DAY = 2
    answers = [
        Client().post("/signup/", signup_data(), REMOTE_ADDR=f"192.0.2.{n}") for n in range(1, 4)
    ]
    assert [(a.status_code, a["Location"]) for a in answers] == [(302, "/signup/sent/")] * 3
    assert len(mailoutbox) == 2
    assert SignupRequest.objects.count() == 2


def test_sign_ups_keep_no_client_address(settings):
    settings.SIGNUP = "open"
    Client().post("/signup/", signup_data(), REMOTE_ADDR="192.0.2.77")
    assert "192.0.2.77" not in everything_stored()


def test_signup_page_labels_every_input_and_has_one_heading(client, settings):
    settings.SIGNUP = "open"
    html = client.get("/signup/").content.decode()
    assert html.count("<h1") == 1
    for name in ("username", "email", "password1", "password2"):
        assert f'<label for="id_{name}"' in html and f'id="id_{name}"' in html
    assert 'name="invitation"' not in html


def test_invite_signup_requires_a_code(client, settings):
    settings.SIGNUP = "invite"
    assert 'name="invitation"' in client.get("/signup/").content.decode()
    response = client.post("/signup/", signup_data())
    assert response.status_code == 200
    assert response.context["form"].errors["invitation"]
    assert not User.objects.exists()


def test_invite_signup_refuses_a_wrong_code(client, settings):
    settings.SIGNUP = "invite"
    Invitation.objects.create()
    response = client.post("/signup/", signup_data(invitation="not-a-real-code"))
    assert response.status_code == 200
    assert "not valid or has been used" in response.content.decode()
    assert not User.objects.exists()


def test_invite_signup_with_a_valid_code_spends_the_code_when_the_account_is_made(
    client, settings, mailoutbox
):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create()
    client.post("/signup/", signup_data(invitation=invitation.code))
    invitation.refresh_from_db()
    assert not invitation.is_used
    assert client.post(link_in(mailoutbox[-1])).status_code == 302
    invitation.refresh_from_db()
    assert invitation.is_used and invitation.used_by == User.objects.get(username="ada")
    assert signed_in_username(client) == "ada"


def test_a_used_invitation_code_cannot_be_used_again(client, settings, mailoutbox):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create()
    sign_up_and_confirm(client, mailoutbox, invitation=invitation.code)
    client.post("/logout/")
    response = client.post(
        "/signup/", signup_data(username="bob", email="bob@example.org", invitation=invitation.code)
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="bob").exists()


def test_an_invitation_spent_before_the_link_is_opened_makes_nothing(settings, mailoutbox):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create()
    first, second = Client(), Client()
    first.post("/signup/", signup_data(invitation=invitation.code))
    second.post(
        "/signup/", signup_data(username="bob", email="bob@example.org", invitation=invitation.code)
    )
    first_link, second_link = (link_in(message) for message in mailoutbox)
    assert second.post(second_link).status_code == 302
    response = first.post(first_link)
    assert response.status_code == 400
    assert "not valid or has been used" in response.content.decode()
    assert list(User.objects.values_list("username", flat=True)) == ["bob"]


def test_an_invitation_for_one_address_refuses_another(client, settings):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create(email="grace@example.org")
    response = client.post("/signup/", signup_data(invitation=invitation.code))
    assert response.status_code == 200
    assert not SignupRequest.objects.exists()
    response = client.post(
        "/signup/", signup_data(email="Grace@Example.org", invitation=invitation.code)
    )
    assert response.status_code == 302


def test_invitation_codes_are_long_and_different():
    first, second = Invitation.objects.create(), Invitation.objects.create()
    assert len(first.code) >= 32 and first.code != second.code


def test_closed_signup_says_so_with_403_and_creates_nobody(client, settings, mailoutbox):
    settings.SIGNUP = "closed"
    response = client.get("/signup/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sign-up is closed" in html and "<form" not in html.split("<main", 1)[1]
    response = client.post("/signup/", signup_data())
    assert response.status_code == 403
    assert not User.objects.exists() and mailoutbox == []


def test_links_made_before_sign_up_closed_make_nothing(client, settings, mailoutbox):
    settings.SIGNUP = "open"
    client.post("/signup/", signup_data())
    settings.SIGNUP = "closed"
    assert client.post(link_in(mailoutbox[-1])).status_code == 403
    assert not User.objects.exists()


def test_closed_signup_hides_the_sign_up_link(client, settings):
    settings.SIGNUP = "closed"
    assert 'href="/signup/"' not in client.get("/login/").content.decode()
    settings.SIGNUP = "open"
    assert 'href="/signup/"' in client.get("/login/").content.decode()


def test_password_mismatch_is_refused_with_an_announced_error(client, settings):
    settings.SIGNUP = "open"
    response = client.post("/signup/", signup_data(password2="something else entirely 42"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_password2_error" role="alert"' in html
    assert 'aria-describedby="id_password2_error' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.exists()


def test_duplicate_username_is_refused_as_every_profile_page_would_tell(
    client, settings, django_user_model
):
    settings.SIGNUP = "open"
    django_user_model.objects.create_user("Ada", "other@example.org", "x")
    response = client.post("/signup/", signup_data())
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert django_user_model.objects.count() == 1


def test_an_address_with_an_account_gets_no_second_one(client, settings, django_user_model):
    settings.SIGNUP = "open"
    django_user_model.objects.create_user("grace", "ADA@example.org", "x")
    response = client.post("/signup/", signup_data())
    assert response.status_code == 302
    assert django_user_model.objects.count() == 1 and not SignupRequest.objects.exists()


@pytest.mark.parametrize("missing", ["username", "email", "password1", "password2"])
def test_missing_field_is_refused(client, settings, missing):
    settings.SIGNUP = "open"
    response = client.post("/signup/", signup_data(**{missing: None}))
    assert response.status_code == 200
    assert response.context["form"].errors[missing]
    assert not User.objects.exists()


def test_signup_setting_refuses_an_unknown_mode(monkeypatch):
    monkeypatch.setenv("SLIDESHELF_SIGNUP", "sometimes")
    with pytest.raises(ConfigError, match="SLIDESHELF_SIGNUP must be one of open, invite, closed"):
        env_choice("SIGNUP", "open", ("open", "invite", "closed"))
    monkeypatch.setenv("SLIDESHELF_SIGNUP", "Invite")
    assert env_choice("SIGNUP", "open", ("open", "invite", "closed")) == "invite"


@pytest.mark.parametrize(("password", "english", "swedish"), WEAK_PASSWORDS)
def test_a_weak_password_is_refused_in_the_visitors_language(
    client, settings, password, english, swedish
):
    settings.SIGNUP = "open"
    for language, says in (("en", english), ("sv", swedish)):
        response = client.post(
            "/signup/",
            signup_data(password1=password, password2=password),
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 200
        assert says in response.content.decode(), language
    assert not User.objects.exists()
