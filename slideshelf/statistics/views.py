"""A deck's statistics, for its owner and staff: views a day, how far readers got, downloads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from slideshelf.presentations import access
from slideshelf.statistics.charts import bar_chart
from slideshelf.statistics.models import Kind
from slideshelf.statistics.report import DAYS, deck_report


@login_required
@require_safe
def deck_statistics(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    report = deck_report(deck, timezone.localdate())
    busiest = max(report.days, key=lambda day: day.all_views)
    return render(
        request,
        "statistics/deck.html",
        {
            "deck": deck,
            "report": report,
            "days": DAYS,
            "busiest": busiest if busiest.all_views else None,
            "views_chart": bar_chart([day.all_views for day in report.days]),
            "reach_chart": bar_chart([row.share for row in report.reach], top=1.0),
            "kinds": [
                (label, report.recent[kind], report.all_time[kind])
                for kind, label in Kind.choices
                if kind != Kind.REACH
            ],
        },
    )
