from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from slideshelf.conversion.messages import message
from slideshelf.conversion.models import Conversion, Stage, Status
from slideshelf.conversion.services import UNEXPECTED, Outcome, convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation
from slideshelf.presentations.records import slide_record
from slideshelf.studio.lifecycle import delete_presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import files_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_pptx_becomes_ready_with_text_tables_alt_text_images_and_pdf(media):
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.conversion.file_type == "pptx"
    assert deck.slide_count == 6
    slides = list(deck.slides.all())
    assert slides[0].title.startswith("AutoGen")
    assert all(slide.text_source == "structure" for slide in slides)
    assert "ColA | ColB" in slides[2].table_text
    assert "Human-written" in slides[5].alt_texts
    for slide in slides:
        assert default_storage.exists(slide.image) and default_storage.exists(slide.thumbnail)
    assert default_storage.open(deck.pdf.name).read(5) == b"%PDF-"


def test_speaker_notes_are_kept_even_on_a_slide_without_text(media):
    deck = convert_now(upload(CORPUS / "pptx/pypptx_prs-notes.pptx"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.slides.get().notes


def test_uploading_queues_a_job_in_the_task_table(media):
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf")
    assert deck.conversion.status == Status.QUEUED
    job = DBTaskResult.objects.get()
    assert job.args_kwargs["args"] == [deck.pk]


def test_pdf_text_layer_gives_each_page_its_text(media):
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    slide = deck.slides.get()
    assert slide.text_source == "pdf"
    assert any(ch in slide.title + slide.text for ch in "äöüÄÖÜ")


def test_untitled_deck_takes_its_title_from_its_first_slide(media):
    deck = convert_now(
        upload(CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf")
    )
    first = deck.slides.first()
    assert deck.title and deck.title.split()[0] in (first.title + " " + first.text)
    assert len(deck.title) <= 151


def test_given_title_is_kept(media):
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="Umlaute"))
    assert deck.title == "Umlaute"


def test_encrypted_deck_fails_once_with_a_message_and_keeps_the_original(media):
    deck = convert_now(upload(CORPUS / "broken/msoc_Encrypted.pptx"))
    assert deck.conversion.status == Status.FAILED
    assert "password-protected" in deck.conversion.failure_english
    assert deck.conversion.attempts == 1, "a permanent failure is not retried"
    assert default_storage.exists(deck.original.name)


def test_failed_deck_can_be_queued_again(media):
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="x"))
    deck.conversion.fail(message(UNEXPECTED))
    queue_conversion(deck.conversion)
    deck.refresh_from_db()
    assert deck.conversion.status == Status.QUEUED and not deck.conversion.failure_english
    assert convert_now(deck).conversion.status == Status.READY


def test_transient_failure_is_retried_then_fails_with_its_message(media, settings):
    # A timeout far too short for LibreOffice is a real transient failure, every time.
    settings.OFFICE_TIMEOUT = 0.01
    settings.CONVERSION_RETRIES = 2
    from slideshelf.conversion import runtime

    runtime.get_office.cache_clear()
    try:
        deck = upload(CORPUS / "pptx/mkd_test.pptx")
        outcomes = [convert(deck.pk, requeue=queue_conversion) for _ in range(3)]
    finally:
        runtime.get_office.cache_clear()
    assert outcomes == [Outcome.RETRYING, Outcome.RETRYING, Outcome.FAILED]
    deck.refresh_from_db()
    assert deck.conversion.status == Status.FAILED
    assert "LibreOffice" in deck.conversion.failure_english
    assert DBTaskResult.objects.count() == 3  # the first job and two retries


def test_reconversion_replaces_slides_and_removes_the_old_images(media):
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="x"))
    old_image = deck.slides.get().image
    queue_conversion(deck.conversion)
    deck = convert_now(deck)
    assert deck.revision == 2
    assert deck.slides.count() == 1
    assert not default_storage.exists(old_image)


def test_slide_without_any_text_layer_is_read_by_ocr(media):
    from slideshelf.conversion.ocr import ocr_available

    assert ocr_available(), "Tesseract is installed by 'make test' as root"
    deck = convert_now(upload(CORPUS / "pdf/unst_loremipsum-flat.pdf"))
    slide = deck.slides.get()
    assert slide.text_source == "ocr"
    assert "lorem ipsum" in slide.full_text.lower()
    shown = slide_record(slide)  # `show --json` tells recognised text apart
    assert shown["source"] == "ocr" and "lorem ipsum" in shown["ocr_text"].lower()


def test_deck_with_no_slides_is_ready_with_none(media):
    deck = convert_now(upload(CORPUS / "pptx/pypptx_no-slides.pptx"))
    assert deck.conversion.status == Status.READY
    assert deck.slide_count == 0 and not deck.slides.exists()


def test_hidden_slides_are_kept_in_place_and_marked(media):
    deck = convert_now(upload(CORPUS / "pptx/poi_2411-Performance_Up.pptx"))
    assert deck.slide_count == 48
    hidden = list(deck.slides.filter(hidden=True).values_list("number", flat=True))
    assert hidden == [13, 48]


def test_a_deck_deleted_mid_conversion_leaves_no_files_and_no_error(media, monkeypatch):
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf")
    reported = Conversion.progress

    def delete_at_the_images(conversion, stage, done, total):
        # The seam: the owner deletes the deck while the worker draws its slides.
        if stage == Stage.IMAGES and Presentation.objects.filter(pk=deck.pk).exists():
            delete_presentation(Presentation.objects.get(pk=deck.pk))
        reported(conversion, stage, done, total)

    monkeypatch.setattr(Conversion, "progress", delete_at_the_images)
    convert(deck.pk, requeue=queue_conversion)
    assert not Presentation.objects.filter(pk=deck.pk).exists()
    # Not a file, not even an empty folder of the deck's, is left behind.
    assert not list(media.rglob(f"*{deck.public_id}*"))
    assert files_in(media) == set()
