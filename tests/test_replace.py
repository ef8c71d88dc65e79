"""Replacing a deck's file: same id and address, old slide links following their slides."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from slideshelf.conversion.services import convert
from slideshelf.conversion.tasks import queue_conversion
from slideshelf.presentations.models import Presentation
from slideshelf.presentations.slide_map import follow, match_slides
from tests.conftest import CORPUS
from tests.factories import convert_now, upload, with_slide_inserted
from tests.uploading import make_user

DECK = CORPUS / "pptx/mkd_test.pptx"  # six slides, each with its own text
LOCKED_PDF = CORPUS / "broken/unst_password.pdf"


class TestMatchSlides:
    OLD = ["Intro", "Agenda", "Results of the survey", "Plan for 2027", "Questions"]

    def test_unchanged_deck_maps_every_slide_to_itself(self):
        assert match_slides(self.OLD, self.OLD) == [1, 2, 3, 4, 5]

    def test_inserted_slide_moves_later_slides_down(self):
        new = ["Intro", "New slide", *self.OLD[1:]]
        assert match_slides(self.OLD, new) == [1, 3, 4, 5, 6]

    def test_removed_slide_goes_to_the_slide_that_followed_it(self):
        new = ["Intro", "Results of the survey", "Plan for 2027", "Questions"]
        assert match_slides(self.OLD, new) == [1, 2, 2, 3, 4]

    def test_removed_last_slide_goes_to_the_one_before_it(self):
        assert match_slides(self.OLD, self.OLD[:-1]) == [1, 2, 3, 4, 4]

    def test_reordered_slides_are_found_where_they_went(self):
        assert match_slides(self.OLD, list(reversed(self.OLD))) == [5, 4, 3, 2, 1]

    def test_edited_slide_is_matched_by_its_words(self):
        new = ["Intro", "Questions", "Agenda", "Results of the 2026 survey", "Plan for 2027"]
        assert match_slides(self.OLD, new) == [1, 3, 4, 5, 2]

    def test_rewritten_slide_between_unchanged_ones_keeps_its_place(self):
        new = ["Intro", "Agenda", "Something else entirely", "Plan for 2027", "Questions"]
        assert match_slides(self.OLD, new) == [1, 2, 3, 4, 5]

    def test_case_and_punctuation_do_not_count(self):
        new = ["INTRO!", "agenda", "Results of the survey.", "Plan for 2027", "Questions?"]
        assert match_slides(self.OLD, new) == [1, 2, 3, 4, 5]

    def test_a_deck_with_no_slides_left_sends_every_link_to_slide_one(self):
        assert match_slides(self.OLD, []) == [1, 1, 1, 1, 1]

    def test_links_follow_every_replacement_since_they_were_made(self):
        history = [[1, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7]]  # one inserted at 2, then one at 1
        assert follow(history, 3, version=1) == 5
        assert follow(history, 3, version=2) == 4
        assert follow(history, 3, version=3) == 3

    def test_numbers_beyond_the_old_deck_are_clamped(self):
        assert follow([[1, 3, 4]], 99, version=1) == 4
        assert follow([[1, 3, 4]], 0, version=1) == 1


@pytest.fixture
def owner(db):
    return make_user("ada")


@pytest.fixture
def deck(owner, media):
    return convert_now(upload(DECK, owner=owner, title="AutoGen"))


def replace(client, deck: Presentation, name: str, content: bytes, **headers):
    return client.post(
        f"/my/{deck.public_id}/replace/", {"file": ContentFile(content, name=name)}, **headers
    )


@pytest.mark.django_db(transaction=True)
class TestReplacing:
    def test_new_version_keeps_id_and_old_slide_links_open_their_slides(self, client, owner, deck):
        old_original = deck.original.name
        client.force_login(owner)
        inserted = with_slide_inserted(DECK, 2, "A slide added later")

        response = replace(client, deck, "autogen-v2.pptx", inserted)
        assert response.status_code == 302
        deck = convert_now(Presentation.objects.get(pk=deck.pk))

        assert deck.conversion.status == "ready" and deck.slide_count == 7
        assert deck.original_name == "autogen-v2.pptx" and deck.title == "AutoGen"
        assert not default_storage.exists(old_original)
        assert deck.slide_history == [[1, 3, 4, 5, 6, 7]]
        assert deck.slides.get(number=2).title == "A slide added later"

        client.logout()
        old_link = client.get(f"{deck.get_absolute_url()}3/")
        assert old_link.status_code == 302
        assert old_link["Location"] == f"{deck.get_absolute_url()}4/?v=2"
        page = client.get(old_link["Location"])
        assert page.status_code == 200
        assert page.context["start"] == 4
        assert page.context["start_slide"].title == "A table to test parsing:"
        assert f'href="{deck.get_absolute_url()}4/?v=2"' in page.content.decode()

    def test_deck_stays_up_while_the_new_file_converts(self, client, owner, deck):
        client.force_login(owner)
        replace(client, deck, "v2.pptx", with_slide_inserted(DECK, 1, "New first slide"))
        deck.refresh_from_db()
        assert deck.conversion.status == "queued" and deck.conversion.replacement_name == "v2.pptx"

        client.logout()
        page = client.get(deck.get_absolute_url())
        assert page.status_code == 200
        assert page.content.decode().count('<section id="slide-') == 6
        assert [d.pk for d in client.get("/").context["page"]] == [deck.pk]

    def test_file_that_cannot_be_converted_leaves_the_deck_as_it_was(self, client, owner, deck):
        client.force_login(owner)
        original = deck.original.name
        response = replace(client, deck, "locked.pdf", LOCKED_PDF.read_bytes())
        assert response.status_code == 302
        deck.refresh_from_db()
        refused = deck.conversion.replacement.name
        assert convert(deck.pk, requeue=queue_conversion) == "failed"

        deck.refresh_from_db()
        assert deck.conversion.status == "ready" and deck.slide_count == 6
        assert deck.original.name == original and default_storage.exists(original)
        assert not deck.conversion.replacement and not default_storage.exists(refused)
        assert "locked.pdf could not be used" in deck.conversion.failure_english
        assert "password" in deck.conversion.failure_english
        assert "previous version is still shown" in deck.conversion.failure_english
        assert "locked.pdf could not be used" in client.get("/my/").content.decode()
        status = client.get(f"/p/{deck.public_id}/status.json").json()
        assert status["status"] == "ready" and "locked.pdf" in status["error"]

    def test_same_file_again_is_refused_with_a_message(self, client, owner, deck):
        client.force_login(owner)
        response = replace(client, deck, "again.pptx", DECK.read_bytes())
        assert response.status_code == 400
        assert "already has" in response.content.decode()
        deck.refresh_from_db()
        assert deck.conversion.status == "ready" and not deck.conversion.replacement

    def test_owner_edits_during_the_conversion_are_kept(self, client, owner, deck):
        client.force_login(owner)
        replace(client, deck, "v2.pptx", with_slide_inserted(DECK, 2, "Inserted"))
        Presentation.objects.filter(pk=deck.pk).update(title="Renamed meanwhile")
        deck = convert_now(Presentation.objects.get(pk=deck.pk))
        assert deck.title == "Renamed meanwhile" and deck.slide_count == 7

    def test_json_answer_lets_the_page_follow_the_conversion(self, client, owner, deck):
        client.force_login(owner)
        response = replace(
            client,
            deck,
            "v2.pptx",
            with_slide_inserted(DECK, 2, "Inserted"),
            HTTP_ACCEPT="application/json",
        )
        assert response.status_code == 202
        assert response.json()["status_url"] == f"/p/{deck.public_id}/status.json"


@pytest.mark.django_db(transaction=True)
class TestWhoMayReplace:
    def test_anonymous_visitor_is_sent_to_log_in(self, client, deck):
        response = client.get(f"/my/{deck.public_id}/replace/")
        assert response.status_code == 302 and response["Location"].startswith("/login/")

    def test_another_user_gets_404_and_nothing_changes(self, client, deck):
        client.force_login(make_user("eve"))
        assert client.get(f"/my/{deck.public_id}/replace/").status_code == 404
        response = replace(client, deck, "evil.pptx", with_slide_inserted(DECK, 1, "Pwned"))
        assert response.status_code == 404
        deck.refresh_from_db()
        assert not deck.conversion.replacement and deck.conversion.status == "ready"

    def test_owner_sees_the_form(self, client, owner, deck):
        client.force_login(owner)
        response = client.get(f"/my/{deck.public_id}/replace/")
        assert response.status_code == 200
        assert 'type="file"' in response.content.decode()


@pytest.mark.django_db(transaction=True)
class TestBadReplacements:
    @pytest.mark.parametrize(
        ("name", "content", "status", "message"),
        [
            ("empty.pptx", b"", 400, "is empty"),
            ("notes.pptx", b"just some text, not a deck", 400, "not a presentation"),
            ("../../x.pptx", b"", 400, "is empty"),
        ],
    )
    def test_refused_with_a_message_and_nothing_stored(
        self, client, owner, deck, name, content, status, message
    ):
        client.force_login(owner)
        response = replace(client, deck, name, content)
        assert response.status_code == status
        assert message in response.content.decode()
        deck.refresh_from_db()
        assert not deck.conversion.replacement and deck.conversion.status == "ready"

    def test_oversized_file_gets_413(self, client, owner, deck, settings):
        settings.MAX_UPLOAD_BYTES = 1000
        client.force_login(owner)
        response = replace(client, deck, "big.pptx", DECK.read_bytes())
        assert response.status_code == 413

    def test_hourly_limit_counts_replacements(self, client, owner, deck, settings):
        settings.UPLOADS_PER_HOUR = 1
        client.force_login(owner)
        response = replace(client, deck, "v2.pptx", with_slide_inserted(DECK, 1, "x"))
        assert response.status_code == 302
        response = replace(client, deck, "v3.pptx", with_slide_inserted(DECK, 1, "y"))
        assert response.status_code == 429
