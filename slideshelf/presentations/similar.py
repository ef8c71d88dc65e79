"""Similar presentations, behind one function so the search engine's more-like-this can
replace the interim rule without touching the pages that show the list."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Q, Value, When

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation


def similar_presentations(deck: Presentation, limit: int = 6) -> list[Presentation]:
    """Listed decks that share the most tags, then the collection, then the language."""
    tag_ids = list(deck.tags.values_list("pk", flat=True))
    same_collection = (
        When(collection_id=deck.collection_id, then=Value(1)) if deck.collection_id else None
    )
    candidates = (
        listed_presentations()
        .exclude(pk=deck.pk)
        .annotate(
            shared_tags=Count("tags", filter=Q(tags__in=tag_ids), distinct=True),
            in_collection=Case(
                *([same_collection] if same_collection else []),
                default=Value(0),
                output_field=IntegerField(),
            ),
            same_language=Case(
                When(language=deck.language, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(shared_tags__gt=0) | Q(in_collection=1) | Q(same_language=1))
        .order_by("-shared_tags", "-in_collection", "-same_language", "-created_at")
        .select_related("owner")
    )
    return list(candidates[:limit])
