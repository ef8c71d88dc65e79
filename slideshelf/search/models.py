"""The search outbox: decks whose index entry may be out of date.

A row is written in the same transaction as the change to the deck, so a crash between the
database and the index leaves the row behind, and the next sync repairs the index from it.
"""

from __future__ import annotations

from django.db import models


class PendingIndex(models.Model):
    # No foreign key: the row must outlive the deck it tells the index to forget.
    deck_id = models.BigIntegerField(unique=True)
    queued_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"deck {self.deck_id}"


class KeyTerm(models.Model):
    """A deck's distinctive terms (TF-IDF), which similar presentations share and show."""

    deck = models.ForeignKey(
        "presentations.Presentation", on_delete=models.CASCADE, related_name="key_terms"
    )
    term = models.CharField(max_length=64, db_index=True)
    word = models.CharField(max_length=64)  # the word as the deck writes it most often
    weight = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["deck", "term"], name="unique_key_term")]

    def __str__(self) -> str:
        return self.word


class SimilarPresentation(models.Model):
    """One entry of a deck's stored similar list; the page only reads these."""

    deck = models.ForeignKey(
        "presentations.Presentation", on_delete=models.CASCADE, related_name="similar_entries"
    )
    other = models.ForeignKey(
        "presentations.Presentation", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    shared_words = models.JSONField(default=list)  # the key terms that explain it, as words

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["deck", "other"], name="unique_similar")]

    def __str__(self) -> str:
        return f"{self.deck_id} ~ {self.other_id}"


class NearDuplicate(models.Model):
    """A new upload that looks like a new version of an earlier deck of the same owner.

    Found once, when the upload is first converted; its owner is asked whether it is one.
    """

    deck = models.OneToOneField(
        "presentations.Presentation", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    earlier = models.ForeignKey(
        "presentations.Presentation", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.deck_id} ≈ {self.earlier_id}"
