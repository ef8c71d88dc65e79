"""What an owner sees that a visitor does not: the upload link, their deck's visibility and the
ways to change it, a retry only where one can help, languages by name."""

from __future__ import annotations

import pytest

from slideshelf.conversion.intake import retry
from slideshelf.conversion.models import Status
from slideshelf.studio.forms import DeckDetailsForm
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PPTX = CORPUS / "pptx/mkd_test.pptx"
ENCRYPTED = CORPUS / "broken/msoc_Encrypted.pptx"


@pytest.fixture
def owner():
    return make_user("ada")


@pytest.fixture
def private_deck(owner, media):
    return convert_now(upload(PPTX, owner=owner, title="Budget 2027", visibility="private"))


def test_signed_in_people_have_an_upload_link_and_visitors_do_not(client, owner):
    assert 'href="/upload/"' not in client.get("/").content.decode()
    client.force_login(owner)
    assert 'href="/upload/"' in client.get("/").content.decode()


def test_the_owner_sees_the_visibility_and_the_ways_to_change_their_deck(
    client, owner, private_deck
):
    client.force_login(owner)
    page = client.get(private_deck.get_absolute_url()).content.decode()
    assert '<span class="badge">Private</span>' in page
    for action in ("edit", "replace", "statistics"):
        assert f'href="/my/{private_deck.public_id}/{action}/"' in page


def test_a_visitor_sees_no_owner_cues_on_a_public_deck(client, owner, media):
    deck = convert_now(upload(PPTX, owner=owner, title="Open data"))
    page = client.get(deck.get_absolute_url()).content.decode()
    assert "owner-bar" not in page and f"/my/{deck.public_id}/edit/" not in page
    client.force_login(make_user("bob"))
    assert "owner-bar" not in client.get(deck.get_absolute_url()).content.decode()


def test_staff_see_the_cues_on_anyones_deck(client, private_deck):
    client.force_login(make_user("admin", is_staff=True))
    page = client.get(private_deck.get_absolute_url()).content.decode()
    assert f'href="/my/{private_deck.public_id}/edit/"' in page


def test_a_file_that_cannot_be_opened_is_not_offered_a_retry(client, owner, media):
    deck = convert_now(upload(ENCRYPTED, owner=owner, title="Locked"))
    assert deck.conversion.status == Status.FAILED
    assert not deck.conversion.can_retry
    client.force_login(owner)
    page = client.get("/my/").content.decode()
    assert "Try again" not in page
    assert "Trying again would not help" in page
    assert not retry(deck), "a retry asked for anyway is refused"
    client.post(f"/my/{deck.public_id}/retry/")
    deck.refresh_from_db()
    assert deck.conversion.status == Status.FAILED


def test_a_failure_of_the_machinery_is_offered_a_retry(client, owner, media):
    from slideshelf.conversion.messages import message

    deck = upload(PPTX, owner=owner, title="Unlucky")
    deck.conversion.fail(message("LibreOffice did not answer in time."))
    assert deck.conversion.can_retry
    client.force_login(owner)
    assert client.get("/my/").content.decode().count("Try again<") == 1


def language_form(owner, **data):
    fields = {"visibility": "public", "licence": "all-rights-reserved"} | data
    return DeckDetailsForm(fields, user=owner)


def test_language_is_chosen_by_name_from_those_search_knows(client, owner, private_deck):
    client.force_login(owner)
    client.get("/language/sv/")
    page = client.get(f"/my/{private_deck.public_id}/edit/").content.decode()
    assert '<select name="language"' in page
    assert '<option value="sv">Svenska</option>' in page
    assert '<option value="fi">Finska</option>' in page
    assert '<option value="ja">Japanska</option>' in page
    assert "Känn igen det från bilderna" in page


def test_a_regional_code_is_taken_as_its_language_and_a_made_up_one_refused(owner):
    regional = language_form(owner, language="sv-SE")
    assert regional.is_valid(), regional.errors
    assert regional.cleaned_data["language"] == "sv"
    assert not language_form(owner, language="<script>").is_valid()
    assert language_form(owner, language="").is_valid()


def test_a_deck_in_a_language_search_lacks_keeps_it_as_a_choice(owner):
    form = DeckDetailsForm(
        {"language": "la", "visibility": "public", "licence": "all-rights-reserved"},
        initial={"language": "la"},
        user=owner,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["language"] == "la"
