from django.apps import AppConfig


class StudioConfig(AppConfig):
    """The owner's space: upload, my presentations, edit, replace, collections."""

    name = "slideshelf.studio"
    default_auto_field = "django.db.models.BigAutoField"
