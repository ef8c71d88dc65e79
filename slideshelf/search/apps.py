from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "slideshelf.search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from slideshelf.search import signals  # noqa: F401 - connects the outbox
