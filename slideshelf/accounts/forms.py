"""Sign-up, login, password and profile forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, UserCreationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from slideshelf.accounts import throttle
from slideshelf.accounts.models import ApiToken, Invitation, Profile


class AccessibleErrors:
    """Ties each field's error list to its input with aria-describedby.

    The templates give the error list the id `<input id>_error`; Django itself only links
    the help text.
    """

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form: forms.BaseForm = self  # type: ignore[assignment]
        for name in form.errors:
            if name not in form.fields:
                continue
            bound = form[name]
            ids = [f"{bound.auto_id}_error"]
            if bound.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            form.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class SignupForm(AccessibleErrors, UserCreationForm[User]):
    """What a sign-up asks for. Nothing here says whether the e-mail address has an account
    (see `signups.ask`); the username may say it is taken, as every profile page does."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
    invitation = forms.CharField(label=_("Invitation code"), max_length=64)

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args: Any, invitation_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invitation_object: Invitation | None = None
        if not invitation_required:
            del self.fields["invitation"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        code = cleaned.get("invitation")
        if code:
            invitation = Invitation.objects.filter(code=code.strip(), used_at__isnull=True).first()
            email = cleaned.get("email") or ""
            if invitation is None or (
                invitation.email and invitation.email.lower() != email.lower()
            ):
                self.add_error(
                    "invitation", _("This invitation code is not valid or has been used.")
                )
            else:
                self.invitation_object = invitation
        return cleaned


class Throttled:
    """Django's login checks, slowed down after failures (see `throttle`)."""

    def clean(self) -> dict[str, Any]:
        form: AuthenticationForm = self  # type: ignore[assignment]
        username, request = form.cleaned_data.get("username"), form.request
        if username and request is not None:
            wait = throttle.seconds_to_wait(request, username)
            if wait:
                # No password check while waiting: a right guess must not get through either.
                raise ValidationError(wait_text(wait), code="wait")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except ValidationError as error:
            if username and request is not None and error.code == "invalid_login":
                throttle.record_failure(request, username)
            raise
        if username:
            throttle.forget_failures(username)
        return cleaned


class LoginForm(AccessibleErrors, Throttled, AuthenticationForm):
    pass


class StaffLoginForm(Throttled, AdminAuthenticationForm):
    """The admin's login page, slowed down like the site's: else guessers would go round."""


def wait_text(seconds: int) -> str:
    if seconds <= 90:
        return ngettext(
            "Too many failed logins. Wait %(count)d second before you try again, "
            "or reset your password.",
            "Too many failed logins. Wait %(count)d seconds before you try again, "
            "or reset your password.",
            seconds,
        ) % {"count": seconds}
    minutes = -(-seconds // 60)
    return ngettext(
        "Too many failed logins. Wait %(count)d minute before you try again, "
        "or reset your password.",
        "Too many failed logins. Wait %(count)d minutes before you try again, "
        "or reset your password.",
        minutes,
    ) % {"count": minutes}


class ChangePasswordForm(AccessibleErrors, PasswordChangeForm):
    """Django's: the current password, then the new one twice, which the password validators
    check; wrong guesses at the current one are slowed down as logins are (see `throttle`)."""

    def clean_old_password(self) -> str:
        username = self.user.get_username()
        wait = throttle.seconds_to_wait_to_change(username)
        if wait:
            # No password check while waiting: a right guess must not get through either.
            raise ValidationError(change_wait_text(wait), code="wait")
        try:
            old = super().clean_old_password()
        except ValidationError:
            throttle.record_change_failure(username)
            raise
        throttle.forget_change_failures(username)
        return old


def change_wait_text(seconds: int) -> str:
    if seconds <= 90:
        return ngettext(
            "Too many wrong passwords. Wait %(count)d second before you try again, "
            "or reset your password.",
            "Too many wrong passwords. Wait %(count)d seconds before you try again, "
            "or reset your password.",
            seconds,
        ) % {"count": seconds}
    minutes = -(-seconds // 60)
    return ngettext(
        "Too many wrong passwords. Wait %(count)d minute before you try again, "
        "or reset your password.",
        "Too many wrong passwords. Wait %(count)d minutes before you try again, "
        "or reset your password.",
        minutes,
    ) % {"count": minutes}


class ProfileForm(AccessibleErrors, forms.ModelForm[Profile]):
    class Meta:
        model = Profile
        fields = ["display_name", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 500})}
        help_texts = {
            "display_name": _("Shown instead of your username. Up to 100 characters."),
            "bio": _("A few words about you. Up to 500 characters."),
        }


class ApiTokenForm(AccessibleErrors, forms.ModelForm[ApiToken]):
    prefix = "token"

    class Meta:
        model = ApiToken
        fields = ["name", "scope"]
        help_texts = {
            "name": _("What the token is for, such as “Intranet publishing”."),
            "scope": _(
                "Read: what you can see on the site. Read and write: also upload, change "
                "and delete your presentations."
            ),
        }
