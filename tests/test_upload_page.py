from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import F
from django.test import Client

from slideshelf.conversion.models import Status
from slideshelf.limits.models import Attempt
from slideshelf.presentations.models import Presentation
from slideshelf.studio.limits import UPLOAD
from tests.conftest import CORPUS
from tests.factories import upload
from tests.uploading import files_in, make_user, post_multipart

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
PPTX = CORPUS / "pptx/poi_hello-world-signed.pptx"
ENCRYPTED = CORPUS / "broken/msoc_Encrypted.pptx"
LFS_POINTER = CORPUS / "broken/unst_git-lfs-pointer_science-exploration-369p.pptx"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
JSON = {"HTTP_ACCEPT": "application/json"}


def as_upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def details(**fields) -> dict:
    return {
        "title": "",
        "description": "",
        "tags": "",
        "language": "",
        "visibility": "public",
        "download_allowed": "on",
        **fields,
    }


@pytest.fixture
def owner(client):
    user = make_user("ada")
    client.force_login(user)
    return user


def assert_refused(response, status: int, message: str, media: Path, before: set[Path]):
    assert response.status_code == status
    assert message in response.json()["error"]
    assert Presentation.objects.count() == 0
    assert files_in(media) == before


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/upload/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/upload/")


def test_anonymous_post_stores_nothing(client, media):
    response = client.post("/upload/", details(file=as_upload(PDF)))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert Presentation.objects.count() == 0


def test_signed_in_user_sees_an_accessible_form(client, owner):
    response = client.get("/upload/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'type="file"' in page
    assert " multiple " in page
    assert (
        'accept=".pptx,.pptm,.ppsx,.ppsm,.potx,.potm,.ppt,.pps,.pot,.odp,.otp,.fodp,.sxi,.odg,'
        '.otg,.fodg,.sxd,.key,.pdf"'
    ) in page
    assert "<legend>" in page
    assert 'for="id_title"' in page
    assert "slideshelf/upload.js" in page
    assert page.count('name="visibility"') == 3


def test_other_signed_in_user_can_also_upload(client, media):
    client.force_login(make_user("bob"))
    response = client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    assert response.status_code == 201
    assert Presentation.objects.get().owner.username == "bob"


def test_json_upload_stores_the_deck_with_its_details(client, owner, media):
    response = client.post(
        "/upload/",
        details(
            file=as_upload(PDF),
            title="  Umlaute  ",
            description="Über Umlaute",
            tags="typografi, Deutsch, typografi",
            language="de",
            visibility="unlisted",
            download_allowed="",
        ),
        **JSON,
    )
    assert response.status_code == 201
    deck = Presentation.objects.get()
    assert response.json() == {
        "id": deck.public_id,
        "status_url": f"/p/{deck.public_id}/status.json",
        "page_url": deck.get_absolute_url(),
    }
    assert deck.owner == owner
    assert deck.title == "Umlaute"
    assert deck.description == "Über Umlaute"
    assert sorted(tag.name for tag in deck.tags.all()) == ["Deutsch", "typografi"]
    assert deck.language == "de"
    assert deck.visibility == "unlisted"
    assert deck.download_allowed is False
    assert deck.conversion.status == Status.QUEUED
    assert deck.original_name == PDF.name
    assert (media / deck.original.name).read_bytes() == PDF.read_bytes()


def test_form_without_javascript_stores_every_file_and_redirects_to_my_page(client, owner, media):
    response = client.post("/upload/", details(file=[as_upload(PDF), as_upload(PPTX)]))
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    assert sorted(d.original_name for d in Presentation.objects.all()) == sorted(
        [PDF.name, PPTX.name]
    )
    assert all(d.download_allowed for d in Presentation.objects.all())


def test_form_without_a_file_shows_the_error(client, owner, media):
    response = client.post("/upload/", details())
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Presentation.objects.count() == 0


def test_empty_file_is_refused(client, owner, media):
    before = files_in(media)
    response = client.post("/upload/", details(file=SimpleUploadedFile("empty.pptx", b"")), **JSON)
    assert_refused(response, 400, "empty.pptx is empty (0 bytes)", media, before)


def test_oversized_file_is_refused(client, owner, media, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    before = files_in(media)
    response = client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    assert_refused(response, 413, "the largest file accepted is 1000", media, before)


def test_png_named_pptx_is_refused(client, owner, media):
    before = files_in(media)
    response = client.post("/upload/", details(file=SimpleUploadedFile("slides.pptx", PNG)), **JSON)
    assert_refused(response, 400, "slideshelf received a PNG image", media, before)


def test_encrypted_pptx_is_refused(client, owner, media):
    before = files_in(media)
    response = client.post("/upload/", details(file=as_upload(ENCRYPTED)), **JSON)
    assert_refused(response, 400, "password-protected", media, before)


def test_git_lfs_pointer_is_refused(client, owner, media):
    before = files_in(media)
    response = client.post("/upload/", details(file=as_upload(LFS_POINTER)), **JSON)
    assert_refused(response, 400, "This is not a presentation: slideshelf received", media, before)


def test_one_bad_file_in_a_batch_stores_none_of_them(client, owner, media):
    files = [as_upload(PDF), SimpleUploadedFile("photo.pptx", PNG)]
    response = client.post("/upload/", details(file=files))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "photo.pptx: This is not a presentation" in page
    assert Presentation.objects.count() == 0
    assert files_in(media) == set()


def test_bad_language_code_is_refused(client, owner, media):
    response = client.post("/upload/", details(file=as_upload(PDF), language="<script>"), **JSON)
    assert response.status_code == 400
    assert "Language: Select a valid choice." in response.json()["error"]
    assert Presentation.objects.count() == 0


@pytest.mark.parametrize("kind", ["fields", "files"])
def test_ten_thousand_multipart_parts_are_a_400(client, owner, media, kind):
    if kind == "fields":
        parts = [(f"f{i}", None, b"x") for i in range(10_000)]
    else:
        parts = [("file", f"{i}.pdf", b"%PDF-1.4") for i in range(10_000)]
    response = post_multipart(client, "/upload/", parts, **JSON)
    assert response.status_code == 400
    assert Presentation.objects.count() == 0
    assert files_in(media) == set()


def test_path_in_the_file_name_is_dropped(client, owner, media, tmp_path):
    outside = files_in(tmp_path) - files_in(media)
    parts = [(key, None, value.encode()) for key, value in details().items()]
    parts.append(("file", "../../x.pptx", PPTX.read_bytes()))
    response = post_multipart(client, "/upload/", parts, **JSON)
    assert response.status_code == 201
    deck = Presentation.objects.get()
    assert deck.original_name == "x.pptx"
    stored = media / deck.original.name
    assert stored == media / "originals" / deck.public_id / "x.pptx"
    assert stored.read_bytes() == PPTX.read_bytes()
    assert files_in(tmp_path) - files_in(media) == outside


def test_upload_over_the_hourly_limit_is_a_429(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201
    before = files_in(media)
    response = client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    assert response.status_code == 429
    assert "You can upload 0 more presentations this hour." in response.json()["error"]
    assert Presentation.objects.count() == 2
    assert files_in(media) == before


def test_deleting_decks_gives_no_uploads_back(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 2
    for _ in range(2):
        client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    for deck in Presentation.objects.all():
        assert client.post(f"/p/{deck.public_id}/delete/").status_code == 302
    assert not Presentation.objects.exists()
    response = client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    assert response.status_code == 429
    assert not Presentation.objects.exists()


def test_the_allowance_comes_back_an_hour_after_the_uploads(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 1
    client.post("/upload/", details(file=as_upload(PDF)), **JSON)
    assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 429
    Attempt.objects.update(at=F("at") - timedelta(minutes=61))
    assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201


def test_decks_added_from_the_command_line_count_against_no_one(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 1
    upload(PDF, owner=owner)
    assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201


def test_two_uploads_racing_for_the_last_place_get_one_between_them(owner, media, settings):
    """The race the limit must survive: each is counted before its file is stored."""
    settings.UPLOADS_PER_HOUR = 3
    clients = [Client(), Client()]
    for browser in clients:
        browser.force_login(owner)
    assert clients[0].post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201
    assert clients[1].post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201
    start, statuses = threading.Barrier(2), []

    def send(browser: Client) -> None:
        try:
            start.wait(10)
            response = browser.post("/upload/", details(file=as_upload(PDF)), **JSON)
            statuses.append(response.status_code)
        finally:
            connection.close()

    racers = [threading.Thread(target=send, args=(browser,)) for browser in clients]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(60)
    assert sorted(statuses) == [201, 429]
    assert Presentation.objects.count() == 3
    assert Attempt.objects.filter(kind=UPLOAD).count() == 3


def test_batch_larger_than_what_is_left_is_a_429_without_javascript(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 1
    response = client.post("/upload/", details(file=[as_upload(PDF), as_upload(PDF)]))
    assert response.status_code == 429
    assert "You can upload 1 more presentation this hour." in response.content.decode()
    assert Presentation.objects.count() == 0
    # A refused batch took nothing of the hour's allowance.
    assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201


def test_other_users_uploads_do_not_count_against_the_limit(client, owner, media, settings):
    settings.UPLOADS_PER_HOUR = 1
    bob = Client()
    bob.force_login(make_user("bob"))
    assert bob.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201
    assert client.post("/upload/", details(file=as_upload(PDF)), **JSON).status_code == 201
