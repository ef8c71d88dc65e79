from __future__ import annotations

import pytest

from slideshelf.conversion.models import Status
from slideshelf.presentations.models import Visibility
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_lists_public_ready_decks_and_never_unlisted_or_private_ones(client, media):
    shown = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="Public deck"))
    for visibility in (Visibility.UNLISTED, Visibility.PRIVATE):
        convert_now(
            upload(
                CORPUS / "pdf/pdfjs_german-umlaut-r.pdf",
                title=f"Canary {visibility}",
                visibility=visibility,
            )
        )
    upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="Canary queued")
    html = client.get("/").content.decode()
    assert shown.conversion.status == Status.READY
    assert "Public deck" in html and shown.get_absolute_url() in html
    assert "Canary" not in html
