"""The project's addresses. Every `/p/<id>/…` route is here, in one list, whichever app serves
it; a deck's slug never matches an action's name, so the order of the list does not matter."""

from django.contrib import admin
from django.urls import include, path, register_converter

from slideshelf.core.views import language
from slideshelf.moderation.views import report
from slideshelf.pages.views import files, pages
from slideshelf.presentations.models import RESERVED_SLUGS
from slideshelf.studio.views import mine, status


class Segment:
    """A path segment matched by `regex` and passed on as it is."""

    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class DeckSlug(Segment):
    """A deck's slug: any path segment but the actions' names."""

    regex = "(?!(?:{})/)[^/]+".format("|".join(sorted(RESERVED_SLUGS)).replace(".", r"\."))


class SlideImageName(Segment):
    regex = r"[0-9]+(-thumb)?(@2x)?\.webp"


register_converter(DeckSlug, "deckslug")
register_converter(SlideImageName, "slideimage")

deck_routes = [
    path("", pages.presentation, name="presentation-short"),
    path("download/", files.original, name="download-original"),
    path("download/pdf/", files.pdf, name="download-pdf"),
    # r<revision>.<audience>: see Presentation.slide_image_prefix.
    path("r<int:revision>.<str:audience>/<slideimage:name>", files.slide_image, name="slide-image"),
    path("status.json", status.status, name="presentation-status"),
    path("delete/", mine.delete, name="delete-presentation"),
    path("report/", report.report, name="report-presentation"),
    path("<deckslug:slug>/", pages.presentation, name="presentation"),
    path("<deckslug:slug>/<int:number>/", pages.presentation, name="presentation-slide"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("language/<str:code>/", language, name="language"),
    path("p/<str:public_id>/", include(deck_routes)),
    path("", include("slideshelf.accounts.urls")),
    path("", include("slideshelf.studio.urls")),
    path("", include("slideshelf.moderation.urls")),
    path("", include("slideshelf.search.urls")),
    path("", include("slideshelf.pages.urls")),
]
