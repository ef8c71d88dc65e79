"""Signing up: the form, the page that says to check one's e-mail, and the mailed link."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slideshelf.accounts import signups, throttle
from slideshelf.accounts.forms import SignupForm
from slideshelf.accounts.limits import may_sign_up
from slideshelf.accounts.views.limited import too_many
from slideshelf.lib.addresses import absolute


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if settings.SIGNUP == "closed":
        return render(request, "accounts/signup_closed.html", status=403)
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignupForm(
        request.POST if request.method == "POST" else None,
        invitation_required=settings.SIGNUP == "invite",
    )
    if not form.is_valid():
        return render(request, "accounts/signup.html", {"form": form})
    if not may_sign_up(request):
        return too_many(
            request,
            _(
                "Too many sign-ups have come from your network in the last hour. "
                "Please try again later."
            ),
        )
    data = form.cleaned_data
    site_url = absolute(request, "/").rstrip("/")
    signups.ask(
        data["username"], data["email"], data["password1"], form.invitation_object, site_url
    )
    # The same answer whether or not the address has an account: see signups.ask.
    return redirect("signup_sent")


@require_http_methods(["GET", "HEAD"])
def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def signup_confirm(request: HttpRequest, secret: str) -> HttpResponse:
    """A page with a button, not an account made by opening the link: mail scanners open
    links too."""
    if settings.SIGNUP == "closed":
        return render(request, "accounts/signup_closed.html", status=403)
    if request.method != "POST":
        waiting = signups.pending(secret)
        status = 200 if waiting else 404
        return render(request, "accounts/signup_confirm.html", {"waiting": waiting}, status=status)
    try:
        user = signups.confirm(secret)
    except signups.SignupFailed as failure:
        return render(
            request, "accounts/signup_confirm.html", {"problem": str(failure)}, status=400
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    response = redirect(settings.LOGIN_REDIRECT_URL)
    throttle.remember_browser(response, user.get_username())
    return response
