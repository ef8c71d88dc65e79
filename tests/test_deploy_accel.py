"""Files handed to nginx (SLIDESHELF_ACCEL_REDIRECT): the same answer as a streamed file, with
no body and the file's place in nginx's internal location instead. nginx sending it for real
is tests/test_deploy_nginx.py's."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from slideshelf.presentations.models import Visibility
from slideshelf.studio.lifecycle import create_presentation
from slideshelf.studio.models import Export
from tests.factories import deck_with_slides, upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% not much of a PDF, but its bytes are what is checked\n%%EOF\n"
SENT_BY_BOTH = ("Content-Type", "Content-Disposition", "Cache-Control", "X-Content-Type-Options")


@pytest.fixture
def ada(media):
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def addresses(ada, tmp_path):
    """Each file view's address for one of Ada's private decks, and the stored name it sends."""
    named = tmp_path / "Årsmöte 2024.pdf"
    named.write_bytes(PDF)
    deck = upload(named, owner=ada, visibility=Visibility.PRIVATE)
    deck.pdf.name = default_storage.save(f"{deck.media_folder}/deck.pdf", ContentFile(PDF))
    deck.save()
    slides = deck_with_slides(1, owner=ada, visibility=Visibility.PRIVATE)
    export = Export.objects.create(
        owner=ada,
        state=Export.State.READY,
        file=default_storage.save("exports/ada-export.zip", ContentFile(b"PK\x05\x06" + bytes(18))),
    )
    return {
        "original": (f"/p/{deck.public_id}/download/", deck.original.name),
        "pdf": (f"/p/{deck.public_id}/download/pdf/", deck.pdf.name),
        "slide image": (f"{slides.slide_image_prefix}1.webp", f"{slides.media_prefix()}/1.webp"),
        "export": (f"/my/export/{export.pk}/", export.file.name),
    }


@pytest.mark.parametrize("view", ["original", "pdf", "slide image", "export"])
def test_with_accel_redirect_nginx_is_handed_the_file_with_the_headers_it_would_have(
    client, settings, ada, addresses, view
):
    address, name = addresses[view]
    client.force_login(ada)
    streamed = client.get(address)
    settings.ACCEL_REDIRECT = "/_media/"
    handed = client.get(address)
    assert streamed.status_code == handed.status_code == 200
    assert b"".join(streamed.streaming_content) == default_storage.open(name).read()
    assert "X-Accel-Redirect" not in streamed
    assert handed.content == b""
    assert handed["X-Accel-Redirect"].startswith("/_media/")
    assert [handed.get(header) for header in SENT_BY_BOTH] == [
        streamed.get(header) for header in SENT_BY_BOTH
    ]


def test_the_handed_name_is_url_quoted_for_nginx_to_unquote(client, settings, ada, addresses):
    settings.ACCEL_REDIRECT = "/_media/"
    client.force_login(ada)
    address, name = addresses["original"]
    assert name.endswith("/Årsmöte_2024.pdf")
    response = client.get(address)
    assert response["X-Accel-Redirect"] == (
        "/_media/" + name.replace("Årsmöte", "%C3%85rsm%C3%B6te")
    )
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%C3%85rsm%C3%B6te%202024.pdf"
    )


def test_nothing_is_handed_to_nginx_for_a_visitor_who_may_not_see_the_deck(
    client, settings, addresses
):
    settings.ACCEL_REDIRECT = "/_media/"
    for address, _ in addresses.values():
        response = client.get(address)
        assert response.status_code in (404, 302), address  # 302: the export asks to log in
        assert "X-Accel-Redirect" not in response


def test_a_missing_file_is_a_404_from_the_site_not_nginx(client, settings, ada, addresses):
    settings.ACCEL_REDIRECT = "/_media/"
    client.force_login(ada)
    address, name = addresses["pdf"]
    default_storage.delete(name)
    response = client.get(address)
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


def test_files_in_a_store_nginx_cannot_open_are_streamed_even_with_the_setting(
    client, settings, ada
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    settings.ACCEL_REDIRECT = "/_media/"
    deck = create_presentation(BytesIO(PDF), "talk.pdf", owner=ada)
    client.force_login(ada)
    response = client.get(f"/p/{deck.public_id}/download/")
    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == PDF
