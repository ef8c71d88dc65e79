from django.apps import AppConfig


class PagesConfig(AppConfig):
    """What a visitor reads: the home page, lists of decks, a presentation and its files."""

    name = "slideshelf.pages"
    default_auto_field = "django.db.models.BigAutoField"
