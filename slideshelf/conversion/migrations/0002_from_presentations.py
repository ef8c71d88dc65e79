"""Every deck's conversion state, carried over from the deck's own row."""

from django.db import migrations

from slideshelf.conversion.messages import english

SAME = (
    "status",
    "stage",
    "progress_done",
    "progress_total",
    "attempts",
    "heartbeat_at",
    "file_type",
    "replacement",
    "replacement_name",
    "replacement_sha256",
    "replacement_size",
    "replaced_at",
)


def failure_of(row):
    """The stored message; rows from before messages were stored have only the English."""
    if row["error_message"].get("msgid"):
        return row["error_message"]
    return {"msgid": row["error"], "params": {}} if row["error"] else {}


def copy_from_decks(apps, schema_editor):
    Presentation = apps.get_model("presentations", "Presentation")
    Conversion = apps.get_model("conversion", "Conversion")
    rows = Presentation.objects.values("pk", *SAME, "error", "error_message", "converted_at")
    Conversion.objects.bulk_create(
        (
            Conversion(
                presentation_id=row["pk"],
                failure=failure_of(row),
                finished_at=row["converted_at"],
                **{name: row[name] for name in SAME},
            )
            for row in rows.iterator()
        ),
        batch_size=1000,
    )


def copy_back(apps, schema_editor):
    Presentation = apps.get_model("presentations", "Presentation")
    Conversion = apps.get_model("conversion", "Conversion")
    for conversion in Conversion.objects.iterator():
        failure = conversion.failure or {}
        Presentation.objects.filter(pk=conversion.presentation_id).update(
            error=english(failure) if failure.get("msgid") else "",
            error_message=failure,
            converted_at=conversion.finished_at,
            **{name: getattr(conversion, name) for name in SAME},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("conversion", "0001_initial"),
        ("presentations", "0004_near_duplicate_of"),
    ]

    operations = [migrations.RunPython(copy_from_decks, copy_back)]
