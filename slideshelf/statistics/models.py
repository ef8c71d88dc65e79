"""Daily counts: one row per deck, day, kind of event and (for reach) slide."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PAGE = "page", _("Views on the site")
    EMBED = "embed", _("Views in other sites")
    ORIGINAL = "original", _("Downloads of the original")
    PDF = "pdf", _("Downloads as PDF")
    # The slide a view got furthest to; see DailyCount.
    REACH = "reach", _("Furthest slide")


VIEWS = (Kind.PAGE, Kind.EMBED)
DOWNLOADS = (Kind.ORIGINAL, Kind.PDF)


class DailyCount(models.Model):
    """How many events of one kind a deck had on one day (in the site's time zone).

    For reach, `slide` is the furthest slide a view showed and `count` how many views got that
    far and no further. A view is first counted at the slide it opened at; when the reader's
    browser says it went further, the view moves to that slide (-1 here, +1 there). A move
    counted on a later day than its view leaves the earlier day's row high and the later one's
    low, possibly below zero: only sums over days mean something, and reports take sums.
    """

    # No index of its own: the unique constraint's index starts with the deck.
    deck = models.ForeignKey(
        "presentations.Presentation", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    day = models.DateField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    slide = models.PositiveIntegerField(default=0)  # 0 for every kind but reach
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deck", "day", "kind", "slide"], name="one_count_per_deck_day_kind_slide"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deck_id} {self.day} {self.kind} {self.slide}: {self.count}"
