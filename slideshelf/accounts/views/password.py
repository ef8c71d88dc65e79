"""Changing one's password while signed in: Django's view, which keeps this session signed in
(update_session_auth_hash) and signs every other session out, with slideshelf's form, page and
a message on the profile page when it is done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from slideshelf.accounts.forms import ChangePasswordForm


class PasswordChangeView(auth.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("profile")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(
            self.request,
            _(
                "Your password has been changed. Other browsers signed in to your account are "
                "signed out."
            ),
        )
        return response


password_change = PasswordChangeView.as_view()
