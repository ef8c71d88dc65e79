from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    """Daily counts per deck, and the owner's page that shows them."""

    name = "slideshelf.statistics"
    default_auto_field = "django.db.models.BigAutoField"
