"""Managing collections (events): /my/collections/…, the deck form's collection, /c/<slug>/."""

from __future__ import annotations

import datetime
import itertools
import re

import pytest

from slideshelf.presentations.models import Collection, Presentation, Visibility
from tests.conftest import CORPUS
from tests.factories import upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@pytest.fixture
def owner():
    return make_user("ada")


@pytest.fixture
def other():
    return make_user("bob")


@pytest.fixture
def event(owner):
    return Collection.objects.create(
        name="Kommundagen 2026",
        slug="kommundagen-2026",
        date=datetime.date(2026, 10, 15),
        place="Sjöbacka",
        owner=owner,
    )


def deck(owner, title: str, **fields) -> Presentation:
    """A deck that counts as converted, without running the conversion."""
    made = upload(PDF, owner=owner, title=title, **fields)
    made.revision = 1
    made.save(update_fields=["revision"])
    return made


def running_order(collection) -> list[tuple[str, int]]:
    decks = collection.presentations.order_by("collection_position", "created_at", "pk")
    return [(d.title, d.collection_position) for d in decks]


def titles_in(html: str, *titles: str) -> list[str]:
    """The titles in the order the page shows them."""
    return sorted(titles, key=html.index)


def pages(slug: str) -> list[tuple[str, str]]:
    base = f"/my/collections/{slug}"
    return [
        ("get", f"{base}/edit/"),
        ("post", f"{base}/edit/"),
        ("post", f"{base}/order/"),
        ("post", f"{base}/add/"),
        ("get", f"{base}/delete/"),
        ("post", f"{base}/delete/"),
    ]


# Personas -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/my/collections/"),
        ("get", "/my/collections/new/"),
        ("post", "/my/collections/new/"),
        *pages("kommundagen-2026"),
    ],
)
def test_anonymous_visitor_is_sent_to_log_in_from_every_page(client, event, method, url):
    response = getattr(client, method)(url, {"name": "Taken over"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/login/?next={url}")
    assert Collection.objects.get().name == "Kommundagen 2026"


@pytest.mark.parametrize(("method", "url"), pages("kommundagen-2026"))
def test_another_user_gets_404_and_changes_nothing(client, media, event, owner, other, method, url):
    mine = deck(owner, "Ada's deck", collection=event)
    theirs = deck(other, "Bob's deck")
    client.force_login(other)
    data = {"name": "Taken over", "deck": mine.public_id, "action": "remove"}
    response = getattr(client, method)(url, {**data, "decks": [theirs.public_id]})
    assert response.status_code == 404
    assert Collection.objects.get().name == "Kommundagen 2026"
    assert running_order(event) == [("Ada's deck", 1)]


def test_another_user_does_not_see_someone_elses_collections(client, event, other):
    client.force_login(other)
    html = client.get("/my/collections/").content.decode()
    assert "Kommundagen 2026" not in html
    assert "You have no collections yet." in html


def test_staff_may_edit_someone_elses_collection(client, event):
    client.force_login(make_user("admin", is_staff=True))
    assert client.get("/my/collections/kommundagen-2026/edit/").status_code == 200
    response = client.post("/my/collections/kommundagen-2026/edit/", {"name": "Renamed"})
    assert response.status_code == 302
    assert Collection.objects.get().name == "Renamed"


# The list and creating ----------------------------------------------------------------------


def test_owner_sees_own_collections_with_date_place_and_deck_count(client, media, owner, event):
    deck(owner, "One", collection=event)
    deck(owner, "Two", collection=event, visibility=Visibility.PRIVATE)
    client.force_login(owner)
    html = client.get("/my/collections/").content.decode()
    assert html.count("<h1>") == 1
    assert '<a href="/my/collections/new/">New collection</a>' in html
    assert '<a href="/my/collections/kommundagen-2026/edit/">Kommundagen 2026</a>' in html
    assert '<time datetime="2026-10-15">' in html
    assert '<td data-label="Place">Sjöbacka</td>' in html
    assert '<td data-label="Presentations">2</td>' in html


def test_my_presentations_links_to_my_collections(client, owner):
    client.force_login(owner)
    assert '<a href="/my/collections/">My collections</a>' in client.get("/my/").content.decode()


def test_new_collection_form_is_labelled_with_a_date_input(client, owner):
    client.force_login(owner)
    html = client.get("/my/collections/new/").content.decode()
    assert html.count("<h1>") == 1
    assert "<legend>" in html
    for name in ("name", "date", "place", "description"):
        assert f'for="id_{name}"' in html
    assert 'type="date"' in html


def test_owner_creates_a_collection_with_an_ascii_slug_and_lands_on_its_edit_page(client, owner):
    client.force_login(owner)
    response = client.post(
        "/my/collections/new/",
        {"name": "Göteborgsdagen 2026", "date": "2026-05-14", "place": "Göteborg"},
    )
    created = Collection.objects.get()
    assert created.slug == "goteborgsdagen-2026"
    assert (created.owner, created.date) == (owner, datetime.date(2026, 5, 14))
    assert response["Location"] == "/my/collections/goteborgsdagen-2026/edit/"
    assert "“Göteborgsdagen 2026” is created." in client.get(response["Location"]).content.decode()


def test_same_names_get_numbered_slugs_and_reserved_words_a_suffix(client, owner, other):
    client.force_login(owner)
    for name in ("Demo day", "Demo day", "Demo  Day", "New", "Delete", "Юбилей"):
        assert client.post("/my/collections/new/", {"name": name}).status_code == 302
    slugs = list(Collection.objects.order_by("pk").values_list("slug", flat=True))
    assert slugs == [
        "demo-day",
        "demo-day-2",
        "demo-day-3",
        "new-collection",
        "delete-collection",
        "collection",
    ]


@pytest.mark.parametrize(
    "data",
    [{"name": ""}, {"name": "Ok", "date": "14 maj"}, {"name": "x" * 201}],
    ids=["no name", "bad date", "long name"],
)
def test_bad_input_is_refused_with_400_and_nothing_is_stored(client, owner, data):
    client.force_login(owner)
    response = client.post("/my/collections/new/", data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Collection.objects.count() == 0


# Editing ------------------------------------------------------------------------------------


def test_owner_edits_the_details_and_the_address_stays(client, owner, event):
    client.force_login(owner)
    url = "/my/collections/kommundagen-2026/edit/"
    assert 'value="2026-10-15"' in client.get(url).content.decode()
    response = client.post(url, {"name": "Kommundagen", "date": "", "place": "Online"})
    assert response["Location"] == url
    event.refresh_from_db()
    assert (event.name, event.date, event.place) == ("Kommundagen", None, "Online")
    assert event.slug == "kommundagen-2026"


def test_refused_edit_keeps_the_heading_and_the_details(client, owner, event):
    client.force_login(owner)
    response = client.post("/my/collections/kommundagen-2026/edit/", {"name": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Edit “Kommundagen 2026”</h1>" in html
    assert 'role="alert"' in html
    assert Collection.objects.get().name == "Kommundagen 2026"


def test_edit_page_has_ordered_headings_and_named_buttons(client, media, owner, event):
    deck(owner, "First talk", collection=event)
    deck(owner, "Second talk", collection=event)
    client.force_login(owner)
    html = client.get("/my/collections/kommundagen-2026/edit/").content.decode()
    assert html.count("<h1>") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    hidden = '<span class="visually-hidden">: {}</span>'
    assert f"Move down{hidden.format('First talk')}</button>" in html
    assert f"Move up{hidden.format('Second talk')}</button>" in html
    assert f"Move up{hidden.format('First talk')}" not in html  # nowhere to go
    assert f"Remove from collection{hidden.format('Second talk')}</button>" in html


def test_owner_adds_own_decks_at_the_end(client, media, owner, other, event):
    deck(owner, "Already in", collection=event)
    first = deck(owner, "Added first")
    second = deck(owner, "Added second")
    deck(other, "Bob's deck")
    client.force_login(owner)
    html = client.get("/my/collections/kommundagen-2026/edit/").content.decode()
    assert "Added first" in html and "Bob&#x27;s deck" not in html
    response = client.post(
        "/my/collections/kommundagen-2026/add/", {"decks": [second.public_id, first.public_id]}
    )
    assert response["Location"] == "/my/collections/kommundagen-2026/edit/#running-order"
    assert running_order(event) == [("Already in", 1), ("Added first", 2), ("Added second", 3)]


def test_adding_someone_elses_deck_is_refused_with_400(client, media, owner, other, event):
    theirs = deck(other, "Bob's deck")
    client.force_login(owner)
    response = client.post("/my/collections/kommundagen-2026/add/", {"decks": [theirs.public_id]})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Presentation.objects.get(pk=theirs.pk).collection is None


def test_moving_up_and_down_changes_the_running_order(client, media, owner, event):
    decks = [deck(owner, title, collection=event) for title in ("A", "B", "C")]
    client.force_login(owner)
    url = "/my/collections/kommundagen-2026/order/"
    response = client.post(url, {"deck": decks[2].public_id, "action": "up"})
    assert (
        response["Location"] == f"/my/collections/kommundagen-2026/edit/#deck-{decks[2].public_id}"
    )
    assert running_order(event) == [("A", 1), ("C", 2), ("B", 3)]
    client.post(url, {"deck": decks[0].public_id, "action": "down"})
    assert running_order(event) == [("C", 1), ("A", 2), ("B", 3)]
    client.post(url, {"deck": decks[2].public_id, "action": "up"})  # already first
    assert running_order(event) == [("C", 1), ("A", 2), ("B", 3)]
    assert "“C” moved up." in client.get("/my/collections/kommundagen-2026/edit/").content.decode()


def test_removing_a_deck_keeps_it_and_renumbers_the_rest(client, media, owner, event):
    decks = [deck(owner, title, collection=event) for title in ("A", "B", "C")]
    client.force_login(owner)
    url = "/my/collections/kommundagen-2026/order/"
    assert client.post(url, {"deck": decks[0].public_id, "action": "remove"}).status_code == 302
    assert running_order(event) == [("B", 1), ("C", 2)]
    removed = Presentation.objects.get(pk=decks[0].pk)
    assert (removed.collection, removed.collection_position) == (None, 0)


@pytest.mark.parametrize("action", ["up", "sideways"])
def test_bad_order_requests_are_refused_with_400(client, media, owner, event, action):
    inside = deck(owner, "Inside", collection=event)
    outside = deck(owner, "Outside")
    client.force_login(owner)
    url = "/my/collections/kommundagen-2026/order/"
    target = outside if action == "up" else inside
    response = client.post(url, {"deck": target.public_id, "action": action})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert running_order(event) == [("Inside", 1)]


def test_order_changes_refuse_get(client, owner, event):
    client.force_login(owner)
    assert client.get("/my/collections/kommundagen-2026/order/").status_code == 405
    assert client.get("/my/collections/kommundagen-2026/add/").status_code == 405


# Deleting -----------------------------------------------------------------------------------


def test_delete_asks_first_then_keeps_the_decks(client, media, owner, event):
    kept = deck(owner, "Kept talk", collection=event)
    client.force_login(owner)
    html = client.get("/my/collections/kommundagen-2026/delete/").content.decode()
    assert "its 1 presentation stays" in html
    assert Collection.objects.exists()
    response = client.post("/my/collections/kommundagen-2026/delete/")
    assert response["Location"] == "/my/collections/"
    assert not Collection.objects.exists()
    kept.refresh_from_db()
    assert (kept.collection, kept.collection_position) == (None, 0)
    assert "“Kommundagen 2026” is deleted." in client.get("/my/collections/").content.decode()


# The public page ----------------------------------------------------------------------------


def test_public_page_lists_decks_in_running_order(client, media, owner, event):
    decks = [deck(owner, title, collection=event) for title in ("Opening", "Keynote", "Closing")]
    client.force_login(owner)
    client.post(
        "/my/collections/kommundagen-2026/order/", {"deck": decks[2].public_id, "action": "up"}
    )
    client.logout()
    html = client.get("/c/kommundagen-2026/").content.decode()
    assert titles_in(html, "Opening", "Keynote", "Closing") == ["Opening", "Closing", "Keynote"]


def test_private_deck_in_a_public_collection_is_not_on_its_page(client, media, owner, event):
    deck(owner, "Public talk", collection=event)
    deck(owner, "Canary private", collection=event, visibility=Visibility.PRIVATE)
    html = client.get("/c/kommundagen-2026/").content.decode()
    assert "Public talk" in html
    assert "Canary private" not in html
    assert "1 presentation" in html


# The collection on the upload and edit forms ------------------------------------------------


def test_deck_forms_offer_only_ones_own_collections(client, media, owner, other, event):
    Collection.objects.create(name="Bob's event", slug="bobs-event", owner=other)
    mine = deck(owner, "Ada's deck")
    client.force_login(owner)
    for url in ("/upload/", f"/my/{mine.public_id}/edit/"):
        html = client.get(url).content.decode()
        assert 'for="id_collection"' in html
        assert '<option value="" selected>No collection</option>' in html
        assert f'<option value="{event.pk}">Kommundagen 2026</option>' in html
        assert "Bob&#x27;s event" not in html


def test_upload_puts_the_deck_at_the_end_of_the_collection(client, media, owner, event):
    deck(owner, "Earlier", collection=event)
    client.force_login(owner)
    with PDF.open("rb") as handle:
        response = client.post(
            "/upload/",
            {"file": handle, "title": "Uploaded", "visibility": "public", "collection": event.pk},
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 201
    assert running_order(event) == [("Earlier", 1), ("Uploaded", 2)]


def test_posting_someone_elses_collection_is_refused_with_400(client, media, owner, other):
    theirs = Collection.objects.create(name="Bob's event", slug="bobs-event", owner=other)
    mine = deck(owner, "Ada's deck")
    client.force_login(owner)
    with PDF.open("rb") as handle:
        response = client.post(
            "/upload/",
            {"file": handle, "visibility": "public", "collection": theirs.pk},
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 400
    assert Presentation.objects.count() == 1
    edit = {"title": "Changed", "visibility": "public", "collection": theirs.pk}
    response = client.post(f"/my/{mine.public_id}/edit/", edit)
    assert response.status_code == 400
    mine.refresh_from_db()
    assert (mine.title, mine.collection) == ("Ada's deck", None)


def test_editing_a_deck_moves_it_to_the_end_of_another_collection(client, media, owner, event):
    later = Collection.objects.create(name="Later event", slug="later-event", owner=owner)
    moved, stays = deck(owner, "Moved", collection=event), deck(owner, "Stays", collection=event)
    deck(owner, "Already there", collection=later)
    client.force_login(owner)
    edit = {"title": "Moved", "visibility": "public", "collection": later.pk}
    assert client.post(f"/my/{moved.public_id}/edit/", edit).status_code == 302
    assert running_order(later) == [("Already there", 1), ("Moved", 2)]
    assert running_order(event) == [("Stays", 1)]
    # Saving again without a change keeps its place.
    edit = {"title": "Stays", "visibility": "public", "collection": event.pk}
    client.post(f"/my/{stays.public_id}/edit/", edit)
    assert running_order(event) == [("Stays", 1)]
