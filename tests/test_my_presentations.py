from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from slideshelf.conversion.messages import message
from slideshelf.conversion.models import Status
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import files_in, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def owner():
    return make_user("ada")


@pytest.fixture
def failed(owner, media):
    deck = upload(PDF, owner=owner, title="Broken deck", visibility="private")
    deck.conversion.fail(message("LibreOffice is missing."))
    return deck


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/my/")


def test_owner_sees_own_decks_newest_first_with_status_and_error(client, owner, failed):
    newer = upload(PDF, owner=owner, title="Newer deck")
    failed.created_at = timezone.now() - timedelta(minutes=5)
    failed.save()
    upload(PDF, owner=make_user("bob"), title="Bob's deck")
    client.force_login(owner)
    page = client.get("/my/").content.decode()
    assert page.index("Newer deck") < page.index("Broken deck")
    assert "Bob&#x27;s deck" not in page
    assert "LibreOffice is missing." in page
    assert "Try again" in page
    assert f"/p/{failed.public_id}/delete/" in page
    assert f"/p/{newer.public_id}/delete/" in page
    assert page.count("Try again<") == 1


def test_other_user_does_not_see_someone_elses_decks(client, failed):
    client.force_login(make_user("bob"))
    page = client.get("/my/").content.decode()
    assert "Broken deck" not in page


def test_owner_can_try_a_failed_deck_again(client, owner, failed):
    client.force_login(owner)
    response = client.post(f"/my/{failed.public_id}/retry/")
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    failed.refresh_from_db()
    assert (failed.conversion.status, failed.conversion.failure_english) == (Status.QUEUED, "")
    assert convert_now(failed).conversion.status == Status.READY


def test_staff_can_try_someone_elses_deck_again(client, failed):
    client.force_login(make_user("admin", is_staff=True))
    assert client.post(f"/my/{failed.public_id}/retry/").status_code == 302
    failed.refresh_from_db()
    assert failed.conversion.status == Status.QUEUED


def test_other_user_gets_404_trying_someone_elses_deck_again(client, failed):
    client.force_login(make_user("bob"))
    assert client.post(f"/my/{failed.public_id}/retry/").status_code == 404
    failed.refresh_from_db()
    assert failed.conversion.status == Status.FAILED


def test_anonymous_retry_is_sent_to_login(client, failed):
    response = client.post(f"/my/{failed.public_id}/retry/")
    assert response["Location"].startswith("/login/")
    failed.refresh_from_db()
    assert failed.conversion.status == Status.FAILED


def test_retry_leaves_a_ready_deck_alone(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner))
    client.force_login(owner)
    assert client.post(f"/my/{deck.public_id}/retry/").status_code == 302
    deck.refresh_from_db()
    assert deck.conversion.status == Status.READY


def test_retry_refuses_get(client, owner, failed):
    client.force_login(owner)
    assert client.get(f"/my/{failed.public_id}/retry/").status_code == 405


def test_delete_asks_for_confirmation_first(client, owner, failed):
    client.force_login(owner)
    response = client.get(f"/p/{failed.public_id}/delete/")
    assert response.status_code == 200
    assert "Broken deck" in response.content.decode()
    assert Presentation.objects.filter(pk=failed.pk).exists()


def test_owner_deletes_deck_with_original_pdf_and_images(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner, title="Doomed"))
    keep = convert_now(upload(PDF, owner=owner, title="Kept"))
    assert deck.conversion.status == Status.READY and deck.pdf
    # An older revision's folder, as a re-conversion leaves behind.
    default_storage.save(f"{deck.media_prefix(deck.revision + 7)}/1.webp", ContentFile(b"old"))
    kept_files = {p for p in files_in(media) if keep.public_id in str(p)}
    client.force_login(owner)
    response = client.post(f"/p/{deck.public_id}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    assert not Presentation.objects.filter(pk=deck.pk).exists()
    assert not (media / "decks" / deck.public_id).exists()
    assert not (media / "originals" / deck.public_id).exists()
    assert not any(deck.public_id in str(p) for p in files_in(media))
    assert files_in(media) == kept_files
    page = client.get("/my/").content.decode()
    assert "“Doomed” is deleted." in page
    assert f"/p/{deck.public_id}/delete/" not in page


def test_staff_can_delete_someone_elses_deck(client, failed, media):
    client.force_login(make_user("admin", is_staff=True))
    assert client.post(f"/p/{failed.public_id}/delete/").status_code == 302
    assert Presentation.objects.count() == 0
    assert files_in(media) == set()


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_user_gets_404_deleting_someone_elses_deck(client, failed, media, method):
    before = files_in(media)
    client.force_login(make_user("bob"))
    response = getattr(client, method)(f"/p/{failed.public_id}/delete/")
    assert response.status_code == 404
    assert Presentation.objects.filter(pk=failed.pk).exists()
    assert files_in(media) == before


@pytest.mark.parametrize("visibility", ["public", "private"])
def test_anonymous_delete_is_sent_to_login(client, owner, media, visibility):
    deck = upload(PDF, owner=owner, visibility=visibility)
    response = client.post(f"/p/{deck.public_id}/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert Presentation.objects.filter(pk=deck.pk).exists()
