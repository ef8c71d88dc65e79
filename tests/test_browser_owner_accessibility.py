"""The pages of people who publish and moderate, in real Chromium, in both languages, on a 320
and a 390 px phone and a desktop: nothing scrolls sideways and axe-core finds no WCAG 2.1 A/AA
violation, on the forms as they first show and with their error messages."""

from __future__ import annotations

import pytest

from slideshelf.presentations.models import Collection
from tests.browser import (
    WIDTHS,
    assert_fits_and_passes_axe,
    assert_no_axe_violations,
    csp_violations,
)
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def site(media):
    """A staff member who also publishes: one account sees every owner and staff page."""
    owner = make_user("anna", first_name="Anna", is_staff=True)
    event = Collection.objects.create(name="Höstkonferensen", slug="hostkonferensen", owner=owner)
    deck = convert_now(
        upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen", collection=event)
    )
    from slideshelf.moderation.services import hide, report

    report(deck, "spam", "", None)
    hide(deck, owner, "The slides repeat an advert.")
    deck.refresh_from_db()
    return owner, deck


def owner_pages(deck) -> dict[str, str]:
    return {
        "upload": "/upload/",
        "my presentations": "/my/",
        "edit": f"/my/{deck.public_id}/edit/",
        "replace": f"/my/{deck.public_id}/replace/",
        "delete": f"/p/{deck.public_id}/delete/",
        "my collections": "/my/collections/",
        "new collection": "/my/collections/new/",
        "edit collection": "/my/collections/hostkonferensen/edit/",
        "delete collection": "/my/collections/hostkonferensen/delete/",
        "answer moderation": f"/my/{deck.public_id}/moderation/",
        "moderation queue": "/moderation/",
        "moderation decision": f"/moderation/{deck.public_id}/",
        "profile": "/account/profile/",
        "change password": "/account/password/",
        "statistics": f"/my/{deck.public_id}/statistics/",
        "own presentation": deck.get_absolute_url(),
        "home, signed in": "/",
    }


# Pages whose form, sent empty or wrong, comes back with its errors shown.
FORMS_WITH_ERRORS = {
    "upload": ("#upload-form", {}),
    "edit": ("main form.upload-form", {"#id_tags": ",".join(f"t{n}" for n in range(30))}),
    "replace": ("#upload-form", {}),
    "new collection": ("main form", {}),
}


@pytest.fixture(params=["sv", "en"])
def signed_in(request, browser, live_server, client, site):
    owner, deck = site
    client.force_login(owner)
    language = request.param
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    refused = csp_violations(context)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    yield page, deck, language
    context.close()
    assert not refused, "\n".join(refused)


def test_owner_and_staff_pages_fit_and_pass_axe(signed_in, live_server):
    page, deck, language = signed_in
    for name, path in owner_pages(deck).items():
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            response = page.goto(live_server.url + path)
            assert response.status == 200, name
            assert page.locator("html").get_attribute("lang") == language, name
            assert_fits_and_passes_axe(page, f"{name} at {width} px")


def test_forms_with_their_errors_fit_and_pass_axe(signed_in, live_server):
    page, deck, _ = signed_in
    pages = owner_pages(deck)
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    for name, (form, values) in FORMS_WITH_ERRORS.items():
        page.goto(live_server.url + pages[name])
        for selector, value in values.items():
            page.fill(selector, value)
        # form.submit() skips the page's script, so the server's own error page is checked.
        with page.expect_navigation():
            page.eval_on_selector(form, "form => form.submit()")
        assert page.locator("[role=alert]").count() >= 1, name
        assert_fits_and_passes_axe(page, f"{name} with errors")


def test_bulk_delete_asks_on_a_page_that_fits_and_passes_axe(signed_in, live_server):
    page, deck, _ = signed_in
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    page.goto(live_server.url + "/my/")
    page.check(f"#pick-{deck.public_id}")
    page.select_option("#id_action", "delete")
    with page.expect_navigation():
        page.click("#bulk button[type=submit]")
    assert page.locator("h1").count() == 1 and deck.display_title in page.inner_text("main")
    assert_fits_and_passes_axe(page, "bulk delete")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith("/my/")
    assert deck.public_id not in page.content()


def test_a_new_api_token_is_shown_on_a_page_that_fits_and_passes_axe(signed_in, live_server):
    """The token, 40-odd characters without a break, shown once on the profile page."""
    page, _, _ = signed_in
    page.goto(live_server.url + "/account/profile/")
    page.fill("#id_token-name", "Intranet publishing")
    with page.expect_navigation():
        page.click("form[action$='/tokens/new/'] button[type=submit]")
    assert len(page.input_value("#new-token")) >= 32
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert_fits_and_passes_axe(page, f"new token at {width} px")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_report_page_passes_axe_for_an_anonymous_visitor(browser, live_server, media, language):
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx", title="AutoGen"))
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    try:
        assert page.goto(f"{live_server.url}/p/{deck.public_id}/report/").status == 200
        assert_no_axe_violations(page)
        with page.expect_navigation():
            page.eval_on_selector("main form", "form => form.submit()")
        assert page.locator("[role=alert]").count() >= 1
        assert_no_axe_violations(page)
    finally:
        context.close()
