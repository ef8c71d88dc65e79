from django.apps import AppConfig


class PresentationsConfig(AppConfig):
    name = "slideshelf.presentations"
    default_auto_field = "django.db.models.BigAutoField"
