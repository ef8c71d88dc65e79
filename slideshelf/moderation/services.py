"""What a report and a staff decision do to a deck, its reports and its conversation.

Views, the admin and any future API call these. Only `hide` hides a deck, and only a staff
member's request calls it: however many reports a deck gets, it stays up until a person decides.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from slideshelf.moderation.models import (
    MessageKind,
    ModerationMessage,
    Report,
    Resolution,
)
from slideshelf.presentations.access import User as Person
from slideshelf.presentations.models import Presentation

logger = logging.getLogger(__name__)


def report(deck: Presentation, reason: str, details: str, reporter: Person | None) -> Report:
    """Record a report; `reporter` is None or anonymous for a visitor without an account."""
    return Report.objects.create(
        presentation=deck,
        reason=reason,
        details=details.strip(),
        reporter=reporter if isinstance(reporter, User) else None,
    )


def hide(deck: Presentation, staff_user: Person, reason_text: str, *, site_url: str = "") -> None:
    """Hide the deck from everyone but its owner and staff, and tell the owner why.

    `site_url` (e.g. "https://slides.example.org") makes the link in the e-mail absolute.
    """
    with transaction.atomic():
        deck.hide_by_staff(True)
        _resolve_open_reports(deck, staff_user, Resolution.ACTED_ON)
        _add_message(deck, staff_user, True, reason_text, MessageKind.HID)
        _mail_owner_after_commit(deck, "hidden", reason_text, site_url)


def restore(deck: Presentation, staff_user: Person, note: str = "", *, site_url: str = "") -> None:
    """Show the deck again as its visibility says, and tell the owner."""
    with transaction.atomic():
        deck.hide_by_staff(False)
        _add_message(deck, staff_user, True, note, MessageKind.RESTORED)
        _mail_owner_after_commit(deck, "restored", note, site_url)


def dismiss_reports(deck: Presentation, staff_user: Person) -> int:
    """Close the deck's open reports without acting; the owner is not bothered. Returns how many."""
    with transaction.atomic():
        return _resolve_open_reports(deck, staff_user, Resolution.DISMISSED)


def reply(
    deck: Presentation, staff_user: Person, text: str, *, site_url: str = ""
) -> ModerationMessage:
    """Staff write to the owner without changing the deck, e.g. to answer the owner."""
    with transaction.atomic():
        message = _add_message(deck, staff_user, True, text, MessageKind.MESSAGE)
        _mail_owner_after_commit(deck, "reply", text, site_url)
        return message


def answer(deck: Presentation, owner: Person, text: str) -> ModerationMessage:
    """The owner's answer; the deck waits in the staff queue until staff write again."""
    with transaction.atomic():
        return _add_message(deck, owner, False, text, MessageKind.MESSAGE)


def hiding_reason(deck: Presentation) -> str:
    """Why staff hid the deck, as they told its owner; "" when it is not hidden."""
    if not deck.hidden_by_staff:
        return ""
    decision = (
        ModerationMessage.objects.filter(presentation=deck, kind=MessageKind.HID)
        .order_by("-created_at", "-pk")
        .first()
    )
    return decision.text if decision else ""


def may_answer(deck: Presentation) -> bool:
    """Owners answer staff; they cannot open a conversation staff never started."""
    return ModerationMessage.objects.filter(presentation=deck, from_staff=True).exists()


def _resolve_open_reports(deck: Presentation, staff_user: Person, resolution: str) -> int:
    return Report.objects.filter(presentation=deck, resolution=Resolution.OPEN).update(
        resolution=resolution, resolved_at=timezone.now(), resolved_by=staff_user
    )


def _add_message(
    deck: Presentation, author: Any, from_staff: bool, text: str, kind: str
) -> ModerationMessage:
    return ModerationMessage.objects.create(
        presentation=deck, author=author, from_staff=from_staff, text=text.strip(), kind=kind
    )


def _mail_owner_after_commit(deck: Presentation, template: str, text: str, site_url: str) -> None:
    # After the commit: a decision rolled back must not reach the owner's inbox.
    owner = deck.owner
    if owner is None or not owner.email:
        return
    context = {
        "deck": deck,
        "owner": owner,
        "text": text.strip(),
        "answer_url": site_url.rstrip("/") + reverse("deck-moderation", args=[deck.public_id]),
    }
    subject = render_to_string(f"moderation/email/{template}_subject.txt", context)
    body = render_to_string(f"moderation/email/{template}_body.txt", context)
    address = owner.email
    transaction.on_commit(lambda: _send(" ".join(subject.split()), body, address))


def _send(subject: str, body: str, address: str) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except OSError:  # smtplib's errors are OSErrors
        # The decision stands: the owner also sees it on "My presentations" and the deck's page.
        logger.exception("Could not e-mail %s about a moderation decision", address)
