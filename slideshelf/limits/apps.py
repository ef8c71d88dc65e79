from django.apps import AppConfig


class LimitsConfig(AppConfig):
    name = "slideshelf.limits"
    default_auto_field = "django.db.models.BigAutoField"
