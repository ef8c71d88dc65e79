from __future__ import annotations

import pytest

from slideshelf.conversion.messages import message
from slideshelf.conversion.models import Stage, claim
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def owner():
    return make_user("ada")


def status_of(client, deck):
    return client.get(f"/p/{deck.public_id}/status.json")


def test_queued_deck_reports_every_field(client, owner, media):
    deck = upload(PDF, owner=owner)
    client.force_login(owner)
    response = status_of(client, deck)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "status": "queued",
        "stage": "",
        "stage_label": "Waiting",
        "done": 0,
        "total": 0,
        "error": "",
        "page_url": deck.get_absolute_url(),
        "duplicate": None,
        "title": None,
    }


def test_drawing_slides_reports_slide_progress(client, owner, media):
    deck = upload(PDF, owner=owner)
    conversion = claim(deck.pk)
    conversion.progress(Stage.IMAGES, 3, 12)
    client.force_login(owner)
    body = status_of(client, deck).json()
    assert (body["status"], body["stage"], body["stage_label"]) == (
        "converting",
        "images",
        "Drawing the slides",
    )
    assert (body["done"], body["total"]) == (3, 12)


def test_stage_label_follows_the_interface_language(client, owner, media):
    deck = upload(PDF, owner=owner)
    deck.conversion.progress(Stage.PDF, 0, 0)
    client.force_login(owner)
    body = client.get(f"/p/{deck.public_id}/status.json", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert body["stage"] == "pdf"
    assert body["stage_label"]


def test_ready_deck_reports_its_page(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner))
    client.force_login(owner)
    body = status_of(client, deck).json()
    assert body["status"] == "ready"
    assert body["page_url"] == deck.get_absolute_url()
    assert body["total"] >= body["done"]


def test_owner_of_an_untitled_deck_is_told_the_title_and_where_to_change_it(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner))
    client.force_login(owner)
    body = status_of(client, deck).json()
    assert body["title"] == {
        "message": f"Titled “{deck.title}” from the first slide.",
        "url": f"/my/{deck.public_id}/edit/",
        "link": "Change the title",
    }
    swedish = client.get(f"/p/{deck.public_id}/status.json", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert swedish["title"]["message"] == f"Fick titeln ”{deck.title}” från första bilden."


def test_a_title_the_owner_gave_is_not_reported(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner, title="Umlaute"))
    client.force_login(owner)
    assert status_of(client, deck).json()["title"] is None


def test_only_the_owner_is_told_how_the_title_was_chosen(client, owner, media):
    deck = convert_now(upload(PDF, owner=owner))
    assert status_of(client, deck).json()["title"] is None
    client.force_login(make_user("bob"))
    assert status_of(client, deck).json()["title"] is None


def test_failed_deck_reports_its_message(client, owner, media):
    deck = upload(PDF, owner=owner)
    deck.conversion.fail(message("The file is damaged."))
    client.force_login(owner)
    body = status_of(client, deck).json()
    assert (body["status"], body["error"]) == ("failed", "The file is damaged.")


def test_owner_sees_the_status_of_a_private_deck(client, owner, media):
    deck = upload(PDF, owner=owner, visibility="private")
    client.force_login(owner)
    assert status_of(client, deck).status_code == 200


def test_other_user_gets_404_for_a_private_deck(client, owner, media):
    deck = upload(PDF, owner=owner, visibility="private")
    client.force_login(make_user("bob"))
    assert status_of(client, deck).status_code == 404


def test_anonymous_visitor_gets_404_for_a_private_deck(client, owner, media):
    deck = upload(PDF, owner=owner, visibility="private")
    assert status_of(client, deck).status_code == 404


@pytest.mark.parametrize("visibility", ["public", "unlisted"])
def test_anyone_sees_the_status_of_a_shared_deck(client, owner, media, visibility):
    deck = upload(PDF, owner=owner, visibility=visibility)
    assert status_of(client, deck).status_code == 200
    client.force_login(make_user("bob"))
    assert status_of(client, deck).status_code == 200


def test_unknown_deck_is_a_404(client, media):
    assert client.get("/p/nosuchdeck/status.json").status_code == 404


def test_status_refuses_post(client, owner, media):
    deck = upload(PDF, owner=owner)
    client.force_login(owner)
    assert client.post(f"/p/{deck.public_id}/status.json").status_code == 405
