from __future__ import annotations

from django.contrib import admin

from slideshelf.moderation.models import ModerationMessage, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    list_display = ["presentation", "reason", "reporter", "created_at", "resolution"]
    list_filter = ["resolution", "reason"]
    raw_id_fields = ["presentation", "reporter", "resolved_by"]
    search_fields = ["presentation__public_id", "presentation__title", "details"]


@admin.register(ModerationMessage)
class ModerationMessageAdmin(admin.ModelAdmin[ModerationMessage]):
    list_display = ["presentation", "author", "from_staff", "kind", "created_at"]
    list_filter = ["from_staff", "kind"]
    raw_id_fields = ["presentation", "author"]
    search_fields = ["presentation__public_id", "text"]
