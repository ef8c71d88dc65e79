"""Logging in and out: Django's views with slideshelf's form and templates."""

from __future__ import annotations

from django.contrib.auth import views as auth

from slideshelf.accounts.forms import LoginForm

login = auth.LoginView.as_view(
    template_name="accounts/login.html",
    authentication_form=LoginForm,
    redirect_authenticated_user=True,
)
# POST only (Django answers GET with 405): a link or an image must not sign anyone out.
logout = auth.LogoutView.as_view()

password_reset = auth.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
)
password_reset_done = auth.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html"
)
password_reset_complete = auth.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
