from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Visibility
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("owner", password="pw")


@pytest.fixture
def deck(media, owner):
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def test_page_shows_title_images_and_numbered_transcript(client, deck):
    response = client.get(deck.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "A presentation on the topic: AutoGen talk" in html
    assert html.count('<img src="/p/') == 6
    assert 'id="slide-6"' in html and "ColA | ColB" in html
    assert f'href="/p/{deck.public_id}/download/"' in html


def test_short_and_stale_addresses_redirect_to_the_canonical_one(client, deck):
    assert client.get(f"/p/{deck.public_id}/")["Location"] == deck.get_absolute_url()
    stale = client.get(f"/p/{deck.public_id}/old-name/3/")
    assert stale.status_code == 301
    assert stale["Location"] == deck.get_absolute_url() + "3/"


def test_private_deck_is_404_for_others_and_shown_to_its_owner(client, deck, owner):
    deck.visibility = Visibility.PRIVATE
    deck.save()
    assert client.get(deck.get_absolute_url()).status_code == 404
    image = deck.slides.first().image_url()
    assert client.get(image).status_code == 404
    assert client.get(f"/p/{deck.public_id}/download/").status_code == 404
    client.force_login(owner)
    assert client.get(deck.get_absolute_url()).status_code == 200


def test_download_of_the_original_is_an_attachment_with_its_name(client, deck):
    response = client.get(f"/p/{deck.public_id}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mkd_test.pptx"'
    assert b"".join(response.streaming_content)[:2] == b"PK"
    pdf = client.get(f"/p/{deck.public_id}/download/pdf/")
    assert pdf["Content-Type"] == "application/pdf"


def test_download_is_404_when_the_owner_does_not_allow_it(client, deck):
    deck.download_allowed = False
    deck.save()
    assert client.get(f"/p/{deck.public_id}/download/").status_code == 404
    assert "download/" not in client.get(deck.get_absolute_url()).content.decode()


def test_slide_images_are_cached_for_good_under_their_revision(client, deck):
    response = client.get(deck.slides.first().image_url())
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    old = f"/p/{deck.public_id}/r{deck.revision + 1}/1.webp"
    assert client.get(old).status_code == 404


def test_failed_deck_page_says_why(client, media):
    failed = convert_now(upload(CORPUS / "broken/unst_password.pdf"))
    html = client.get(failed.get_absolute_url()).content.decode()
    assert "password-protected" in html
