"""Every change that can alter what search shows puts the deck in the outbox, in its transaction."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from slideshelf.presentations.models import Collection, Presentation
from slideshelf.presentations.signals import slides_published
from slideshelf.search.duplicates import remember_near_duplicate
from slideshelf.search.indexing import queue_index


@receiver(post_save, sender=Presentation)
@receiver(post_delete, sender=Presentation)
def deck_changed(sender: Any, instance: Presentation, **kwargs: Any) -> None:
    queue_index([instance.pk])


@receiver(m2m_changed, sender=Presentation.tags.through)
def tags_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Presentation):
        queue_index([instance.pk])


@receiver(post_save, sender=Collection)
def collection_changed(sender: Any, instance: Collection, **kwargs: Any) -> None:
    queue_index(list(instance.presentations.values_list("pk", flat=True)))


@receiver(slides_published, sender=Presentation)
def slides_changed(sender: Any, deck: Presentation, first: bool, **kwargs: Any) -> None:
    # A first upload may be a new version of an earlier deck: its owner is asked.
    if first:
        remember_near_duplicate(deck)
