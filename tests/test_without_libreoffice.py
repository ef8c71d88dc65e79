"""A machine without LibreOffice: the site starts, says what to install, and converts PDFs."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks

from slideshelf.conversion import runtime
from slideshelf.conversion.models import Status
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def no_office(settings):
    settings.SOFFICE = "/nonexistent/soffice"
    runtime.get_office.cache_clear()
    yield
    runtime.get_office.cache_clear()


def test_start_up_check_names_what_to_install(no_office):
    (warning,) = [m for m in run_checks() if m.id == "slideshelf.W001"]
    assert "only PDF uploads can be converted" in warning.msg
    assert "apt-get install" in warning.hint and "libreoffice-impress-nogui" in warning.hint


def test_pdf_still_converts_and_a_pptx_fails_with_a_clear_message(no_office, media):
    assert (
        convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf")).conversion.status
        == Status.READY
    )
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx"))
    assert deck.conversion.status == Status.FAILED
    assert "LibreOffice is not installed" in deck.conversion.failure_english
    assert deck.conversion.attempts == 1
