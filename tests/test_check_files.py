"""`slideshelf check-files`: what is wrong between rows and files, and the repairs it can make."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from slideshelf.conversion import sanity
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)
PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def deck(media):
    return convert_now(upload(PDF))


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("check_files", *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_a_healthy_site_has_nothing_to_report(deck):
    assert sanity.check(checksums=True) == []
    assert run("--checksums") == (0, "")


def test_derived_files_gone_are_made_again_and_strays_removed(deck):
    slide = deck.slides.get()
    default_storage.delete(slide.thumbnail)
    default_storage.delete(deck.pdf.name)
    default_storage.save(deck.pdf.name, ContentFile(b""))  # a 0-byte PDF
    orphan = default_storage.save("decks/gonegonegonegone/r1/1.webp", ContentFile(b"x"))
    old = default_storage.save(f"{deck.media_folder}/r0/1.webp", ContentFile(b"x"))
    leftover = default_storage.save(f"{deck.media_folder}/r1/2.webp.part-abc", ContentFile(b"x"))
    kinds = {(finding.kind, finding.path) for finding in sanity.check()}
    assert kinds == {
        ("missing", slide.thumbnail),
        ("empty", deck.pdf.name),
        ("orphaned", orphan),
        ("orphaned", old),
        ("leftover", leftover),
    }
    code, report = run("--repair")
    assert code == 0 and "converting again" in report and "removed" in report
    assert convert_now(deck).revision == 2
    assert sanity.check() == []


def test_a_missing_or_altered_original_is_left_for_a_person(deck):
    with default_storage.open(deck.original.name, "wb") as handle:
        handle.write(b"%PDF-1.4 something else")
    assert [finding.kind for finding in sanity.check(checksums=True)] == ["mismatched"]
    default_storage.delete(deck.original.name)
    code, report = run("--repair")
    assert code == 1 and report.startswith(f"missing: {deck.original.name} (deck {deck.public_id})")
