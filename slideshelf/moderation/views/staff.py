"""The staff side: the queue, one deck's reports and conversation, and the decisions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe

from slideshelf.lib.addresses import absolute
from slideshelf.moderation import queue, services
from slideshelf.moderation.decorators import staff_or_404
from slideshelf.moderation.forms import HideForm, ReplyForm, RestoreForm
from slideshelf.moderation.models import Resolution
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation


@staff_or_404
@require_safe
def moderation_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "moderation/queue.html",
        {"reported": queue.reported_decks(), "awaiting": queue.awaiting_staff()},
    )


@staff_or_404
@require_safe
def deck(request: HttpRequest, public_id: str) -> HttpResponse:
    return _decision_page(request, access.moderatable_or_404(request.user, public_id))


@staff_or_404
@require_POST
def hide(request: HttpRequest, public_id: str) -> HttpResponse:
    presentation = access.moderatable_or_404(request.user, public_id)
    form = HideForm(request.POST)
    if not form.is_valid():
        return _decision_page(request, presentation, hide_form=form, status=400)
    services.hide(
        presentation, request.user, form.cleaned_data["reason"], site_url=_site_url(request)
    )
    return _done(request, presentation, gettext("The presentation is hidden; its owner is told."))


@staff_or_404
@require_POST
def restore(request: HttpRequest, public_id: str) -> HttpResponse:
    presentation = access.moderatable_or_404(request.user, public_id)
    form = RestoreForm(request.POST)
    if not presentation.hidden_by_staff or not form.is_valid():
        return _decision_page(request, presentation, restore_form=form, status=400)
    services.restore(
        presentation, request.user, form.cleaned_data["note"], site_url=_site_url(request)
    )
    return _done(request, presentation, gettext("The presentation is visible again."))


@staff_or_404
@require_POST
def dismiss(request: HttpRequest, public_id: str) -> HttpResponse:
    presentation = access.moderatable_or_404(request.user, public_id)
    services.dismiss_reports(presentation, request.user)
    return _done(request, presentation, gettext("The reports are dismissed."))


@staff_or_404
@require_POST
def reply(request: HttpRequest, public_id: str) -> HttpResponse:
    presentation = access.moderatable_or_404(request.user, public_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _decision_page(request, presentation, reply_form=form, status=400)
    services.reply(
        presentation, request.user, form.cleaned_data["text"], site_url=_site_url(request)
    )
    return _done(request, presentation, gettext("Your message is sent to the owner."))


def _decision_page(
    request: HttpRequest, presentation: Presentation, status: int = 200, **forms: Any
) -> HttpResponse:
    context = {
        "deck": presentation,
        "first_slide": presentation.slides.first() if presentation.has_slides else None,
        "reports": presentation.reports.select_related("reporter", "resolved_by"),
        "open_reports": presentation.reports.filter(resolution=Resolution.OPEN).count(),
        "conversation": presentation.moderation_messages.select_related("author"),
        "hide_form": forms.get("hide_form") or HideForm(),
        "restore_form": forms.get("restore_form") or RestoreForm(),
        "reply_form": forms.get("reply_form") or ReplyForm(),
    }
    return render(request, "moderation/deck.html", context, status=status)


def _done(request: HttpRequest, presentation: Presentation, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("moderation-deck", presentation.public_id)


def _site_url(request: HttpRequest) -> str:
    """This site's origin, for links in e-mail."""
    return absolute(request, "/").rstrip("/")
