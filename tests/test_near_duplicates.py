"""An upload that repeats an earlier deck of the same owner is flagged as a likely new version."""

from __future__ import annotations

import io

import pytest

from slideshelf.presentations.models import Presentation
from slideshelf.search import api as search
from tests.conftest import CORPUS
from tests.factories import convert_now, upload, with_slide_inserted
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

DECK = CORPUS / "pptx/mkd_test.pptx"
OTHER = CORPUS / "pptx/poi_45545_Comment.pptx"


def upload_bytes(content: bytes, name: str, **fields) -> Presentation:
    from slideshelf.studio.lifecycle import create_presentation

    return create_presentation(io.BytesIO(content), name, **fields)


@pytest.fixture
def owner(db):
    return make_user("ada")


def earlier_of(deck: Presentation) -> Presentation | None:
    return search.near_duplicates_of([deck.pk]).get(deck.pk)


@pytest.fixture
def earlier(owner, media):
    return convert_now(upload(DECK, owner=owner, title="AutoGen"))


def test_a_new_version_is_flagged_to_its_owner(client, owner, earlier):
    newer = convert_now(
        upload_bytes(with_slide_inserted(DECK, 2, "New slide"), "v2.pptx", owner=owner)
    )
    assert earlier_of(newer) == earlier

    client.force_login(owner)
    duplicate = client.get(f"/p/{newer.public_id}/status.json").json()["duplicate"]
    assert "new version of “AutoGen”" in duplicate["message"]
    assert duplicate["action"] == f"/my/{newer.public_id}/make-new-version/"
    assert "new version of “AutoGen”" in client.get("/my/").content.decode()


def test_nobody_else_learns_of_the_earlier_deck(client, owner, earlier):
    earlier.visibility = "private"
    earlier.save()
    newer = convert_now(upload_bytes(DECK.read_bytes() + b"", "copy.pptx", owner=owner))
    assert earlier_of(newer) == earlier
    assert client.get(f"/p/{newer.public_id}/status.json").json()["duplicate"] is None
    client.force_login(make_user("eve"))
    assert client.get(f"/p/{newer.public_id}/status.json").json()["duplicate"] is None


def test_the_same_deck_from_another_owner_or_a_different_deck_is_not_flagged(owner, earlier):
    theirs = convert_now(upload(DECK, owner=make_user("eve")))
    different = convert_now(upload(OTHER, owner=owner))
    assert earlier_of(theirs) is None
    assert earlier_of(different) is None


def test_making_it_the_new_version_replaces_the_earlier_file(client, owner, earlier):
    newer = convert_now(
        upload_bytes(with_slide_inserted(DECK, 2, "New slide"), "v2.pptx", owner=owner)
    )
    client.force_login(owner)
    response = client.post(f"/my/{newer.public_id}/make-new-version/")
    assert response.status_code == 302
    assert not Presentation.objects.filter(pk=newer.pk).exists()
    earlier = convert_now(Presentation.objects.get(pk=earlier.pk))
    assert earlier.original_name == "v2.pptx" and earlier.slide_count == 7
    assert earlier.slide_history == [[1, 3, 4, 5, 6, 7]]


def test_only_the_owner_may_make_it_a_new_version(client, owner, earlier):
    newer = convert_now(upload_bytes(DECK.read_bytes(), "copy.pptx", owner=owner))
    client.force_login(make_user("eve"))
    assert client.post(f"/my/{newer.public_id}/make-new-version/").status_code == 404
    client.logout()
    response = client.post(f"/my/{newer.public_id}/make-new-version/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert Presentation.objects.filter(pk=newer.pk).exists()
