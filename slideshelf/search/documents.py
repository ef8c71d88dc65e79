"""A deck as the search engines see it: only listed decks are ever indexed (an unlisted
deck's document serves only its own similar list)."""

from __future__ import annotations

from django.db.models import QuerySet

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.search.types import DeckDoc, SlideDoc


def slide_text(slide: Slide) -> str:
    return "\n".join(part for part in (slide.full_text, slide.notes) if part)


def deck_document(deck: Presentation) -> DeckDoc:
    return DeckDoc(
        deck_id=deck.pk,
        title=deck.display_title,
        description=deck.description,
        tags=tuple(tag.name for tag in deck.tags.all()),
        language=deck.language,
        collection=deck.collection.slug if deck.collection else "",
        uploader=deck.owner.get_username() if deck.owner else "",
        year=deck.created_at.year,
        created=deck.created_at.timestamp(),
        slides=tuple(SlideDoc(slide.number, slide_text(slide)) for slide in deck.slides.all()),
    )


def indexable(deck_ids: list[int]) -> list[Presentation]:
    """Those of the decks that may be found: public, converted, not hidden by staff."""
    return list(with_document(listed_presentations().filter(pk__in=deck_ids)))


def with_document(decks: QuerySet[Presentation]) -> QuerySet[Presentation]:
    """The decks with all that `deck_document` reads, in four queries."""
    return decks.select_related("owner", "collection").prefetch_related("tags", "slides")
