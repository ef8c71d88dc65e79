"""Reports, the staff queue and decisions, and the owner's side of the conversation.

Personas: the deck's owner, another signed-in user, an anonymous visitor, and staff.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from slideshelf.lib.clients import networks
from slideshelf.limits.models import Attempt
from slideshelf.moderation.limits import REPORT
from slideshelf.moderation.models import MessageKind, ModerationMessage, Report, Resolution
from slideshelf.moderation.services import hiding_reason
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.factories import upload
from tests.stored import everything_stored
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


def converted(deck: Presentation) -> Presentation:
    """Listed like a converted deck, without running the pipeline: these tests need no slides."""
    deck.revision = 1
    deck.save()
    return deck


@pytest.fixture
def owner():
    return make_user("ada", email="ada@example.org")


@pytest.fixture
def other():
    return make_user("bob")


@pytest.fixture
def staff():
    return make_user("maria", is_staff=True)


@pytest.fixture
def deck(media, owner):
    return converted(upload(PDF, owner=owner, title="Umlaut deck"))


@pytest.fixture
def private_deck(media, owner):
    return converted(upload(PDF, owner=owner, title="Secret deck", visibility="private"))


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def report_url(deck: Presentation) -> str:
    return f"/p/{deck.public_id}/report/"


def hide(deck: Presentation, staff, reason="Contains someone's home address.") -> None:
    response = signed_in(staff).post(
        f"/moderation/{deck.public_id}/hide/", {"reason": reason}, follow=True
    )
    assert response.status_code == 200
    assert "The presentation is hidden" in response.content.decode()
    deck.refresh_from_db()


# Reporting


def test_anonymous_visitor_reports_a_public_deck_and_is_thanked(client, deck):
    form = client.get(report_url(deck))
    assert form.status_code == 200
    page = form.content.decode()
    assert "<legend>" in page and 'type="radio"' in page and "csrfmiddlewaretoken" in page
    response = client.post(report_url(deck), {"reason": "privacy", "details": "A phone number"})
    assert response.status_code == 200
    assert "Staff will look at it" in response.content.decode()
    assert "Nothing is hidden automatically" in response.content.decode()
    report = Report.objects.get()
    assert (report.presentation, report.reason, report.details) == (
        deck,
        "privacy",
        "A phone number",
    )
    assert report.reporter is None
    assert report.resolution == Resolution.OPEN


def test_signed_in_user_reports_a_public_deck_as_themselves(deck, other):
    response = signed_in(other).post(report_url(deck), {"reason": "spam"})
    assert response.status_code == 200
    assert Report.objects.get().reporter == other


def test_presentation_page_links_to_the_report_form(client, deck):
    page = client.get(deck.get_absolute_url()).content.decode()
    assert (
        f'<p class="report"><a href="{report_url(deck)}">Report this presentation</a></p>' in page
    )


@pytest.mark.parametrize("persona", ["anonymous", "other"])
def test_outsider_gets_404_reporting_a_private_deck(private_deck, other, persona):
    client = Client() if persona == "anonymous" else signed_in(other)
    assert client.get(report_url(private_deck)).status_code == 404
    assert client.post(report_url(private_deck), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_owner_can_open_the_report_form_of_their_private_deck(private_deck, owner):
    assert signed_in(owner).get(report_url(private_deck)).status_code == 200


def test_many_reports_never_hide_a_deck(settings, deck, client):
    settings.REPORTS_PER_HOUR = 100
    for n in range(30):
        visitor = Client()  # a fresh session each time, as if many people reported it
        assert visitor.post(report_url(deck), {"reason": "spam"}).status_code == 200, n
    deck.refresh_from_db()
    assert not deck.hidden_by_staff
    assert Report.objects.filter(presentation=deck).count() == 30
    assert client.get(deck.get_absolute_url()).status_code == 200
    assert "Umlaut deck" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({}, "This field is required."),
        ({"reason": "nonsense"}, "Select a valid choice."),
        ({"reason": "other", "details": "   "}, "Please say what is wrong with the presentation."),
        ({"reason": "spam", "details": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_report_is_400_with_the_error_and_stores_nothing(client, deck, data, field_error):
    response = client.post(report_url(deck), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error in page
    assert 'role="alert"' in page
    assert not Report.objects.exists()


def test_other_with_details_is_accepted(client, deck):
    response = client.post(report_url(deck), {"reason": "other", "details": "Wrong author"})
    assert response.status_code == 200
    assert Report.objects.get().details == "Wrong author"


def test_anonymous_visitors_are_limited_per_address_whatever_their_session(settings, deck):
    settings.REPORTS_PER_HOUR = 2
    for _ in range(2):
        visitor = Client(REMOTE_ADDR="192.0.2.1")
        assert visitor.post(report_url(deck), {"reason": "spam"}).status_code == 200
    # A new session (cookies thrown away) does not give a fresh allowance.
    refused = Client(REMOTE_ADDR="192.0.2.1").post(report_url(deck), {"reason": "spam"})
    assert refused.status_code == 429
    assert "Please try again later" in refused.content.decode()
    assert Report.objects.count() == 2
    # Another address has an allowance of its own.
    other = Client(REMOTE_ADDR="192.0.2.2").post(report_url(deck), {"reason": "spam"})
    assert other.status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_address_is_a_visitor(settings, deck):
    settings.REPORTS_PER_HOUR = 1
    settings.TRUSTED_PROXIES = networks(["10.0.0.2"], "SLIDESHELF_TRUSTED_PROXIES")
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for address in ("198.51.100.1", "198.51.100.2"):
        response = proxy.post(report_url(deck), {"reason": "spam"}, HTTP_X_FORWARDED_FOR=address)
        assert response.status_code == 200
    again = proxy.post(report_url(deck), {"reason": "spam"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert again.status_code == 429


def test_a_report_with_mistakes_is_not_counted(settings, deck):
    settings.REPORTS_PER_HOUR = 1
    visitor = Client(REMOTE_ADDR="192.0.2.1")
    assert visitor.post(report_url(deck), {"reason": "nonsense"}).status_code == 400
    assert visitor.post(report_url(deck), {"reason": "spam"}).status_code == 200


def test_reports_are_counted_in_the_database_for_every_process(settings, deck):
    settings.REPORTS_PER_HOUR = 3
    for _ in range(3):
        Client(REMOTE_ADDR="192.0.2.1").post(report_url(deck), {"reason": "spam"})
    assert Attempt.objects.filter(kind=REPORT).count() == 3


def test_signed_in_user_is_limited_per_account(settings, deck, other):
    settings.REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert signed_in(other).post(report_url(deck), {"reason": "spam"}).status_code == 200
    # A new session does not help: the account's reports are counted.
    assert signed_in(other).post(report_url(deck), {"reason": "spam"}).status_code == 429
    assert Report.objects.count() == 2


def test_report_without_csrf_token_is_refused(deck):
    client = Client(enforce_csrf_checks=True)
    assert client.post(report_url(deck), {"reason": "spam"}).status_code == 403
    assert not Report.objects.exists()


def test_report_stores_no_address(client, deck):
    client.post(report_url(deck), {"reason": "spam"}, REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in Report._meta.get_fields()}
    assert not {"ip", "ip_address", "address", "user_agent"} & fields
    # Counted against the address, which is kept only as a keyed hash: nowhere in any table.
    assert Attempt.objects.filter(kind=REPORT).count() == 1
    assert "203.0.113.9" not in everything_stored()


# The staff queue and decision page


@pytest.mark.parametrize("persona", ["anonymous", "owner", "other"])
def test_queue_and_decision_pages_are_404_for_everyone_but_staff(deck, owner, other, persona):
    client = {"anonymous": Client(), "owner": signed_in(owner), "other": signed_in(other)}[persona]
    Client().post(report_url(deck), {"reason": "spam"})
    assert client.get("/moderation/").status_code == 404
    assert client.get(f"/moderation/{deck.public_id}/").status_code == 404
    for action in ("hide", "restore", "dismiss", "reply"):
        response = client.post(f"/moderation/{deck.public_id}/{action}/", {"reason": "x"})
        assert response.status_code == 404, action
    deck.refresh_from_db()
    assert not deck.hidden_by_staff
    assert Report.objects.get().resolution == Resolution.OPEN


def test_queue_lists_reported_decks_with_count_and_reasons_newest_first(media, owner, staff):
    older = converted(upload(PDF, owner=owner, title="Older report"))
    newer = converted(upload(PDF, owner=owner, title="Newer report"))
    Client().post(report_url(older), {"reason": "spam"})
    Client().post(report_url(older), {"reason": "copyright"})
    Client().post(report_url(newer), {"reason": "hateful"})
    response = signed_in(staff).get("/moderation/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Newer report") < page.index("Older report")
    assert f'href="/moderation/{older.public_id}/"' in page
    assert "<td>2</td>" in page
    assert "Spam or advertising" in page and "Copyright: someone else&#x27;s work" in page
    assert page.count("<h1>") == 1


def test_decision_page_shows_the_deck_reports_and_forms(client, deck, staff):
    client.post(report_url(deck), {"reason": "other", "details": "Looks like a scam"})
    page = signed_in(staff).get(f"/moderation/{deck.public_id}/").content.decode()
    assert deck.get_absolute_url() in page
    assert "ada" in page and "Something else" in page and "Looks like a scam" in page
    assert "Hide with a reason" in page and "Dismiss reports" in page
    assert f'action="/moderation/{deck.public_id}/restore/"' not in page  # not hidden


def test_hiding_needs_a_reason(deck, staff):
    response = signed_in(staff).post(f"/moderation/{deck.public_id}/hide/", {"reason": " "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    deck.refresh_from_db()
    assert not deck.hidden_by_staff
    assert not ModerationMessage.objects.exists()


def test_dismissing_closes_open_reports_without_hiding(deck, staff):
    Client().post(report_url(deck), {"reason": "spam"})
    response = signed_in(staff).post(f"/moderation/{deck.public_id}/dismiss/")
    assert response.status_code == 302
    assert response["Location"] == f"/moderation/{deck.public_id}/"
    report = Report.objects.get()
    assert (report.resolution, report.resolved_by) == (Resolution.DISMISSED, staff)
    assert report.resolved_at is not None
    deck.refresh_from_db()
    assert not deck.hidden_by_staff
    assert "Umlaut deck" not in signed_in(staff).get("/moderation/").content.decode()
    assert not mail.outbox


# Hiding, the owner's answer, restoring


def test_hidden_deck_is_404_for_outsiders_and_gone_from_listings(client, deck, owner, other, staff):
    converted(upload(PDF, owner=owner, title="Another deck"))  # keeps /u/ada/ listed
    Client().post(report_url(deck), {"reason": "privacy"})
    hide(deck, staff)
    assert deck.hidden_by_staff and hiding_reason(deck) == "Contains someone's home address."
    assert client.get(deck.get_absolute_url()).status_code == 404
    assert signed_in(other).get(deck.get_absolute_url()).status_code == 404
    assert client.get(report_url(deck)).status_code == 404
    for listing in ("/", "/u/ada/"):
        page = client.get(listing).content.decode()
        assert "Another deck" in page, listing
        assert "Umlaut deck" not in page, listing
    assert Report.objects.get().resolution == Resolution.ACTED_ON


def test_owner_still_sees_the_hidden_deck_with_the_reason(deck, owner, staff):
    hide(deck, staff)
    page = signed_in(owner).get(deck.get_absolute_url()).content.decode()
    assert "Staff hid this presentation: Contains someone&#x27;s home address." in page
    assert "Only you and staff can see it." in page
    assert f'href="/my/{deck.public_id}/moderation/"' in page
    mine = signed_in(owner).get("/my/").content.decode()
    assert "Hidden by staff." in mine and f"/my/{deck.public_id}/moderation/" in mine


def test_staff_still_see_the_hidden_deck(deck, staff):
    hide(deck, staff)
    response = signed_in(staff).get(deck.get_absolute_url())
    assert response.status_code == 200
    assert f'href="/moderation/{deck.public_id}/"' in response.content.decode()


def test_owner_is_emailed_the_reason_and_a_link_to_answer(deck, staff):
    hide(deck, staff)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert "Umlaut deck" in message.subject
    assert "Contains someone's home address." in message.body
    assert f"http://testserver/my/{deck.public_id}/moderation/" in message.body


def test_owner_without_email_is_not_mailed_but_the_deck_is_hidden(media, staff):
    deck = converted(upload(PDF, owner=make_user("noemail"), title="Quiet deck"))
    hide(deck, staff)
    assert deck.hidden_by_staff
    assert not mail.outbox


def test_owner_page_shows_why_the_conversation_and_an_answer_form(deck, owner, staff):
    hide(deck, staff)
    response = signed_in(owner).get(f"/my/{deck.public_id}/moderation/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Staff hid this presentation: Contains someone&#x27;s home address." in page
    assert "Hid the presentation" in page
    assert "maria" not in page  # staff members stay anonymous to owners
    assert 'name="text"' in page


def test_owner_answer_puts_the_deck_in_the_queue_until_staff_reply(deck, owner, staff):
    hide(deck, staff)
    moderator = signed_in(staff)
    assert "Owners waiting" in moderator.get("/moderation/").content.decode()
    assert "Umlaut deck" not in moderator.get("/moderation/").content.decode()
    response = signed_in(owner).post(
        f"/my/{deck.public_id}/moderation/", {"text": "I removed the address."}
    )
    assert response.status_code == 302
    answer = ModerationMessage.objects.get(from_staff=False)
    assert (answer.author, answer.text) == (owner, "I removed the address.")
    queue = moderator.get("/moderation/").content.decode()
    assert f'href="/moderation/{deck.public_id}/"' in queue and "Umlaut deck" in queue
    assert (
        "I removed the address." in moderator.get(f"/moderation/{deck.public_id}/").content.decode()
    )
    mail.outbox.clear()
    reply = moderator.post(f"/moderation/{deck.public_id}/reply/", {"text": "Thanks, checking."})
    assert reply.status_code == 302
    assert "Umlaut deck" not in moderator.get("/moderation/").content.decode()
    assert len(mail.outbox) == 1 and "Thanks, checking." in mail.outbox[0].body


def test_owner_cannot_answer_before_staff_wrote(deck, owner):
    client = signed_in(owner)
    assert 'name="text"' not in client.get(f"/my/{deck.public_id}/moderation/").content.decode()
    assert client.post(f"/my/{deck.public_id}/moderation/", {"text": "Hello"}).status_code == 400
    assert not ModerationMessage.objects.exists()


def test_owner_answer_must_not_be_empty(deck, owner, staff):
    hide(deck, staff)
    response = signed_in(owner).post(f"/my/{deck.public_id}/moderation/", {"text": ""})
    assert response.status_code == 400
    assert not ModerationMessage.objects.filter(from_staff=False).exists()


def test_owner_page_is_404_for_other_users_and_sends_anonymous_to_login(client, deck, other, staff):
    hide(deck, staff)
    url = f"/my/{deck.public_id}/moderation/"
    assert signed_in(other).get(url).status_code == 404
    assert signed_in(other).post(url, {"text": "Me too"}).status_code == 404
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/login/?next={url}")
    assert not ModerationMessage.objects.filter(from_staff=False).exists()


def test_staff_can_read_the_owner_page_but_not_answer_as_the_owner(deck, staff):
    hide(deck, staff)
    client = signed_in(staff)
    assert client.get(f"/my/{deck.public_id}/moderation/").status_code == 200
    assert client.post(f"/my/{deck.public_id}/moderation/", {"text": "x"}).status_code == 400


def test_restoring_makes_the_deck_visible_again_and_tells_the_owner(client, deck, staff):
    hide(deck, staff)
    mail.outbox.clear()
    response = signed_in(staff).post(
        f"/moderation/{deck.public_id}/restore/", {"note": "Fixed, thank you."}
    )
    assert response.status_code == 302
    deck.refresh_from_db()
    assert (deck.hidden_by_staff, hiding_reason(deck)) == (False, "")
    assert client.get(deck.get_absolute_url()).status_code == 200
    assert "Umlaut deck" in client.get("/").content.decode()
    assert ModerationMessage.objects.last().kind == MessageKind.RESTORED
    assert len(mail.outbox) == 1 and "Fixed, thank you." in mail.outbox[0].body


def test_restoring_a_deck_that_is_not_hidden_is_400(deck, staff):
    response = signed_in(staff).post(f"/moderation/{deck.public_id}/restore/", {"note": ""})
    assert response.status_code == 400
    assert not ModerationMessage.objects.exists()


def test_hiding_bumps_updated_at_so_cached_pages_are_not_served(deck, staff):
    before = deck.updated_at
    hide(deck, staff)
    assert deck.updated_at > before


def test_staff_actions_need_a_csrf_token(deck, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(f"/moderation/{deck.public_id}/hide/", {"reason": "x"}).status_code == 403
    deck.refresh_from_db()
    assert not deck.hidden_by_staff


def test_moderation_pages_have_one_h1_and_labelled_fields(deck, owner, staff):
    hide(deck, staff)
    pages = [
        Client().get(f"/p/{converted(upload(PDF, owner=owner)).public_id}/report/"),
        signed_in(staff).get("/moderation/"),
        signed_in(staff).get(f"/moderation/{deck.public_id}/"),
        signed_in(owner).get(f"/my/{deck.public_id}/moderation/"),
    ]
    for response in pages:
        page = response.content.decode()
        assert page.count("<h1") == 1, response.request["PATH_INFO"]
        for field_id in ("id_details", "id_reason", "id_note", "id_text"):
            if f'id="{field_id}"' in page:
                assert f'for="{field_id}"' in page, field_id
