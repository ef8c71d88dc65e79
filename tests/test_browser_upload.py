"""The upload page's script in real Chromium: one request per file, progress, then the link."""

from __future__ import annotations

import pytest

from slideshelf.presentations.models import Presentation
from tests.browser import assert_no_axe_violations, wait_in_page
from tests.conftest import CORPUS
from tests.factories import convert_now
from tests.uploading import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def signed_in(page, live_server, client):
    client.force_login(make_user("ada"))
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def test_upload_page_passes_axe(signed_in, live_server, media):
    signed_in.goto(live_server.url + "/upload/")
    assert_no_axe_violations(signed_in)


def test_each_file_is_sent_alone_and_followed_until_ready(signed_in, live_server, media):
    page = signed_in
    page.goto(live_server.url + "/upload/")
    page.fill("#id_title", "Umlaute")
    page.set_input_files("#id_file", [str(PDF), str(PDF)])
    page.click("#upload-form button[type=submit]")
    wait_in_page(page, "() => document.querySelectorAll('#upload-list li').length === 2")
    wait_in_page(page, "() => document.querySelectorAll('#upload-list progress').length")
    wait_in_page(
        page,
        "() => Array.from(document.querySelectorAll('#upload-list p'))"
        ".every(p => p.textContent.includes('Waiting'))",
    )
    assert page.url == live_server.url + "/upload/"
    decks = list(Presentation.objects.all())
    assert [deck.title for deck in decks] == ["Umlaute", "Umlaute"]
    for deck in decks:
        convert_now(deck)
    # Each item follows its own deck: the two links come in either order.
    wait_in_page(page, "() => document.querySelectorAll('#upload-list a').length === 2")
    links = page.locator("#upload-list a")
    assert links.first.get_attribute("href").startswith("/p/")


def test_a_refused_file_shows_the_servers_message(signed_in, live_server, media, tmp_path):
    fake = tmp_path / "picture.pptx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    page = signed_in
    page.goto(live_server.url + "/upload/")
    page.set_input_files("#id_file", str(fake))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-list .failed")
    assert "a PNG image" in page.inner_text("#upload-list .failed")
    assert Presentation.objects.count() == 0


def test_an_untitled_upload_says_which_title_it_got_and_links_to_change_it(
    signed_in, live_server, media
):
    page = signed_in
    page.goto(live_server.url + "/upload/")
    page.set_input_files("#id_file", str(CORPUS / "pptx/pypptx_no-core-props.pptx"))
    page.click("#upload-form button[type=submit]")
    wait_in_page(
        page, "() => (document.querySelector('#upload-list p') || {}).textContent === 'Waiting'"
    )
    deck = convert_now(Presentation.objects.get())
    note = page.wait_for_selector("#upload-list .titled", timeout=10_000)
    assert note.inner_text() == "Titled “Minimal Deck” from the first slide. Change the title"
    page.click("#upload-list .titled a")
    page.wait_for_url(f"{live_server.url}/my/{deck.public_id}/edit/")
    assert page.input_value("#id_title") == "Minimal Deck"
