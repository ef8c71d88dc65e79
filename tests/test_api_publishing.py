"""Publishing through the API with real files: upload (converted by the real pipeline),
change details, a new file, delete, the conversion's state; who may, and the limits."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from slideshelf.accounts import tokens
from slideshelf.presentations.models import Collection, Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, deck_with_slides

pytestmark = pytest.mark.django_db

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"  # one page: converts in a blink
OTHER_PDF = CORPUS / "pdf/unst_loremipsum-flat.pdf"


@pytest.fixture
def ada():
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def writer(ada):
    return {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(ada, 'Publishing', 'write')[1]}"}


@pytest.fixture
def reader(ada):
    return {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(ada, 'Reading', 'read')[1]}"}


def upload(client, headers, *paths, **details):
    handles = [path.open("rb") for path in paths]
    try:
        return client.post("/api/v1/decks/", {"file": handles, **details}, **headers)
    finally:
        for handle in handles:
            handle.close()


def test_an_upload_of_two_files_makes_two_decks_that_convert(client, media, ada, writer):
    Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=ada)
    response = upload(
        client,
        writer,
        PDF,
        OTHER_PDF,
        tags="kommun, budget",
        visibility="unlisted",
        collection="kommundagen",
        download_allowed="false",
    )
    assert response.status_code == 201, response.content
    made = json.loads(response.content)
    assert len(made) == 2 and {deck["status"] for deck in made} == {"queued"}
    deck = Presentation.objects.get(public_id=made[0]["id"])
    assert deck.owner == ada and deck.visibility == "unlisted" and not deck.download_allowed
    assert sorted(tag.name for tag in deck.tags.all()) == ["budget", "kommun"]
    assert deck.collection.slug == "kommundagen"
    convert_now(deck)
    state = json.loads(client.get(f"/api/v1/decks/{deck.public_id}/conversion/", **writer).content)
    assert state["status"] == "ready"
    read = json.loads(client.get(f"/api/v1/decks/{deck.public_id}/", **writer).content)
    assert read["slide_count"] == 1 and read["slides"][0]["image_url"]


def test_what_the_site_refuses_the_api_refuses_with_the_reason(client, media, writer, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a presentation")
    refused = upload(client, writer, text)
    assert refused.status_code == 422
    body = json.loads(refused.content)
    assert body["code"] == "invalid_request" and body["errors"][0]["where"] == "file"
    assert "notes.txt" in body["detail"]
    wrong = upload(client, writer, PDF, language="not a language")
    assert json.loads(wrong.content)["errors"][0]["where"] == "language"
    unknown = upload(client, writer, PDF, collection="someone-elses")
    assert json.loads(unknown.content)["errors"][0]["where"] == "collection"
    assert not Presentation.objects.exists(), "nothing kept"


def test_who_may_write(client, media, ada, reader):
    assert upload(client, {}, PDF).status_code == 401
    read_only = upload(client, reader, PDF)
    assert read_only.status_code == 403
    assert json.loads(read_only.content)["code"] == "read_only_token"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ada)
    no_csrf = upload(browser, {}, PDF)
    assert no_csrf.status_code == 403 and json.loads(no_csrf.content)["code"] == "csrf_failed"
    assert not Presentation.objects.exists()


def test_a_signed_in_browser_writes_with_its_csrf_token(media, ada):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ada)
    browser.get("/upload/")  # the site's form sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    made = upload(browser, {"HTTP_X_CSRFTOKEN": token}, PDF)
    assert made.status_code == 201, made.content


def test_details_change_only_what_is_sent(client, media, ada, writer):
    deck = deck_with_slides(1, owner=ada, title="Draft", description="Kept as it is")
    deck.tags.set([])
    changed = client.patch(
        f"/api/v1/decks/{deck.public_id}/",
        {"title": "Budget 2027", "tags": ["budget", "kommun"], "visibility": "private"},
        content_type="application/json",
        **writer,
    )
    assert changed.status_code == 200, changed.content
    body = json.loads(changed.content)
    assert body["title"] == "Budget 2027" and body["visibility"] == "private"
    assert body["description"] == "Kept as it is" and body["tags"] == ["budget", "kommun"]
    bad = client.patch(
        f"/api/v1/decks/{deck.public_id}/",
        {"visibility": "secret"},
        content_type="application/json",
        **writer,
    )
    assert bad.status_code == 422


def test_only_the_owner_changes_replaces_or_deletes(client, media, ada):
    eve = get_user_model().objects.create_user("eve", password="pw")
    deck = deck_with_slides(1, owner=ada, title="Ada's")
    eves = {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(eve, 'x', 'write')[1]}"}
    path = f"/api/v1/decks/{deck.public_id}/"
    assert client.patch(path, {}, content_type="application/json", **eves).status_code == 404
    assert client.delete(path, **eves).status_code == 404
    with PDF.open("rb") as handle:
        new_file = client.post(path + "file/", {"file": handle}, **eves)
    assert new_file.status_code == 404
    assert Presentation.objects.filter(pk=deck.pk).exists()


def test_a_new_file_keeps_the_deck_and_the_same_file_is_a_conflict(client, media, ada, writer):
    made = json.loads(upload(client, writer, PDF).content)[0]
    deck = convert_now(Presentation.objects.get(public_id=made["id"]))
    path = f"/api/v1/decks/{deck.public_id}/file/"
    with PDF.open("rb") as handle:
        same = client.post(path, {"file": handle}, **writer)
    assert same.status_code == 409 and json.loads(same.content)["code"] == "same_file"
    with OTHER_PDF.open("rb") as handle:
        replaced = client.post(path, {"file": handle}, **writer)
    assert replaced.status_code == 202, replaced.content
    assert json.loads(replaced.content)["id"] == deck.public_id
    deck.refresh_from_db()
    assert deck.conversion.replacement_name == OTHER_PDF.name


def test_delete_takes_the_deck_and_its_files(client, media, ada, writer):
    deck = deck_with_slides(1, owner=ada, title="Gone soon")
    assert client.delete(f"/api/v1/decks/{deck.public_id}/", **writer).status_code == 204
    assert not Presentation.objects.filter(pk=deck.pk).exists()
    assert client.get(f"/api/v1/decks/{deck.public_id}/", **writer).status_code == 404


def test_the_hourly_upload_limit_is_a_429_with_retry_after(client, media, writer, settings):
    settings.UPLOADS_PER_HOUR = 1
    assert upload(client, writer, PDF).status_code == 201
    refused = upload(client, writer, OTHER_PDF)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert json.loads(refused.content)["code"] == "too_many_uploads"
