"""People's profiles and the invitations that let them sign up when sign-up is by invitation."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    bio = models.TextField(_("bio"), max_length=500, blank=True)

    def __str__(self) -> str:
        return self.display_name or str(self.user)


def profile_of(user: User) -> Profile:
    """The user's profile, made the first time it is asked for."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def display_name_of(user: User | AnonymousUser) -> str:
    """What the site calls a person: their display name, else their username.

    A read only: page headers call this, and a page view should not write a profile row.
    """
    if isinstance(user, AnonymousUser):
        return ""
    name = Profile.objects.filter(user_id=user.pk).values_list("display_name", flat=True).first()
    return name or user.get_username()


def new_invitation_code() -> str:
    # 192 random bits: a code cannot be guessed, only handed out.
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A single-use code that lets one person sign up while sign-up is by invitation."""

    code = models.CharField(
        _("code"), max_length=64, unique=True, default=new_invitation_code, editable=False
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("When given, only this address can use the code.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    used_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        editable=False,
    )
    used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email or self.code[:8] + "…"

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    def use(self, user: User) -> bool:
        """Spend the code on `user`; False when someone else spent it first.

        A conditional UPDATE, so two sign-ups racing for one code cannot both win.
        """
        now = timezone.now()
        spent = (
            type(self)
            .objects.filter(pk=self.pk, used_at__isnull=True)
            .update(used_at=now, used_by=user)
        )
        if spent:
            self.used_at, self.used_by = now, user
        return bool(spent)


class SignupRequest(models.Model):
    """A sign-up waiting for its e-mail address to be confirmed; the account is made then.

    Nothing is reserved meanwhile, neither the username nor the address, so a sign-up that is
    never confirmed keeps no one out. Requests are deleted after a day.
    """

    username = models.CharField(max_length=150)
    email = models.EmailField()
    password = models.CharField(max_length=128)  # hashed, as the account will keep it
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # SHA-256 of the secret in the mailed link: the database alone cannot confirm anything.
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.username


class ApiToken(models.Model):
    """A personal token for the API: what it may do, and when it was last used. The token
    itself is shown once, when made; only its SHA-256 is kept (it is random enough that a
    slow hash would add nothing)."""

    class Scope(models.TextChoices):
        READ = "read", _("Read")
        WRITE = "write", _("Read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The token's start, to tell tokens apart.")
    scope = models.CharField(_("access"), max_length=8, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE
