"""axe-core in real Chromium: no WCAG 2.1 A/AA violations on visitor pages, in both languages."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Collection
from tests.browser import assert_no_axe_violations, csp_violations
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def site(media):
    owner = get_user_model().objects.create_user("anna", password="pw", first_name="Anna")
    event = Collection.objects.create(
        name="Höstkonferensen",
        slug="hostkonferensen",
        date=datetime.date(2026, 10, 15),
        place="Sjöbacka",
    )
    deck = convert_now(
        upload(
            CORPUS / "pptx/mkd_test.pptx",
            owner=owner,
            title="AutoGen talk",
            language="en",
            tags=["agents", "llm"],
            collection=event,
        )
    )
    convert_now(
        upload(CORPUS / "pptx/pypptx_prs-notes.pptx", owner=owner, title="Notes", tags=["agents"])
    )
    return deck


def pages(deck):
    return {
        "home": "/",
        "presentation": deck.get_absolute_url(),
        "collection": "/c/hostkonferensen/",
        "tag": "/t/agents/",
        "uploader": "/u/anna/",
    }


@pytest.mark.parametrize("language", ["sv", "en"])
def test_visitor_pages_pass_axe(browser, live_server, site, language):
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    refused = csp_violations(context)
    page = context.new_page()
    try:
        for name, path in pages(site).items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, name
            assert "script-src 'self'" in response.headers["content-security-policy"], name
            assert page.locator("html").get_attribute("lang") == language
            assert_no_axe_violations(page)
    finally:
        context.close()
    assert not refused, "\n".join(refused)
