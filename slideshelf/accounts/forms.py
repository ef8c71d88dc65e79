"""Sign-up, login and profile forms."""

from __future__ import annotations

import math
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from slideshelf.accounts import lockout
from slideshelf.accounts.models import Invitation, Profile


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


class InvitationUsed(Exception):
    """The invitation was spent by someone else between validation and saving."""


class SignupForm(AccessibleErrors, UserCreationForm[User]):
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

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise ValidationError(_("An account with this e-mail address already exists."))
        return email

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

    def save(self, commit: bool = True) -> Any:
        """Create the user and spend the invitation together, or neither."""
        with transaction.atomic():
            user = super().save(commit=True)
            if self.invitation_object is not None and not self.invitation_object.use(user):
                raise InvitationUsed
        return user


class LoginForm(AccessibleErrors, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed logins for this username. Try again in %(minutes)s minutes, "
            "or reset your password."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username and lockout.is_locked(username):
            # No password check while locked: a right guess must not get through either.
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": math.ceil(settings.LOGIN_LOCKOUT_MINUTES)},
            )
        try:
            cleaned: dict[str, Any] = super().clean()
        except ValidationError as error:
            if username and error.code == "invalid_login":
                lockout.record_failure(username)
            raise
        if username:
            lockout.clear(username)
        return cleaned


class ProfileForm(AccessibleErrors, forms.ModelForm[Profile]):
    class Meta:
        model = Profile
        fields = ["display_name", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 500})}
        help_texts = {
            "display_name": _("Shown instead of your username. Up to 100 characters."),
            "bio": _("A few words about you. Up to 500 characters."),
        }
