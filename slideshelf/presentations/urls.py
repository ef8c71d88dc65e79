from django.urls import path, register_converter

from slideshelf.presentations.views import browse, files, home, pages


class SlideImageName:
    regex = r"[0-9]+(-thumb)?\.webp"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SlideImageName, "slideimage")

urlpatterns = [
    path("", home.home, name="home"),
    path("t/<str:slug>/", browse.tag, name="tag"),
    path("c/", browse.collections, name="collections"),
    path("c/<str:slug>/", browse.collection, name="collection"),
    path("u/<str:username>/", browse.uploader, name="uploader"),
    path("p/<str:public_id>/", pages.presentation, name="presentation-short"),
    path("p/<str:public_id>/download/", files.original, name="download-original"),
    path("p/<str:public_id>/download/pdf/", files.pdf, name="download-pdf"),
    path(
        "p/<str:public_id>/r<int:revision>/<slideimage:name>",
        files.slide_image,
        name="slide-image",
    ),
    path("p/<str:public_id>/<str:slug>/", pages.presentation, name="presentation"),
    path(
        "p/<str:public_id>/<str:slug>/<int:number>/", pages.presentation, name="presentation-slide"
    ),
]
