"""The original's download: sent as what its content is, never as what its name says."""

from __future__ import annotations

import shutil

import pytest

from slideshelf.conversion.sniff import EXTENSIONS
from slideshelf.conversion.types import FileType
from slideshelf.pages.views.files import download_name
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def download(client, deck):
    response = client.get(f"/p/{deck.public_id}/download/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return response, body


def test_a_powerpoint_file_named_pdf_is_sent_as_powerpoint_named_pptx(client, media, tmp_path):
    named_pdf = shutil.copy(CORPUS / "pptx/mkd_test.pptx", tmp_path / "talk.pdf")
    deck = convert_now(upload(named_pdf))
    assert deck.conversion.status == "ready"
    response, body = download(client, deck)
    assert response["Content-Type"] == PPTX
    assert response["Content-Disposition"] == 'attachment; filename="talk.pptx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body[:2] == b"PK", "the original, unaltered"
    page = client.get(deck.get_absolute_url()).content.decode()
    assert '<span class="meta">PPTX, ' in page, "the page names the type the download has"


def test_a_pdf_named_pptx_is_sent_as_a_pdf(client, media, tmp_path):
    named_pptx = shutil.copy(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", tmp_path / "Föredrag.pptx")
    deck = convert_now(upload(named_pptx))
    response, body = download(client, deck)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == ("attachment; filename*=utf-8''F%C3%B6redrag.pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body.startswith(b"%PDF-")


def test_an_original_that_never_converted_is_sent_as_unknown_bytes(client, media):
    failed = convert_now(upload(CORPUS / "broken/unst_password.pdf"))
    assert failed.conversion.status == "failed"
    response, _ = download(client, failed)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="unst_password.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "detected", "sent_as"),
    [
        ("deck.pptx", FileType.PPTX, "deck.pptx"),
        ("Show.PPSX", FileType.PPTX, "Show.PPSX"),  # a name of the family stays
        ("macros.pptm", FileType.PPTX, "macros.pptm"),
        ("talk.pdf", FileType.PPTX, "talk.pptx"),
        ("slides.key", FileType.PDF, "slides.pdf"),
        ("no extension", FileType.ODP, "no extension.odp"),
        ("bell\x07.pdf", FileType.PDF, "bell.pdf"),
        ("what.pdf", None, "what.pdf"),  # unknown: nothing to go by but the name
    ],
)
def test_the_download_is_named_for_what_the_file_is(name, detected, sent_as):
    assert download_name(name, detected) == sent_as


def test_every_file_type_has_a_content_type_and_the_names_the_upload_form_accepts():
    assert all(kind.media_type.startswith("application/") for kind in FileType)
    named = {f".{extension}" for kind in FileType for extension in kind.extensions}
    assert named == set(EXTENSIONS)
