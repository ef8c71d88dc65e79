from django.contrib import admin
from django.urls import include, path

from slideshelf.core.views import language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("language/<str:code>/", language, name="language"),
    path("", include("slideshelf.accounts.urls")),
    path("", include("slideshelf.uploads.urls")),
    path("", include("slideshelf.moderation.urls")),
    path("", include("slideshelf.search.urls")),
    path("", include("slideshelf.presentations.urls")),
]
