from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slideshelf.accounts.forms import InvitationUsed, SignupForm


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
    if form.is_valid():
        try:
            user = form.save()
        except InvitationUsed:
            form.add_error("invitation", _("This invitation code is not valid or has been used."))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/signup.html", {"form": form})
