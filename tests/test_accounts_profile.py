from __future__ import annotations

import pytest

from slideshelf.accounts.models import Profile, display_name_of, profile_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", "ada@example.org", "x")


def test_profile_page_requires_login(client):
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/account/profile/"


def test_profile_is_made_on_first_visit(client, ada):
    client.force_login(ada)
    response = client.get("/account/profile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<label for="id_display_name"' in html and '<label for="id_bio"' in html
    assert Profile.objects.filter(user=ada).exists()


def test_profile_edit_saves_and_shows_the_name_in_the_header(client, ada):
    client.force_login(ada)
    response = client.post(
        "/account/profile/", {"display_name": "Ada Lovelace", "bio": "Notes on engines."}
    )
    assert response.status_code == 302 and response["Location"] == "/account/profile/"
    profile = Profile.objects.get(user=ada)
    assert (profile.display_name, profile.bio) == ("Ada Lovelace", "Notes on engines.")
    html = client.get("/account/profile/").content.decode()
    assert "Your profile has been saved." in html
    assert '<a href="/account/profile/">Ada Lovelace</a>' in html


def test_too_long_bio_is_refused_with_an_announced_error(client, ada):
    client.force_login(ada)
    response = client.post("/account/profile/", {"display_name": "Ada", "bio": "x" * 501})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_bio_error" role="alert"' in html
    assert 'aria-describedby="id_bio_error id_bio_helptext"' in html
    assert profile_of(ada).bio == ""


def test_profile_of_makes_one_profile_and_reuses_it(ada):
    assert profile_of(ada).pk == profile_of(ada).pk
    assert Profile.objects.count() == 1


def test_display_name_falls_back_to_the_username_without_writing(ada):
    assert display_name_of(ada) == "ada"
    assert not Profile.objects.exists()
