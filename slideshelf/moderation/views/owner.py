"""The owner's side: why a deck was hidden, the conversation with staff, and an answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from slideshelf.moderation import services
from slideshelf.moderation.forms import AnswerForm
from slideshelf.presentations import access


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def deck_moderation(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    # Staff may read this page, but answers come from the owner; staff write on their own page.
    may_answer = access.is_owner(request.user, deck) and services.may_answer(deck)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if may_answer and form.is_valid():
            services.answer(deck, request.user, form.cleaned_data["text"])
            messages.success(request, gettext("Your answer is sent to staff."))
            return redirect("deck-moderation", deck.public_id)
        status = 400
    else:
        status = 200
    context = {
        "deck": deck,
        "conversation": deck.moderation_messages.select_related("author"),
        "form": form,
        "may_answer": may_answer,
    }
    return render(request, "moderation/owner.html", context, status=status)
