"""Logging in and out, and choosing a new password: Django's views with slideshelf's forms,
templates and limits."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from slideshelf.accounts import throttle
from slideshelf.accounts.forms import LoginForm
from slideshelf.accounts.limits import may_mail, may_reset_password
from slideshelf.accounts.views.limited import too_many


class LoginView(auth.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        throttle.remember_browser(response, form.get_user().get_username())
        return response


class PasswordResetView(auth.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not may_reset_password(self.request):
            return too_many(
                self.request,
                _(
                    "Too many password resets have been asked for from your network in the "
                    "last hour. Please try again later."
                ),
            )
        if not may_mail(form.cleaned_data["email"]):
            # Nothing sent, and the page everyone sees: it never says whether an account
            # has the address (see accounts/limits.py).
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form: SetPasswordForm[Any]) -> HttpResponse:
        response = super().form_valid(form)
        # The mailbox's owner chose the password: from now on, guesses at the username do
        # not slow this browser down, however long the guessing goes on.
        throttle.forget_failures(form.user.get_username())
        throttle.remember_browser(response, form.user.get_username())
        return response


login = LoginView.as_view()
# POST only (Django answers GET with 405): a link or an image must not sign anyone out.
logout = auth.LogoutView.as_view()

password_reset = PasswordResetView.as_view()
password_reset_done = auth.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
