"""What the owner's space keeps beside the decks: exports of everything a person owns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Export(models.Model):
    """A ZIP of everything one person owns, built by the worker."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    file = models.FileField(blank=True, max_length=300)
    size = models.PositiveBigIntegerField(default=0)
    deck_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Where and in what language it was asked for: the e-mail that says it is ready uses both.
    site_url = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.owner} {self.created_at:%Y-%m-%d %H:%M} ({self.state})"

    @property
    def is_running(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.BUILDING)
