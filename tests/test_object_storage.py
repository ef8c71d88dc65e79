"""Decks in an S3-compatible object store (`SLIDESHELF_STORAGE_URL`), against a real local
S3 server: upload, conversion, replacement, deletion, private files and a store that is down."""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from slideshelf.conversion.models import Status
from slideshelf.conversion.services import Outcome, convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.lib.storage_url import backend
from slideshelf.presentations.models import Presentation
from slideshelf.studio.lifecycle import replace_file
from tests.conftest import CORPUS
from tests.factories import convert_now, draw_2x_now, upload
from tests.uploading import files_in, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
OTHER_PDF = CORPUS / "pdf/unst_korean-text-with-tables.pdf"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def bucket(s3_server, settings, media) -> str:
    """A new bucket as the site's default storage (and the media folder, which must stay
    empty)."""
    name = f"decks-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": backend(s3_server.storage_url(name))}
    return name


@pytest.fixture
def owner(client):
    user = make_user("ada")
    client.force_login(user)
    return user


def slide_image_address(deck: Presentation, number: int = 1) -> str:
    return deck.slides.get(number=number).image_url()


def test_a_deck_lives_in_the_store_from_upload_to_delete(
    client,
    owner,
    bucket,
    s3_server,
    media,
):
    with PDF.open("rb") as handle:
        response = client.post(
            "/upload/", {"file": handle, "visibility": "public", "download_allowed": "on"}
        )
    assert response.status_code == 302
    deck = Presentation.objects.get()
    assert s3_server.keys(bucket) == {f"site/{deck.original.name}"}

    deck = draw_2x_now(convert_now(deck))
    assert deck.conversion.status == Status.READY
    stored = s3_server.keys(bucket)
    assert f"site/{deck.slides.get(number=1).image_2x}" in stored
    assert f"site/{deck.pdf.name}" in stored
    assert sum(key.endswith(".webp") for key in stored) == 4 * deck.slide_count  # 1× and 2×
    assert files_in(media) == set(), "nothing is written to the local media folder"

    page = client.get(deck.get_absolute_url())
    assert page.status_code == 200
    image = client.get(slide_image_address(deck))
    assert image.status_code == 200 and image["Content-Type"] == "image/webp"
    assert "immutable" in image["Cache-Control"]
    assert b"".join(image.streaming_content) == s3_server.read(
        bucket, f"site/{deck.slides.get(number=1).image}"
    )
    original = client.get(f"/p/{deck.public_id}/download/")
    assert b"".join(original.streaming_content) == PDF.read_bytes()
    assert int(original["Content-Length"]) == PDF.stat().st_size

    old_original, old_images = deck.original.name, deck.media_prefix()
    with OTHER_PDF.open("rb") as handle:
        assert replace_file(deck, handle, OTHER_PDF.name)
    deck = convert_now(deck)
    assert deck.revision == 2
    stored = s3_server.keys(bucket)
    assert f"site/{old_original}" not in stored, "the replaced original is removed"
    assert not any(key.startswith(f"site/{old_images}/") for key in stored)
    assert f"site/{deck.original.name}" in stored

    assert client.post(f"/p/{deck.public_id}/delete/").status_code == 302
    assert Presentation.objects.count() == 0
    assert s3_server.keys(bucket) == set(), "no object outlives its deck"


def test_a_private_decks_files_reach_only_its_owner_and_never_from_the_store_directly(
    client,
    owner,
    bucket,
    s3_server,
):
    deck = convert_now(upload(PDF, owner=owner, visibility="private"))
    address = slide_image_address(deck)

    mine = client.get(address)
    assert mine.status_code == 200 and mine["Cache-Control"].startswith("private")
    client.logout()
    assert client.get(address).status_code == 404
    assert client.get(f"/p/{deck.public_id}/download/").status_code == 404

    for key in s3_server.keys(bucket):  # unsigned, as anyone on the internet would ask
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{s3_server.endpoint}/{bucket}/{key}", timeout=5)
        assert refused.value.code == 403


def test_an_upload_while_the_store_is_down_is_refused_and_keeps_nothing(
    client,
    owner,
    bucket,
    s3_server,
):
    s3_server.stop()
    with PDF.open("rb") as handle:
        response = client.post(
            "/upload/", {"file": handle, "visibility": "public", "download_allowed": "on"}, **JSON
        )
    assert response.status_code == 503
    assert "not answering" in response.json()["error"]
    assert Presentation.objects.count() == 0
    assert client.get("/upload/").status_code == 200, "the rest of the site goes on"

    s3_server.start()
    assert s3_server.keys(bucket) == set()


def test_a_conversion_while_the_store_is_down_waits_for_it_without_counting(
    bucket,
    s3_server,
):
    deck = upload(PDF)
    s3_server.stop()
    assert convert(deck.pk, requeue=queue_conversion) == Outcome.RETRYING
    deck.refresh_from_db()
    assert deck.conversion.status == Status.QUEUED
    assert deck.conversion.attempts == 0, "the file is not at fault"

    s3_server.start()
    deck = convert_now(deck)
    assert deck.conversion.status == Status.READY and deck.slide_count == 1


def test_files_asked_for_while_the_store_is_down_get_a_page_that_says_so(
    client,
    bucket,
    s3_server,
):
    deck = convert_now(upload(PDF))
    s3_server.stop()
    image = client.get(slide_image_address(deck))
    download = client.get(f"/p/{deck.public_id}/download/")
    assert client.get(deck.get_absolute_url()).status_code == 200, "pages need no files"
    for response in (image, download):
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert "not answering" in response.content.decode()


def test_a_store_that_is_down_when_a_deck_is_deleted_leaves_strays_check_files_removes(
    client,
    owner,
    bucket,
    s3_server,
):
    deck = convert_now(upload(PDF, owner=owner))
    s3_server.stop()
    assert client.post(f"/p/{deck.public_id}/delete/").status_code == 302
    assert Presentation.objects.count() == 0, "the deck is deleted all the same"

    s3_server.start()
    assert s3_server.keys(bucket), "its files were left behind"
    call_command("check_files", "--repair")
    assert s3_server.keys(bucket) == set()


def test_check_files_finds_nothing_wrong_in_a_store_it_looks_through(
    bucket,
    s3_server,
    capsys,
):
    convert_now(upload(PDF))
    call_command("check_files")
    assert "0 found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://bucket/prefix", "must look like s3://"),
        ("s3:///prefix", "must look like s3://"),
        ("s3://bucket/p?endpoint=http://x&colour=blue", "does not know: colour"),
    ],
)
def test_a_storage_url_that_cannot_work_is_refused_at_start(url, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        backend(url)


def test_a_storage_url_names_bucket_prefix_endpoint_and_keys():
    options = backend("s3://KEY:s%2Fcret@My-Bucket/a/b/?endpoint=http://h:9000&region=eu")[
        "OPTIONS"
    ]
    assert options["bucket_name"] == "My-Bucket"
    assert options["location"] == "a/b"
    assert options["endpoint_url"] == "http://h:9000" and options["region_name"] == "eu"
    assert (options["access_key"], options["secret_key"]) == ("KEY", "s/cret")
    assert options["default_acl"] is None and options["file_overwrite"] is False
