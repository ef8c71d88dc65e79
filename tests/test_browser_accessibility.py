"""Every page a visitor reaches, in real Chromium, in both languages, on a 320 and a 390 px
phone and a desktop: nothing scrolls sideways, and axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from slideshelf.accounts import signups
from slideshelf.presentations.models import Collection
from tests.browser import WIDTHS, assert_fits_and_passes_axe, csp_violations
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
        "slide": f"{deck.get_absolute_url()}2/",
        "search": "/search/?q=agents",
        "search without results": "/search/?q=zzzxqy",
        "collections": "/c/",
        "collection": "/c/hostkonferensen/",
        "tag": "/t/agents/",
        "uploader": "/u/anna/",
        "report": f"/p/{deck.public_id}/report/",
        "log in": "/login/",
        "sign up": "/signup/",
        "password reset": "/password-reset/",
        "sign-up mail sent": "/signup/sent/",
        "password reset mail sent": "/password-reset/sent/",
        "password reset done": "/password-reset/done/",
    }


def links_from_mail(user) -> dict[str, str]:
    """The pages a visitor reaches from the site's e-mails: confirming a sign-up, and choosing
    a new password (its link goes on to the form)."""
    mail.outbox.clear()
    signups.ask("bo", "bo@example.org", "a long and good passphrase 81", None, "")
    (confirm,) = re.findall(r"/signup/confirm/\S+/", mail.outbox[0].body)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    reset = f"/password-reset/{uid}/{default_token_generator.make_token(user)}/"
    return {"confirm sign-up": confirm, "choose a new password": reset}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_visitor_pages_fit_and_pass_axe(browser, live_server, site, language):
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    refused = csp_violations(context)
    page = context.new_page()
    try:
        for name, path in {**pages(site), **links_from_mail(site.owner)}.items():
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                response = page.goto(live_server.url + path)
                assert response.status == 200, name
                assert "script-src 'self'" in response.headers["content-security-policy"], name
                assert page.locator("html").get_attribute("lang") == language
                assert_fits_and_passes_axe(page, f"{name} at {width} px")
    finally:
        context.close()
    assert not refused, "\n".join(refused)
