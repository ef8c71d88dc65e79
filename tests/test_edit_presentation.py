from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Presentation, Visibility
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("owner", password="pw")


@pytest.fixture
def deck(media, owner):
    return convert_now(upload(PDF, owner=owner, title="Old title", tags=["alpha"]))


def edit_url(deck):
    return f"/my/{deck.public_id}/edit/"


DETAILS = {
    "title": "New title",
    "description": "Now with a description",
    "tags": "beta, gamma",
    "language": "sv",
    "visibility": "unlisted",
}


def test_owner_edits_the_details_and_the_old_address_redirects(client, owner, deck):
    old_url = deck.get_absolute_url()
    client.force_login(owner)
    assert "Old title" in client.get(edit_url(deck)).content.decode()
    response = client.post(edit_url(deck), DETAILS)
    assert response.status_code == 302
    deck.refresh_from_db()
    assert (deck.title, deck.language, deck.visibility) == ("New title", "sv", Visibility.UNLISTED)
    assert deck.download_allowed is False  # an unticked box is a no
    assert sorted(t.name for t in deck.tags.all()) == ["beta", "gamma"]
    assert client.get(old_url)["Location"] == deck.get_absolute_url()
    assert deck.public_id in deck.get_absolute_url()


def test_invalid_details_are_refused_and_nothing_changes(client, owner, deck):
    client.force_login(owner)
    response = client.post(edit_url(deck), {**DETAILS, "language": "not a code!"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Presentation.objects.get(pk=deck.pk).title == "Old title"


def test_another_user_gets_404_and_anonymous_is_sent_to_log_in(client, deck):
    response = client.get(edit_url(deck))
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    other = get_user_model().objects.create_user("other", password="pw")
    client.force_login(other)
    assert client.get(edit_url(deck)).status_code == 404
    assert client.post(edit_url(deck), DETAILS).status_code == 404
    assert Presentation.objects.get(pk=deck.pk).title == "Old title"
