"""A visitor reports a deck: anyone who may see it, signed in or not."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from slideshelf.moderation import limits, services
from slideshelf.moderation.forms import ReportForm
from slideshelf.presentations import access


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.viewable_or_404(request.user, public_id)
    if request.method != "POST":
        return render(request, "moderation/report.html", {"deck": deck, "form": ReportForm()})
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(request, "moderation/report.html", {"deck": deck, "form": form}, status=400)
    if not limits.take_report(request):
        context = {"deck": deck, "limit": settings.REPORTS_PER_HOUR}
        return render(request, "moderation/too_many.html", context, status=429)
    services.report(deck, form.cleaned_data["reason"], form.cleaned_data["details"], request.user)
    return render(request, "moderation/reported.html", {"deck": deck})
