"""Several decks at once from the owner's list: visibility changed, or deleted after the owner
has seen what goes; never another person's deck."""

from __future__ import annotations

import pytest

from slideshelf.presentations.models import Presentation
from slideshelf.studio.views.mine import PER_PAGE
from tests.factories import one_slide_deck
from tests.uploading import files_in, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def decks(media):
    """Converted decks with real pictures, made without LibreOffice: which decks a bulk action
    changes does not depend on how their slides were made."""
    ada = make_user("ada")
    mine = [one_slide_deck(f"Deck {n}", owner=ada) for n in (1, 2, 3)]
    theirs = one_slide_deck("Bob's", owner=make_user("bob"))
    return ada, mine, theirs


def chosen(*decks):
    return [deck.public_id for deck in decks]


def test_the_list_is_cards_with_a_choice_box_thumbnail_and_counts(client, decks):
    ada, mine, _ = decks
    client.force_login(ada)
    page = client.get("/my/").content.decode()
    for deck in mine:
        assert f'value="{deck.public_id}" form="bulk"' in page
        assert f"/p/{deck.public_id}/r" in page, "the first slide's thumbnail"
    assert page.count('class="my-deck"') == 3
    assert "0 views" in page


def test_chosen_decks_become_private_and_the_rest_stay(client, decks):
    ada, mine, _ = decks
    client.force_login(ada)
    response = client.post("/my/bulk/", {"action": "private", "deck": chosen(*mine[:2])})
    assert response.status_code == 302
    visibility = {d.title: d.visibility for d in Presentation.objects.filter(owner=ada)}
    assert visibility == {"Deck 1": "private", "Deck 2": "private", "Deck 3": "public"}
    page = client.get("/my/").content.decode()
    assert "2 presentations are private now." in page
    anonymous = client.__class__()
    assert anonymous.get(mine[0].get_absolute_url()).status_code == 404
    assert anonymous.get(mine[2].get_absolute_url()).status_code == 200


def test_delete_asks_first_listing_what_goes_then_deletes_with_files(client, decks, media):
    ada, mine, _ = decks
    client.force_login(ada)
    asked = client.post("/my/bulk/", {"action": "delete", "deck": chosen(*mine[:2])})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Delete 2 presentations?" in page and "Deck 1" in page and "Deck 2" in page
    assert Presentation.objects.filter(owner=ada).count() == 3, "nothing deleted yet"
    folder = media / mine[0].media_folder
    assert files_in(folder), "the first deck's pictures are there"
    done = client.post(
        "/my/bulk/", {"action": "delete", "deck": chosen(*mine[:2]), "confirmed": "1"}
    )
    assert done.status_code == 302
    assert [d.title for d in Presentation.objects.filter(owner=ada)] == ["Deck 3"]
    assert not files_in(folder), "its pictures are gone"
    assert "2 presentations are deleted." in client.get("/my/").content.decode()


def test_another_persons_deck_is_never_changed(client, decks):
    ada, mine, theirs = decks
    client.force_login(ada)
    client.post(
        "/my/bulk/", {"action": "delete", "deck": chosen(mine[0], theirs), "confirmed": "1"}
    )
    assert Presentation.objects.filter(pk=theirs.pk).exists()
    assert Presentation.objects.filter(pk=mine[0].pk).exists(), "the whole request is refused"


def test_nothing_chosen_says_so_and_changes_nothing(client, decks):
    ada, _, _ = decks
    client.force_login(ada)
    response = client.post("/my/bulk/", {"action": "private"}, follow=True)
    assert "Choose at least one presentation first." in response.content.decode()
    assert not Presentation.objects.filter(visibility="private").exists()


def test_a_visitor_cannot_use_it(client, decks):
    _, mine, _ = decks
    response = client.post("/my/bulk/", {"action": "delete", "deck": chosen(mine[0])})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert Presentation.objects.count() == 4


def test_a_long_list_comes_a_page_at_a_time_in_as_many_queries(
    client, media, django_assert_max_num_queries
):
    """An owner of many decks: 50 cards a page, newest first, with a pager; the queries do not
    grow with the decks shown."""
    ada = make_user("ada")
    for n in range(PER_PAGE + 1):
        one_slide_deck(f"Deck {n:02}", owner=ada)
    client.force_login(ada)
    with django_assert_max_num_queries(12):
        first = client.get("/my/").content.decode()
    assert first.count('class="my-deck"') == PER_PAGE
    assert f"Deck {PER_PAGE:02}" in first and "Deck 00" not in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/my/?page=2").content.decode()
    assert second.count('class="my-deck"') == 1 and "Deck 00" in second
