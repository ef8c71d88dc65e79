"""In real Chromium: the error pages and the password-change form fit and pass axe at every width
the site is checked at, in both languages, and a page load asks for nothing the site does not
have (no 404 for an icon)."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.browser import WIDTHS, assert_no_axe_violations, csp_violations, horizontal_overflow
from tests.conftest import SQLITE_PASS_ONLY
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

LANGUAGES = ("en", "sv")
ERROR_PAGES = {
    "/test-errors/400/": 400,
    "/test-errors/403/": 403,
    "/no-such-page/": 404,
    "/test-errors/429/": 429,
    "/test-errors/500/": 500,
}


@pytest.fixture
def failing_views(settings):
    settings.ROOT_URLCONF = "tests.error_urls"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def width(request):
    return request.param


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture
def visitor(browser, width, language):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    refused = csp_violations(context)
    yield context
    context.close()
    assert not refused, "\n".join(refused)


def test_error_pages_pass_axe_and_fit_the_screen(failing_views, live_server, visitor):
    page = visitor.new_page()
    for path, status in ERROR_PAGES.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == status, path
        assert page.locator("main form[role=search] input[name=q]").is_visible(), path
        assert_no_axe_violations(page)
        assert horizontal_overflow(page) == 0, path


def test_the_csrf_failure_page_passes_axe(live_server, visitor, language):
    """A login form sent after its cookie is gone, as when cookies are cleared meanwhile."""
    page = visitor.new_page()
    page.goto(live_server.url + "/login/")
    visitor.clear_cookies()
    page.fill("#id_username", "ada")
    page.fill("#id_password", "a long and good passphrase 81")
    with page.expect_response(lambda answer: answer.request.method == "POST") as sent:
        page.click("main button[type=submit]")
    assert sent.value.status == 403
    with translation.override(language):
        assert page.locator("h1").inner_text() == gettext("The form could not be sent")
    assert_no_axe_violations(page)
    assert horizontal_overflow(page) == 0


def test_the_password_change_page_passes_axe_empty_and_with_its_errors(
    live_server, visitor, client
):
    client.force_login(make_user("ada"))
    session = client.cookies["sessionid"].value
    visitor.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = visitor.new_page()
    assert page.goto(live_server.url + "/account/password/").status == 200
    assert_no_axe_violations(page)
    page.fill("#id_old_password", "not the password")
    page.fill("#id_new_password1", "kort")
    page.fill("#id_new_password2", "kort")
    page.click("main button[type=submit]")
    assert page.locator("#id_old_password_error").is_visible()
    assert page.locator("#id_new_password2_error").is_visible()
    assert_no_axe_violations(page)
    assert horizontal_overflow(page) == 0


def test_a_page_load_asks_for_nothing_the_site_does_not_have(live_server, browser):
    context = browser.new_context()
    missing: list[str] = []
    context.on(
        "response", lambda answer: missing.append(answer.url) if answer.status >= 400 else None
    )
    context.on(
        "console",
        lambda message: missing.append(message.text) if message.type == "error" else None,
    )
    page = context.new_page()
    try:
        for path in ("/", "/search/", "/login/"):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        # What a browser asks for by itself, whatever the page names. Fetched, not opened: an
        # image opened as a page is shown by Chromium's own viewer, whose inline style the
        # site's policy refuses.
        assert page.request.get(live_server.url + "/favicon.ico").status == 200
        assert page.request.get(live_server.url + "/manifest.webmanifest").status == 200
    finally:
        context.close()
    assert missing == []
