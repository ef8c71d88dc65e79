"""The profile page: display name and bio, and the person's API tokens.

A new token is shown on the page that made it, once: only its hash is kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from slideshelf.accounts import tokens
from slideshelf.accounts.forms import ApiTokenForm, ProfileForm
from slideshelf.accounts.models import profile_of


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    instance = profile_of(_user(request))
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    return _page(request, form, ApiTokenForm())


@login_required
@require_POST
def new_token(request: HttpRequest) -> HttpResponse:
    token_form = ApiTokenForm(request.POST)
    form = ProfileForm(instance=profile_of(_user(request)))
    if not token_form.is_valid():
        return _page(request, form, token_form, status=400)
    made, token = tokens.issue(_user(request), **token_form.cleaned_data)
    return _page(request, form, ApiTokenForm(), new_token=token, new_token_name=made.name)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    if not tokens.revoke(_user(request), token_id):
        raise Http404("No such token")
    messages.success(request, _("The token has been revoked: it no longer works."))
    return redirect("profile")


def _page(
    request: HttpRequest,
    form: ProfileForm,
    token_form: ApiTokenForm,
    status: int = 200,
    **shown: str,
) -> HttpResponse:
    context = {"form": form, "token_form": token_form, "tokens": _user(request).api_tokens.all()}
    return render(request, "accounts/profile.html", context | shown, status=status)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # login_required
    return user
