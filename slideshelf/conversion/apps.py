from django.apps import AppConfig


class ConversionConfig(AppConfig):
    name = "slideshelf.conversion"

    def ready(self) -> None:
        from slideshelf.conversion import checks  # noqa: F401  (registers system checks)
