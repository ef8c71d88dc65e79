"""An owner's whole journey in real Chromium: sign up, upload, watch, edit, replace, follow a link.

The worker is the seam: the test converts in its own thread (as `slideshelf worker` would,
through the same `convert`) while the page polls the live server, so no second process has
to share the test database.
"""

from __future__ import annotations

import re

import pytest

from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, with_slide_inserted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DECK = CORPUS / "pptx/mkd_test.pptx"
RECORD_STATES = """() => {
  const seen = window.seenStates = [];
  new MutationObserver(() => {
    document.querySelectorAll('#upload-list li p').forEach(p => {
      const text = p.textContent.trim();
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    });
  }).observe(document.getElementById('upload-list'),
             {subtree: true, childList: true, characterData: true});
}"""

WAITING = "() => (window.seenStates || []).some(s => s.includes('Waiting') || s.includes('Väntar'))"


def send_and_convert(page, path: str) -> list[str]:
    """Submit the form with one file, convert it, and return the states the page showed."""
    page.wait_for_selector("#upload-list", state="attached")  # the form's page, not the last one
    page.evaluate(RECORD_STATES)
    page.set_input_files("#id_file", path)
    page.click("#upload-form button[type=submit]")
    page.wait_for_function(WAITING)
    deck = Presentation.objects.get()
    convert_now(deck)
    page.wait_for_selector("#upload-list li a", timeout=15_000)
    return page.evaluate("window.seenStates")


def test_sign_up_upload_edit_replace_and_old_slide_link(
    page, live_server, media, tmp_path, mailoutbox
):
    base = live_server.url
    page.goto(base + "/signup/")
    page.fill("#id_username", "ada")
    page.fill("#id_email", "ada@example.org")
    page.fill("#id_password1", "a long enough passphrase")
    page.fill("#id_password2", "a long enough passphrase")
    page.click("main form button[type=submit]")
    page.wait_for_url(base + "/signup/sent/")
    page.goto(re.search(r"https?://\S+/signup/confirm/\S+/", mailoutbox[-1].body).group(0))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/(my|upload)/$|.*/$"))

    page.goto(base + "/upload/")
    states = send_and_convert(page, str(DECK))
    assert states[-2].startswith("Ready")
    assert states[-1].startswith("Titled “AutoGen: Enabling Next-Gen LLM Applications")
    deck = Presentation.objects.get()
    assert (
        deck.owner.username == "ada" and deck.conversion.status == "ready" and deck.slide_count == 6
    )

    page.click("#upload-list li a")
    page.wait_for_selector("#viewer.ready")
    old_slide_3 = page.locator("#slide-3-heading").inner_text()
    old_link = f"{base}{deck.get_absolute_url()}3/"

    page.goto(base + "/my/")
    page.click(f"a[href='/my/{deck.public_id}/edit/']")
    page.fill("#id_title", "AutoGen, explained")
    page.click("main form button[type=submit]")
    page.wait_for_url(base + "/my/")
    assert "AutoGen, explained" in page.inner_text("main")

    new_version = tmp_path / "autogen-v2.pptx"
    new_version.write_bytes(with_slide_inserted(DECK, 2, "A slide inserted later"))
    page.click(f"a[href='/my/{deck.public_id}/replace/']")
    page.wait_for_url(f"{base}/my/{deck.public_id}/replace/")
    states = send_and_convert(page, str(new_version))
    assert states[-1].startswith("Ready")

    page.goto(old_link)
    page.wait_for_selector("#viewer.ready")
    assert re.search(r"/p/[a-z0-9]+/autogen-explained/4/\?v=2$", page.url), page.url
    assert page.locator("#viewer .counter").inner_text() == "Slide 4 of 7"
    assert page.locator("#viewer img.current").get_attribute("src").endswith("/4.webp")
    assert (
        page.locator("#slide-4-heading").inner_text().split(" ", 1)[1]
        == old_slide_3.split(" ", 1)[1]
    )

    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r".*/5/\?v=2$"))


def test_an_upload_that_repeats_an_earlier_deck_can_become_its_new_version(
    page, live_server, client, media, tmp_path
):
    from tests.factories import upload
    from tests.uploading import make_user

    owner = make_user("ada")
    earlier = convert_now(upload(DECK, owner=owner, title="AutoGen"))
    client.force_login(owner)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    new_version = tmp_path / "autogen-v2.pptx"
    new_version.write_bytes(with_slide_inserted(DECK, 2, "A slide inserted later"))

    page.goto(live_server.url + "/upload/")
    page.evaluate(RECORD_STATES)
    page.set_input_files("#id_file", str(new_version))
    page.click("#upload-form button[type=submit]")
    page.wait_for_function(WAITING)  # the upload is stored and queued
    newer = Presentation.objects.exclude(pk=earlier.pk).get()
    convert_now(newer)
    button = page.locator("#upload-list .duplicate button")
    button.wait_for(timeout=15_000)
    assert "new version of “AutoGen”" in page.inner_text("#upload-list .duplicate")
    with page.expect_navigation():
        button.click()
    assert page.url == live_server.url + "/my/"
    assert not Presentation.objects.filter(pk=newer.pk).exists()
    earlier.refresh_from_db()
    assert earlier.conversion.replacement_name == "autogen-v2.pptx"
