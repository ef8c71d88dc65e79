from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from slideshelf.accounts.models import Invitation
from slideshelf.lib.env import ConfigError, env_choice

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


def test_open_signup_creates_the_user_and_logs_them_in(client, settings):
    settings.SIGNUP = "open"
    assert client.get("/signup/").status_code == 200
    response = client.post("/signup/", signup_data())
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(username="ada")
    assert user.email == "ada@example.org" and user.check_password(PASSWORD)
    assert signed_in_username(client) == "ada"


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


def test_invite_signup_with_a_valid_code_creates_the_user_and_spends_the_code(client, settings):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create()
    response = client.post("/signup/", signup_data(invitation=invitation.code))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.is_used and invitation.used_by == User.objects.get(username="ada")
    assert signed_in_username(client) == "ada"


def test_a_used_invitation_code_cannot_be_used_again(client, settings):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create()
    client.post("/signup/", signup_data(invitation=invitation.code))
    client.post("/logout/")
    response = client.post(
        "/signup/", signup_data(username="bob", email="bob@example.org", invitation=invitation.code)
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="bob").exists()


def test_an_invitation_for_one_address_refuses_another(client, settings):
    settings.SIGNUP = "invite"
    invitation = Invitation.objects.create(email="grace@example.org")
    response = client.post("/signup/", signup_data(invitation=invitation.code))
    assert response.status_code == 200
    assert not User.objects.exists()
    response = client.post(
        "/signup/", signup_data(email="Grace@Example.org", invitation=invitation.code)
    )
    assert response.status_code == 302


def test_invitation_codes_are_long_and_different():
    first, second = Invitation.objects.create(), Invitation.objects.create()
    assert len(first.code) >= 32 and first.code != second.code


def test_closed_signup_says_so_with_403_and_creates_nobody(client, settings):
    settings.SIGNUP = "closed"
    response = client.get("/signup/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sign-up is closed" in html and "<form" not in html.split("<main", 1)[1]
    response = client.post("/signup/", signup_data())
    assert response.status_code == 403
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


def test_duplicate_username_is_refused(client, settings, django_user_model):
    settings.SIGNUP = "open"
    django_user_model.objects.create_user("Ada", "other@example.org", "x")
    response = client.post("/signup/", signup_data())
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert django_user_model.objects.count() == 1


def test_duplicate_email_is_refused(client, settings, django_user_model):
    settings.SIGNUP = "open"
    django_user_model.objects.create_user("grace", "ADA@example.org", "x")
    response = client.post("/signup/", signup_data())
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert django_user_model.objects.count() == 1


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
