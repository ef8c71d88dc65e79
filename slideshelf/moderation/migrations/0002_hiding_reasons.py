"""Why staff hid a deck is read from their decision in the conversation, not the deck's row:
a hidden deck without such a message gets one with the reason its row held."""

from django.db import migrations


def reasons_to_messages(apps, schema_editor):
    Presentation = apps.get_model("presentations", "Presentation")
    ModerationMessage = apps.get_model("moderation", "ModerationMessage")
    told = ModerationMessage.objects.filter(kind="hid").values("presentation_id")
    untold = Presentation.objects.filter(hidden_by_staff=True).exclude(pk__in=told)
    ModerationMessage.objects.bulk_create(
        ModerationMessage(presentation=deck, from_staff=True, kind="hid", text=deck.hidden_reason)
        for deck in untold.iterator()
    )


def messages_to_reasons(apps, schema_editor):
    Presentation = apps.get_model("presentations", "Presentation")
    ModerationMessage = apps.get_model("moderation", "ModerationMessage")
    for deck in Presentation.objects.filter(hidden_by_staff=True).iterator():
        decision = (
            ModerationMessage.objects.filter(presentation=deck, kind="hid")
            .order_by("-created_at", "-pk")
            .first()
        )
        deck.hidden_reason = decision.text if decision else ""
        deck.save(update_fields=["hidden_reason"])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("presentations", "0004_near_duplicate_of"),
    ]

    operations = [migrations.RunPython(reasons_to_messages, messages_to_reasons)]
