"""A deck's transcript as a Markdown or plain text file, from a real converted deck."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from slideshelf.presentations.models import Visibility
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def deck(media):
    owner = get_user_model().objects.create_user("ada", password="pw", first_name="Ada")
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def test_markdown_has_every_slide_its_tables_and_the_decks_details(client, deck):
    response = client.get(f"/p/{deck.public_id}/transcript.md")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{deck.slug}.md"'
    text = response.content.decode()
    assert text.startswith("# AutoGen talk\n")
    assert "Ada · " in text and f"http://testserver{deck.get_absolute_url()}" in text
    assert text.count("\n## ") == deck.slide_count
    assert "```\nColA | ColB" in text, "a table stays a block"
    for slide in deck.slides.all():
        if slide.title:
            assert f"## {slide.number}. {' '.join(slide.title.split())}" in text


def test_plain_text_says_the_same_without_markup(client, deck):
    text = client.get(f"/p/{deck.public_id}/transcript.txt").content.decode()
    assert text.startswith("AutoGen talk\n============\n")
    assert "```" not in text and "## " not in text
    assert "ColA | ColB" in text


def test_the_page_and_the_api_link_them_and_only_those_who_may_see_get_them(client, deck):
    page = client.get(deck.get_absolute_url()).content.decode()
    assert f'href="/p/{deck.public_id}/transcript.md" download' in page
    api = client.get(f"/api/v1/decks/{deck.public_id}/").json()
    assert api["transcript_text_url"].endswith(f"/p/{deck.public_id}/transcript.txt")
    deck.visibility = Visibility.PRIVATE
    deck.save()
    assert client.get(f"/p/{deck.public_id}/transcript.md").status_code == 404
    client.force_login(deck.owner)
    assert client.get(f"/p/{deck.public_id}/transcript.md").status_code == 200
