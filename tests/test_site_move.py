"""Moving a site: export-site on one, import-site into an empty one, with real converted
decks; the same people, decks, slides, transcripts, files and search hits on the other side."""

from __future__ import annotations

import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from slideshelf.presentations.models import Collection, Presentation, Visibility
from slideshelf.search import api as search
from slideshelf.search.engines import engine
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)

PPTX = CORPUS / "pptx/mkd_test.pptx"
PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


def use_index(settings, folder):
    settings.SEARCH_ENGINE = "tantivy"
    settings.SEARCH_INDEX_DIR = folder
    engine.cache_clear()


def what_a_visitor_finds(client) -> dict:
    """Every deck's details, slides and transcript, and the search hits, as the site gives them."""
    decks = {}
    for deck in Presentation.objects.order_by("public_id"):
        slides = [(s.number, s.title, s.text, s.notes, s.table_text) for s in deck.slides.all()]
        client.force_login(deck.owner)
        transcript = client.get(f"/p/{deck.public_id}/transcript.md").content.decode()
        image = client.get(deck.slides.get(number=1).image_url())
        original = b"".join(client.get(f"/p/{deck.public_id}/download/").streaming_content)
        decks[deck.public_id] = {
            "title": deck.title,
            "owner": deck.owner.get_username(),
            "visibility": deck.visibility,
            "collection": deck.collection.slug if deck.collection else None,
            "tags": sorted(tag.name for tag in deck.tags.all()),
            "slides": slides,
            "transcript": transcript,
            "image": (image.status_code, b"".join(image.streaming_content)[:64]),
            "original": original,
        }
    client.logout()
    hits = {word: [hit.deck_id for hit in search.find(word).hits] for word in ("AutoGen", "ColA")}
    return {
        "decks": decks,
        "hits": hits,
        "people": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_a_site_moved_into_an_empty_one_is_the_same_site(client, media, settings, tmp_path):
    use_index(settings, tmp_path / "index-here")
    ada = get_user_model().objects.create_user("ada", password="pw", first_name="Ada")
    event = Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=ada)
    convert_now(upload(PPTX, owner=ada, title="AutoGen talk", tags=["ai"], collection=event))
    eve = get_user_model().objects.create_user("eve", password="pw")
    convert_now(upload(PDF, owner=eve, title="Umlauts", visibility=Visibility.PRIVATE))
    search.sync()
    before = what_a_visitor_finds(client)
    assert before["hits"]["AutoGen"], "the search finds the talk before the move"

    moved = tmp_path / "site.zip"
    call_command("export_site", str(moved), verbosity=0)
    assert "slideshelf-site.json" in zipfile.ZipFile(moved).namelist()

    # Another, empty site: a new database, media folder and search index.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "media-there"
    use_index(settings, tmp_path / "index-there")
    assert not Presentation.objects.exists()
    call_command("import_site", str(moved), verbosity=0)

    after = what_a_visitor_finds(client)
    assert after == before
    ada_there = get_user_model().objects.get(username="ada")
    assert ada_there.check_password("pw"), "people sign in as before"

    with pytest.raises(CommandError, match="needs an empty site"):
        call_command("import_site", str(moved), verbosity=0)


def test_a_file_that_is_not_a_site_export_is_refused(db, tmp_path):
    wrong = tmp_path / "notes.zip"
    with zipfile.ZipFile(wrong, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(CommandError, match="not a site export"):
        call_command("import_site", str(wrong))
    text = tmp_path / "site.zip"
    text.write_text("not a zip")
    with pytest.raises(CommandError, match="not a site export"):
        call_command("import_site", str(text))


def test_import_converts_again_only_when_asked(media, settings, tmp_path):
    from django_tasks_db.models import DBTaskResult

    from slideshelf.conversion.models import Status

    use_index(settings, tmp_path / "index-here")
    ada = get_user_model().objects.create_user("ada", password="pw")
    convert_now(upload(PDF, owner=ada, title="Umlauts"))
    moved = tmp_path / "site.zip"
    call_command("export_site", str(moved), verbosity=0)
    for convert, status in ((False, Status.READY), (True, Status.QUEUED)):
        call_command("flush", interactive=False, verbosity=0)
        settings.MEDIA_ROOT = tmp_path / f"media-{convert}"
        use_index(settings, tmp_path / f"index-{convert}")
        call_command("import_site", str(moved), *(["--convert"] if convert else []), verbosity=0)
        deck = Presentation.objects.get()
        assert deck.conversion.status == status
        assert DBTaskResult.objects.exists() == convert
        assert deck.has_slides, "its slides stay up while it converts again"
