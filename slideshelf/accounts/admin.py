from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from slideshelf.accounts.forms import StaffLoginForm
from slideshelf.accounts.models import Invitation, Profile

admin.site.login_form = StaffLoginForm


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["code", "email", "created_by", "created_at", "used_by", "used_at"]
    readonly_fields = ["code", "created_by", "created_at", "used_by", "used_at"]
    search_fields = ["email", "code"]

    def save_model(self, request: HttpRequest, obj: Invitation, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["user", "display_name"]
    search_fields = ["user__username", "display_name"]
