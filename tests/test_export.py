"""Download everything: asked for on My presentations, built as the worker builds it, and a
ZIP holding every original, PDF, transcript and detail of the person's decks, and no one
else's."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Collection, Visibility
from slideshelf.studio.exports import build
from slideshelf.studio.models import Export
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
PPTX = CORPUS / "pptx/mkd_test.pptx"


@pytest.fixture
def ada(media):
    ada = get_user_model().objects.create_user("ada", password="pw")
    event = Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=ada)
    convert_now(upload(PPTX, owner=ada, title="AutoGen talk", tags=["ai"], collection=event))
    convert_now(upload(PDF, owner=ada, title="Umlauts", visibility=Visibility.PRIVATE))
    eve = get_user_model().objects.create_user("eve", password="pw")
    convert_now(upload(PDF, owner=eve, title="Eve's own"))
    return ada


def built(client) -> Export:
    """Ask on the page, then build as the worker's task would (the seam: the queue itself is
    django-tasks', tested with conversions)."""
    assert client.post("/my/export/").status_code == 302
    export = Export.objects.get()
    assert export.state == Export.State.QUEUED
    build(export.pk)
    export.refresh_from_db()
    return export


def test_the_zip_holds_every_deck_its_files_and_its_details(client, ada):
    client.force_login(ada)
    export = built(client)
    assert export.state == Export.State.READY and export.deck_count == 2
    page = client.get("/my/").content.decode()
    assert f'href="/my/export/{export.pk}/" download' in page
    response = client.get(f"/my/export/{export.pk}/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    document = json.loads(archive.read("slideshelf-export.json"))
    assert document["owner"] == "ada" and document["format"] == 1
    titles = [deck["title"] for deck in document["decks"]]
    assert titles == ["AutoGen talk", "Umlauts"], "the private one too, and not Eve's"
    talk = document["decks"][0]
    assert talk["tags"] == ["ai"] and talk["collection"] == "kommundagen"
    assert len(talk["slides"]) == 6
    assert any("ColA | ColB" in table for slide in talk["slides"] for table in slide["tables"])
    assert archive.read(talk["files"]["original"]) == PPTX.read_bytes(), "the original, as sent"
    assert archive.read(talk["files"]["pdf"]).startswith(b"%PDF")
    assert archive.read(talk["files"]["transcript"]).decode().startswith("# AutoGen talk")
    assert document["collections"] == [
        {"slug": "kommundagen", "name": "Kommundagen", "date": None, "place": "", "description": ""}
    ]


def test_its_owner_is_told_by_e_mail_in_their_language_where_to_find_it(client, ada, mailoutbox):
    ada.email = "ada@example.se"
    ada.save()
    client.force_login(ada)
    client.get("/language/sv/?next=/my/")  # the language cookie
    built(client)
    [mail] = mailoutbox
    assert mail.to == ["ada@example.se"] and mail.subject == "Din slideshelf-export är klar"
    assert "http://testserver/my/" in mail.body and "ZIP" in mail.body


def test_asking_again_while_it_is_built_gives_the_same_export(client, ada):
    client.force_login(ada)
    client.post("/my/export/")
    client.post("/my/export/")
    assert Export.objects.count() == 1
    assert "being built" in client.get("/my/").content.decode()


def test_a_newer_export_replaces_the_older(client, ada):
    from django.core.files.storage import default_storage

    client.force_login(ada)
    first = built(client)
    client.post("/my/export/")
    second = Export.objects.exclude(pk=first.pk).get()
    build(second.pk)
    assert list(Export.objects.values_list("pk", flat=True)) == [second.pk]
    assert not default_storage.exists(first.file.name)


def test_only_its_owner_downloads_it(client, ada):
    client.force_login(ada)
    export = built(client)
    client.force_login(get_user_model().objects.get(username="eve"))
    assert client.get(f"/my/export/{export.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/my/export/{export.pk}/").status_code == 302
