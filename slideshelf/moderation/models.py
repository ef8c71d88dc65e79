"""Reports about decks, and the conversation between staff and a deck's owner.

A report is only a request for a person to look: the number of reports never changes what
visitors see. Reports store no address or other trace of the reporter beyond the account of a
signed-in one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slideshelf.presentations.models import Presentation

# Long enough to explain a copyright claim, short enough that the queue stays readable.
DETAILS_MAX_LENGTH = 2000


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    COPYRIGHT = "copyright", _("Copyright: someone else's work")
    PRIVACY = "privacy", _("Personal data or privacy")
    HATEFUL = "hateful", _("Hateful or harassing")
    ILLEGAL = "illegal", _("Illegal content")
    OTHER = "other", _("Something else")


class Resolution(models.TextChoices):
    OPEN = "open", _("Open")
    DISMISSED = "dismissed", _("Dismissed")
    ACTED_ON = "acted-on", _("Acted on")


class Report(models.Model):
    presentation = models.ForeignKey(Presentation, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=12, choices=Reason.choices)
    details = models.TextField(blank=True)
    # Empty for anonymous visitors; nothing else about them is kept.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_made",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    resolution = models.CharField(
        max_length=12, choices=Resolution.choices, default=Resolution.OPEN
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_resolved",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["resolution", "presentation"])]

    def __str__(self) -> str:
        return f"{self.presentation_id}: {self.reason} ({self.resolution})"


class MessageKind(models.TextChoices):
    """What a message did, so each reader sees the action in their own language."""

    MESSAGE = "message", _("Message")
    HID = "hid", _("Hid the presentation")
    RESTORED = "restored", _("Restored the presentation")


class ModerationMessage(models.Model):
    """One turn of the conversation about a deck: a staff decision, the owner's answer, a reply."""

    presentation = models.ForeignKey(
        Presentation, on_delete=models.CASCADE, related_name="moderation_messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_staff = models.BooleanField()
    kind = models.CharField(max_length=10, choices=MessageKind.choices, default=MessageKind.MESSAGE)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        side = "staff" if self.from_staff else "owner"
        return f"{self.presentation_id} {side} {self.created_at:%Y-%m-%d %H:%M}"
