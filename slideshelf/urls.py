"""The project's addresses. Every `/p/<id>/…` route is here, in one list, whichever app serves
it; a deck's slug never matches an action's name, so the order of the list does not matter."""

from django.contrib import admin
from django.urls import include, path, register_converter

from slideshelf.api.root import api
from slideshelf.core import errors
from slideshelf.core.monitoring.views import healthz, metrics_text
from slideshelf.core.views import language
from slideshelf.core.webapp import favicon, manifest
from slideshelf.moderation.views import report
from slideshelf.pages.views import embed, files, oembed, pages, reach
from slideshelf.presentations.models import RESERVED_SLUGS
from slideshelf.statistics.views import deck_statistics
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
    path("transcript.md", files.transcript, {"kind": "markdown"}, name="transcript-markdown"),
    path("transcript.txt", files.transcript, {"kind": "text"}, name="transcript-text"),
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
    path("embed/<str:public_id>/", embed.embed, name="embed"),
    path("oembed/", oembed.oembed, name="oembed"),
    # How far a view got, sent by the page's and the player's reach.js.
    path("reach/<str:public_id>/", reach.reach, name="deck-reach"),
    path("my/<str:public_id>/statistics/", deck_statistics, name="deck-statistics"),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_text, name="metrics"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", manifest, name="manifest"),
    path("api/v1/", api.urls),
    path("", include("slideshelf.accounts.urls")),
    path("", include("slideshelf.studio.urls")),
    path("", include("slideshelf.moderation.urls")),
    path("", include("slideshelf.search.urls")),
    path("", include("slideshelf.pages.urls")),
]

# The site's own pages for what goes wrong, in its look and the visitor's language.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error
