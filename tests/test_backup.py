"""`slideshelf backup` and `slideshelf restore`: a site of real converted decks backed up, and
restored by a process of its own into a new, empty site (its own data folder; on PostgreSQL its
own database), where a visitor finds every deck, slide image, download and search hit again;
a backup taken while decks are being uploaded; a backup that lists a bucket's files rather than
copying them; and a site in an object store. The refusals are in test_backup_refusals.py."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client

from slideshelf.lib.storage_url import backend
from slideshelf.presentations.models import Collection, Presentation, Slide, Visibility
from slideshelf.search import api as search
from slideshelf.search.engines import engine
from tests.conftest import CORPUS, REPO
from tests.factories import convert_now, draw_2x_now, upload
from tests.processes import wait_until, without_settings
from tests.uploading import files_in

pytestmark = pytest.mark.django_db(transaction=True)

PPTX = CORPUS / "pptx/mkd_test.pptx"
PDF = CORPUS / "pdf/unst_embedded-images.pdf"
PRIVATE_PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
BIG_PDF = CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"  # 1.3 MB
WORDS = ("AutoGen", "remote")  # one from a slide of each public deck

# What a visitor of the restored site finds, asked in that site's own process.
VISIT = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client
from slideshelf.search.engines import engine
settings.SEARCH_INDEX_DIR = settings.DATA_DIR / "search"  # the site's own, not the suite's
engine.cache_clear()
from tests.test_backup import what_a_visitor_finds
words, session = json.loads(sys.argv[1])
print(json.dumps(what_a_visitor_finds(Client(), words, session)))
"""


def digest(response) -> list:
    """The response's status and a SHA-256 of its body, streamed or not."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [response.status_code, hashlib.sha256(body).hexdigest()]


def slide_files(slide) -> list[str]:
    """Addresses of the slide's image and thumbnail, and of their 2× ones once drawn."""
    start = f"{slide.presentation.slide_image_prefix}{slide.number}"
    urls = [f"{start}.webp", f"{start}-thumb.webp"]
    return urls + ([f"{start}@2x.webp", f"{start}-thumb@2x.webp"] if slide.image_2x else [])


def what_a_visitor_finds(client, words, session: str) -> dict:
    """Every deck's page, slides (text and the bytes of every image), original and PDF as its
    owner gets them; what a search finds; and whether a session from before still signs in."""
    decks = {}
    for deck in Presentation.objects.order_by("public_id"):
        client.force_login(deck.owner)
        page = client.get(deck.get_absolute_url())
        decks[deck.public_id] = {
            "title": deck.title,
            "owner": deck.owner.get_username(),
            "visibility": deck.visibility,
            "collection": deck.collection.slug if deck.collection else None,
            "tags": sorted(tag.name for tag in deck.tags.all()),
            "page": [page.status_code, deck.title in page.content.decode()],
            "slides": [
                [slide.number, slide.full_text, [digest(client.get(u)) for u in slide_files(slide)]]
                for slide in deck.slides.all()
            ],
            "original": digest(client.get(f"/p/{deck.public_id}/download/")),
            "pdf": digest(client.get(f"/p/{deck.public_id}/download/pdf/")),
        }
        client.logout()
    return {
        "decks": decks,
        "found": {word: sorted(hit.deck_id for hit in search.find(word).hits) for word in words},
        "search pages": {word: found_on_page(client, word) for word in words},
        "people": sorted(get_user_model().objects.values_list("username", flat=True)),
        "session": signed_in_as(session),
        "password": Client().login(username="ada", password="pw"),
    }


def statuses(found: dict) -> set[int]:
    """The status of every page, image and download a visitor asked for."""
    return {
        status
        for deck in found["decks"].values()
        for status, _ in [deck["page"], deck["original"], deck["pdf"]]
        + [image for _number, _text, images in deck["slides"] for image in images]
    }


def found_on_page(client, word: str) -> list[str]:
    page = client.get("/search/", {"q": word}).content.decode()
    return sorted(set(re.findall(r'href="/p/([a-z0-9]+)/', page)))


def signed_in_as(session: str) -> int:
    """My presentations with the session's cookie: 200 when it signs someone in."""
    client = Client()
    client.cookies["sessionid"] = session
    return client.get("/my/").status_code


@pytest.fixture
def own_index(settings, tmp_path):
    """A search index of the test's own, forgotten after it."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    engine.cache_clear()
    yield
    engine.cache_clear()


@pytest.fixture
def site(media, own_index):
    """Two people; a PPTX (with its 2× images) and a PDF public, and a private PDF."""
    people = get_user_model().objects
    ada, eve = people.create_user("ada", password="pw"), people.create_user("eve", password="pw")
    event = Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=ada)
    talk = upload(PPTX, owner=ada, title="AutoGen talk", tags=["ai"], collection=event)
    draw_2x_now(convert_now(talk))
    convert_now(upload(PDF, owner=ada, title="Hands-free card"))
    convert_now(upload(PRIVATE_PDF, owner=eve, title="Umlauts", visibility=Visibility.PRIVATE))
    search.sync()
    return ada


class EmptySite:
    """A new site in a process of its own: its own data folder and, on PostgreSQL, database."""

    def __init__(self, folder: Path, database_url: str = "") -> None:
        self.folder = folder
        self.env = without_settings() | {"SLIDESHELF_DATA_DIR": str(folder)}
        if database_url:
            self.env["SLIDESHELF_DATABASE_URL"] = database_url
        if "SLIDESHELF_SEARCH_ENGINE" in os.environ:
            self.env["SLIDESHELF_SEARCH_ENGINE"] = os.environ["SLIDESHELF_SEARCH_ENGINE"]

    def slideshelf(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self._run("-m", "slideshelf", *args)

    def visit(self, session: str) -> dict:
        done = self._run("-c", VISIT, json.dumps([WORDS, session]), settings="tests.settings")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def _run(self, *args: str, settings: str = "slideshelf.settings"):
        env = self.env | {"DJANGO_SETTINGS_MODULE": settings}
        return subprocess.run(
            [sys.executable, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=600
        )


@pytest.fixture
def empty_site(tmp_path):
    """On PostgreSQL a new database `slideshelf_backup_…`, dropped after the test."""
    if connection.vendor != "postgresql":
        yield EmptySite(tmp_path / "empty-site")
        return
    name = f"slideshelf_backup_{secrets.token_hex(4)}"
    db = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield EmptySite(
            tmp_path / "empty-site", f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backup(path: Path, *args: str) -> dict:
    call_command("backup", str(path), *args, verbosity=0)
    return json.loads((path / "manifest.json").read_text())


def test_a_restored_site_has_every_deck_slide_image_download_and_search_hit(
    site, media, client, tmp_path, empty_site
):
    client.force_login(get_user_model().objects.get(username="eve"))
    session = client.cookies["sessionid"].value
    before = what_a_visitor_finds(Client(), WORDS, session)
    assert all(before["found"].values()), "each word finds its deck before the backup"
    assert before["session"] == 200
    assert statuses(before) == {200}, "every page, slide image and download is served"

    counts = backup(tmp_path / "backup")["counts"]
    now = {"people": 2, "decks": 3, "slides": Slide.objects.count(), "files": len(files_in(media))}
    assert {kind: counts[kind] for kind in now} == now
    assert empty_site.slideshelf("migrate", "--verbosity", "0").returncode == 0, "as make install"
    restored = empty_site.slideshelf("restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    assert "3 decks" in restored.stdout
    assert "check-files" not in restored.stderr, "nothing missing, nothing stray"

    after = empty_site.visit(session)
    assert after == before
    key = (tmp_path / "empty-site" / "secret_key").read_text()
    assert key == (tmp_path / "backup" / "secret_key").read_text()


@pytest.fixture
def small_site(media, own_index):
    """One person and one converted PDF (no LibreOffice: quick)."""
    ada = get_user_model().objects.create_user("ada", password="pw")
    return convert_now(upload(PRIVATE_PDF, owner=ada, title="Umlauts"))


def keep_uploading(stop: threading.Event, uploaded: list[str]) -> None:
    """Decks uploaded one after another, as a busy site gets them, until told to stop."""
    try:
        while not stop.is_set():
            uploaded.append(upload(PRIVATE_PDF, title=f"Upload {len(uploaded)}").public_id)
    finally:
        connection.close()


def test_a_backup_taken_while_decks_are_uploaded_has_every_file_its_database_names(
    media, own_index, tmp_path, empty_site
):
    stop, uploaded = threading.Event(), []
    writer = threading.Thread(target=keep_uploading, args=(stop, uploaded))
    writer.start()
    try:
        wait_until(lambda: len(uploaded) >= 3, timeout=60, every=0.05)
        decks = backup(tmp_path / "backup")["counts"]["decks"]
        wait_until(lambda: len(uploaded) >= decks + 3, timeout=60, every=0.05)
    finally:
        stop.set()
        writer.join()
    assert 3 <= decks < len(uploaded), "decks were uploaded before the backup and after it"

    restored = empty_site.slideshelf("restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    checked = empty_site.slideshelf("check-files").stdout.splitlines()
    assert [line for line in checked if not line.startswith("orphaned:")] == [], (
        "every deck the backup's database has, has its original; what was uploaded after "
        "the database was copied may be there as an orphan, and nothing else is wrong"
    )


def test_a_backup_that_lists_the_files_restores_onto_the_storage_that_keeps_them(
    small_site, media, tmp_path, empty_site
):
    before = what_a_visitor_finds(Client(), WORDS, "")
    path = tmp_path / "backup"
    counts = backup(path, "--media", "list")["counts"]
    assert not (path / "media").exists()
    listed = (path / "media.jsonl").read_text().splitlines()
    assert counts["files"] == len(listed) == len(files_in(media)) == 4

    # The bucket outlived the site, but lost a file.
    shutil.copytree(media, empty_site.folder / "media")
    lost = empty_site.folder / "media" / small_site.pdf.name
    lost.unlink()
    refused = empty_site.slideshelf("restore", str(path))
    assert "1 of the 4 files this backup lists are not in this site's storage" in refused.stderr
    shutil.copy(media / small_site.pdf.name, lost)
    restored = empty_site.slideshelf("restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert empty_site.visit("") == before


def test_a_site_given_another_secret_key_is_told_which_to_set(small_site, tmp_path, empty_site):
    path = tmp_path / "backup"
    backup(path)
    empty_site.env["SLIDESHELF_SECRET_KEY"] = "another key"
    restored = empty_site.slideshelf("restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert (
        "SLIDESHELF_SECRET_KEY is not the key this backup was made with: sessions and signed "
        f"links from before stop working unless it is set to the key in {path / 'secret_key'}"
    ) in " ".join(restored.stderr.split())


def test_a_site_in_an_object_store_is_restored_into_an_empty_bucket(
    s3_server,
    settings,
    own_index,
    tmp_path,
    empty_site,
):
    here, there = f"here-{secrets.token_hex(4)}", f"there-{secrets.token_hex(4)}"
    for bucket in (here, there):
        s3_server.client().create_bucket(Bucket=bucket)
    settings.STORAGES = {**settings.STORAGES, "default": backend(s3_server.storage_url(here))}
    ada = get_user_model().objects.create_user("ada", password="pw")
    draw_2x_now(convert_now(upload(PDF, owner=ada, title="Hands-free card")))
    search.sync()
    before = what_a_visitor_finds(Client(), WORDS, "")
    assert before["found"]["remote"]
    backup(tmp_path / "backup")

    empty_site.env["SLIDESHELF_STORAGE_URL"] = s3_server.storage_url(there)
    restored = empty_site.slideshelf("restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    keys = s3_server.keys(here)
    assert len(keys) == 6 and s3_server.keys(there) == keys  # original, PDF, 4 pictures
    assert all(s3_server.read(there, key) == s3_server.read(here, key) for key in keys)
    assert empty_site.visit("") == before


POSTGRES_ONLY = pytest.mark.skipif(
    not os.environ.get("SLIDESHELF_DATABASE_URL", "").startswith("postgres"),
    reason="pg_dump and pg_restore: the PostgreSQL pass runs it",
)


@POSTGRES_ONLY
def test_restore_leaves_the_tables_of_others_in_the_database_alone(
    small_site, tmp_path, empty_site
):
    path = tmp_path / "backup"
    backup(path)
    url = empty_site.env["SLIDESHELF_DATABASE_URL"]
    with psycopg.connect(url, autocommit=True) as other:
        other.execute("CREATE TABLE guestbook (entry text)")
        other.execute("INSERT INTO guestbook VALUES ('kept')")
    assert empty_site.slideshelf("migrate", "--verbosity", "0").returncode == 0
    restored = empty_site.slideshelf("restore", str(path))
    assert restored.returncode == 0, restored.stderr
    with psycopg.connect(url) as other:
        assert other.execute("SELECT entry FROM guestbook").fetchall() == [("kept",)]
