"""What waits for staff: decks with open reports, and decks whose owner answered last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, Subquery

from slideshelf.moderation.models import ModerationMessage, Reason, Report, Resolution
from slideshelf.presentations.models import Presentation


@dataclass(frozen=True)
class ReportedDeck:
    deck: Presentation
    open_reports: int
    newest: datetime
    reasons: list[str]  # labels, most frequent first


def reported_decks() -> list[ReportedDeck]:
    """Decks with open reports, the most recently reported first."""
    is_open = Q(reports__resolution=Resolution.OPEN)
    decks = list(
        Presentation.objects.filter(is_open)
        .annotate(
            open_reports=Count("reports", filter=is_open),
            newest_report=Max("reports__created_at", filter=is_open),
        )
        .select_related("owner")
        .order_by("-newest_report", "-pk")
    )
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Report.objects.filter(resolution=Resolution.OPEN, presentation__in=[d.pk for d in decks])
        .values_list("presentation_id", "reason")
        .annotate(n=Count("pk"))
    )
    for deck_id, reason, n in rows:
        counts.setdefault(deck_id, {})[reason] = n
    return [
        ReportedDeck(
            deck=deck,
            open_reports=deck.open_reports,
            newest=deck.newest_report,
            reasons=[
                str(Reason(reason).label)
                for reason, _ in sorted(counts.get(deck.pk, {}).items(), key=lambda i: -i[1])
            ],
        )
        for deck in decks
    ]


def awaiting_staff() -> list[Presentation]:
    """Decks whose owner wrote after the last staff message, the longest waiting first."""
    latest = ModerationMessage.objects.filter(presentation=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    return list(
        Presentation.objects.annotate(
            last_from_staff=Subquery(latest.values("from_staff")[:1]),
            answered_at=Subquery(latest.values("created_at")[:1]),
        )
        .filter(last_from_staff=False)
        .select_related("owner")
        .order_by("answered_at", "pk")
    )
