from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API under /api/v1/: what a script or another system reads and writes."""

    name = "slideshelf.api"
    default_auto_field = "django.db.models.BigAutoField"
