from typing import Any

from django.db import migrations, models
from django.db.models import F


def move_recognised_text(apps: Any, schema_editor: Any) -> None:
    """A slide read by OCR kept the recognised words as its title and body; they are the
    slide's pictures' words, not its own, and now have their own field."""
    Slide = apps.get_model("presentations", "Slide")
    moved = []
    for slide in Slide.objects.filter(text_source="ocr").only("title", "text").iterator():
        slide.ocr_text = "\n".join(part for part in (slide.title, slide.text) if part)
        slide.title = slide.text = ""
        moved.append(slide)
    Slide.objects.bulk_update(moved, ["ocr_text", "title", "text"], batch_size=500)


def restore_recognised_text(apps: Any, schema_editor: Any) -> None:
    Slide = apps.get_model("presentations", "Slide")
    Slide.objects.filter(text_source="ocr").update(text=F("ocr_text"))


class Migration(migrations.Migration):
    dependencies = [
        ("presentations", "0005_conversion_and_near_duplicates_moved_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="slide",
            name="ocr_text",
            field=models.TextField(
                blank=True, help_text="Words recognised in the slide's pictures, apart from its own."
            ),
        ),
        migrations.RunPython(move_recognised_text, restore_recognised_text),
    ]
