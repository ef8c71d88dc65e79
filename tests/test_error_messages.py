"""Conversion failures are stored untranslated and shown in each reader's language."""

from __future__ import annotations

import ast
import pickle
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from slideshelf.conversion.errors import ConversionError, PermanentError
from slideshelf.conversion.extractors.pdf import _message
from slideshelf.conversion.messages import Message, english, message, translated
from slideshelf.conversion.models import Status
from slideshelf.conversion.services import REPLACEMENT_REFUSED, convert
from slideshelf.conversion.sniff import sniff
from slideshelf.conversion.tasks import queue_conversion
from tests.conftest import CORPUS, REPO
from tests.factories import convert_now, upload
from tests.uploading import make_user

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
# Already in the Swedish catalogue, so the mechanism is tested without a regenerated one.
EMPTY = "%(name)s is empty (0 bytes)."
DONE = "Done"


def refusal(path: Path) -> ConversionError:
    with pytest.raises(ConversionError) as caught:
        sniff(str(path))
    return caught.value


def assert_well_formed(error_message: Message) -> None:
    msgid, params = error_message["msgid"], error_message["params"]
    assert isinstance(msgid, str) and msgid
    assert set(PLACEHOLDER.findall(msgid)) == set(params), msgid
    assert "%" not in PLACEHOLDER.sub("", msgid), f"stray % in {msgid!r}"
    for value in params.values():
        if isinstance(value, dict):
            assert_well_formed(value)
        else:
            assert isinstance(value, str | int | float), value


def docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    return path


BROKEN = [
    "broken/msoc_Encrypted.pptx",
    "broken/poi_Password_Protected-hello.ppt",
    "broken/poi_Divino_Revelado.pptx",
    "broken/unst_git-lfs-pointer_science-exploration-369p.pptx",
]


@pytest.mark.parametrize("relative", BROKEN)
def test_sniffer_refusals_are_msgids_that_render_back_to_the_english(relative):
    error = refusal(CORPUS / relative)
    assert_well_formed(error.as_message())
    assert english({"msgid": error.msgid, "params": error.params}) == error.message
    assert str(error) == error.message
    assert "%(" not in error.message


def test_what_was_received_is_a_phrase_translated_with_the_message(tmp_path):
    path = tmp_path / "slides.pptx"
    path.write_bytes(PNG)
    error = refusal(path)
    assert error.message == "This is not a presentation: slideshelf received a PNG image."
    assert error.params == {"received": message("a PNG image")}


def test_received_office_documents_are_named_in_english(tmp_path):
    error = refusal(docx(tmp_path / "report.pptx"))
    assert error.message.endswith("slideshelf received a Word document (.docx).")
    assert_well_formed(error.as_message())


def test_first_line_of_a_text_file_is_shown_as_it_is(tmp_path):
    path = tmp_path / "notes.pptx"
    path.write_bytes(b"Done\nmore text\n")
    error = refusal(path)
    with translation.override("sv"):
        # "Done" is in the catalogue, but a file's own text is never translated.
        assert '"Done"' in translated(error.as_message())


def test_pdf_messages_are_marked_msgids():
    for code in (None, 4, 5):
        assert_well_formed(message(_message(code)))


def test_every_raise_passes_a_marked_msgid_never_formatted_text():
    # makemessages finds only literals: an f-string or concatenation would never be translated.
    names = {"PermanentError", "TransientError", "ConversionError"}
    calls = 0
    for path in (REPO / "slideshelf").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in names):
                continue
            calls += 1
            first = node.args[0]
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            assert not isinstance(first, ast.JoinedStr | ast.BinOp | ast.Constant), where
            if isinstance(first, ast.Call):
                assert getattr(first.func, "id", None) in {"gettext_noop", "_message"}, where
    assert calls > 40


def test_errors_keep_their_msgid_across_the_render_pool():
    error = PermanentError(
        "Page %(number)s of this PDF is damaged and cannot be read. "
        "Export the PDF again from the program that made it and upload the new file.",
        number="7",
    )
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is PermanentError
    assert (copy.msgid, copy.params, copy.message) == (error.msgid, error.params, error.message)


def test_message_is_shown_in_swedish_from_the_catalogue():
    stored = message(EMPTY, name="deck.pptx")
    with translation.override("sv"):
        assert translated(stored) == "deck.pptx är tom (0 byte)."
    with translation.override("en"):
        assert translated(stored) == "deck.pptx is empty (0 bytes)."


def test_nested_messages_are_translated_too():
    stored = message(EMPTY, name=message(DONE))
    with translation.override("sv"):
        assert translated(stored) == "Klart är tom (0 byte)."
    assert english(stored) == "Done is empty (0 bytes)."


def test_numbers_are_written_the_readers_way():
    stored = message("The package holds %(count)s parts.", count=12345)
    assert english(stored) == "The package holds 12,345 parts."
    with translation.override("sv"):
        assert translated(stored) == "The package holds 12\xa0345 parts."


def test_rows_without_a_stored_message_fall_back_to_their_english_text():
    assert translated({}, fallback="LibreOffice is missing.") == "LibreOffice is missing."


def test_a_translation_with_a_broken_placeholder_shows_the_english(monkeypatch):
    monkeypatch.setattr("slideshelf.conversion.messages.gettext", lambda text: "%(nmae)s är tom")
    assert translated(message(EMPTY, name="a.pptx")) == "a.pptx is empty (0 bytes)."


@pytest.mark.django_db
def test_failed_conversion_stores_the_msgid_and_the_page_shows_it(client, media):
    deck = convert_now(upload(CORPUS / "broken/unst_password.pdf"))
    assert deck.conversion.status == Status.FAILED
    # Final: the same file would fail the same way, so no retry is offered.
    assert deck.conversion.failure == message(_message(4)) | {"final": True}
    assert deck.conversion.failure_english == _message(4)
    html = client.get(f"/p/{deck.public_id}/{deck.slug}/").content.decode()
    assert "This PDF is password-protected" in html


@pytest.mark.django_db
def test_refused_replacement_nests_the_reason_in_its_message(media):
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"))
    locked = CORPUS / "broken/unst_password.pdf"
    conversion = deck.conversion
    conversion.wait_for(ContentFile(locked.read_bytes()), "locked.pdf", "0" * 64, 1)
    queue_conversion(conversion)
    assert convert(deck.pk, requeue=queue_conversion) == "failed"
    deck.refresh_from_db()
    reason = message(_message(4)) | {"final": True}
    assert deck.conversion.failure == message(
        REPLACEMENT_REFUSED, name="locked.pdf", message=reason
    )
    assert (
        deck.conversion.failure_english
        == english(deck.conversion.failure)
        == deck.conversion.failure_text
    )
    assert english(reason) in deck.conversion.failure_english


@pytest.mark.django_db
def test_failed_deck_page_is_in_the_visitors_language(client, media):
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf")
    deck.conversion.fail(message(EMPTY, name="x.pdf"))
    swedish = client.get(deck.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    english_page = client.get(deck.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content
    assert "x.pdf är tom (0 byte)." in swedish
    assert "x.pdf is empty (0 bytes)." in english_page.decode()


@pytest.mark.django_db
def test_status_json_reports_the_message_in_the_visitors_language(client, media):
    owner = make_user("ada")
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", owner=owner)
    deck.conversion.fail(message(EMPTY, name="x.pdf"))
    client.force_login(owner)
    url = f"/p/{deck.public_id}/status.json"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="sv").json()["error"] == "x.pdf är tom (0 byte)."


@pytest.mark.django_db
def test_upload_form_refuses_a_png_named_pptx_in_english(client, media):
    client.force_login(make_user("ada"))
    response = client.post(
        "/upload/",
        {
            "file": SimpleUploadedFile("slides.pptx", PNG),
            "title": "",
            "description": "",
            "tags": "",
            "language": "",
            "visibility": "public",
            "download_allowed": "on",
        },
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert (
        "slides.pptx: This is not a presentation: slideshelf received a PNG image."
        in (response.json()["error"])
    )
