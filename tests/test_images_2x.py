"""The 2× pictures: queued with a revision's slides, drawn after the deck is shown, listed on its
slides, known to the file check, and kept by no deck that moved on meanwhile."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.db.models import F
from django_tasks_db.models import DBTaskResult
from PIL import Image

from slideshelf.conversion import images_2x, sanity
from slideshelf.conversion.images_2x import draw_2x
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, draw_2x_now, upload

pytestmark = pytest.mark.django_db(transaction=True)
PDF = CORPUS / "pdf/unst_embedded-images.pdf"  # one page, 567 × 420 points


@pytest.fixture
def deck(media):
    return convert_now(upload(PDF))


def queued_2x() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path__endswith=".draw_2x_task"))


def test_publishing_a_revision_queues_its_2x_pictures_behind_any_conversion(deck):
    (task,) = queued_2x()
    assert task.args_kwargs["args"] == [deck.pk, deck.revision]
    conversion = DBTaskResult.objects.get(task_path__endswith=".convert_task")
    assert task.priority < conversion.priority
    assert not deck.slides.get().image_2x, "the deck is shown before they are drawn"


def test_no_2x_task_is_queued_when_they_are_switched_off(media, settings):
    settings.SLIDE_IMAGE_WIDTH_2X = 0
    convert_now(upload(PDF))
    assert queued_2x() == []


def test_drawn_pictures_are_stored_and_listed_on_the_slides(deck):
    before = deck.updated_at
    deck = draw_2x_now(deck)
    slide = deck.slides.get()
    assert slide.image_2x == f"{deck.media_prefix()}/1@2x.webp"
    assert slide.thumbnail_2x == f"{deck.media_prefix()}/1-thumb@2x.webp"
    with default_storage.open(slide.image_2x) as large:
        assert Image.open(large).size[0] == slide.width_2x == 2400
    with default_storage.open(slide.thumbnail_2x) as thumb:
        assert Image.open(thumb).size[0] == slide.thumb_width_2x == 640
    assert deck.updated_at > before, "cached copies of the page are made again"
    assert not draw_2x(deck.pk, deck.revision), "drawn once"


def test_pictures_for_a_revision_replaced_meanwhile_are_removed(deck, monkeypatch):
    store = images_2x._store

    def store_then_replace(*args):
        stored = store(*args)
        # A new file's conversion publishes while the pictures are being drawn.
        Presentation.objects.filter(pk=deck.pk).update(revision=F("revision") + 1)
        return stored

    monkeypatch.setattr(images_2x, "_store", store_then_replace)
    assert not draw_2x(deck.pk, deck.revision)
    assert not deck.slides.get().image_2x
    assert not default_storage.exists(f"{deck.media_prefix()}/1@2x.webp")


def test_an_old_revision_is_not_drawn(deck):
    assert not draw_2x(deck.pk, deck.revision - 1)
    assert not draw_2x(deck.pk + 1000, deck.revision)


def test_the_file_check_knows_2x_pictures_as_the_slides_own(deck):
    deck = draw_2x_now(deck)
    assert sanity.check() == []
    slide = deck.slides.get()
    default_storage.delete(slide.thumbnail_2x)
    assert [(f.kind, f.path) for f in sanity.check()] == [("missing", slide.thumbnail_2x)]


def test_decks_converted_before_2x_pictures_are_queued_once_by_the_command(deck, capsys):
    from django.core.management import call_command

    drawn = draw_2x_now(convert_now(upload(PDF, title="drawn already")))
    DBTaskResult.objects.all().delete()
    call_command("draw_2x")
    assert capsys.readouterr().out.startswith("1 decks queued")
    (task,) = queued_2x()
    assert task.args_kwargs["args"] == [deck.pk, deck.revision] != [drawn.pk, drawn.revision]
    assert draw_2x(deck.pk, deck.revision) and not draw_2x(deck.pk, deck.revision)
