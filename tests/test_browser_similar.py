"""Similar presentations as a visitor sees them: cards with a picture, a title that is the link,
and why each is there, beside the slides and after the transcript, in both languages."""

from __future__ import annotations

import pytest

from slideshelf.presentations.models import Collection
from tests.browser import assert_no_axe_violations, horizontal_overflow, wait_in_page
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]
REASONS = {
    "sv": ("Liknande presentationer", "Också från Vårmötet"),
    "en": ("Similar presentations", "Also from Vårmötet"),
}


@pytest.fixture
def decks(media):
    owner = make_user("anna")
    event = Collection.objects.create(name="Vårmötet", slug="varmotet")
    talk = convert_now(
        upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk", collection=event)
    )
    notes = convert_now(
        upload(CORPUS / "pptx/pypptx_prs-notes.pptx", title="Notes", collection=event)
    )
    return talk, notes


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_cards_beside_the_slides_and_after_the_transcript(
    browser, live_server, decks, language, width
):
    talk, notes = decks
    heading, reason = REASONS[language]
    context = browser.new_context(
        locale=language,
        extra_http_headers={"Accept-Language": language},
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + talk.get_absolute_url())
        for place in ("similar-beside", "similar-after"):
            card = page.locator(f'[aria-labelledby="{place}"] li').first
            assert page.locator(f"#{place}").inner_text() == heading
            link = card.get_by_role("link", name="Notes")
            assert link.get_attribute("href") == notes.get_absolute_url()
            card.scroll_into_view_if_needed()
            image = card.locator("img")
            wait_in_page(
                page, "img => img.complete && img.naturalWidth > 0", image.element_handle()
            )
            assert reason in card.inner_text()
        assert horizontal_overflow(page) == 0
        assert_no_axe_violations(page)
    finally:
        context.close()
