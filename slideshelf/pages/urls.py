from django.urls import path

from slideshelf.pages.views import browse, home

# A deck's own addresses (`/p/<id>/…`) are all in the project's `urls.py`.
urlpatterns = [
    path("", home.home, name="home"),
    path("t/<str:slug>/", browse.tag, name="tag"),
    path("c/", browse.collections, name="collections"),
    path("c/<str:slug>/", browse.collection, name="collection"),
    path("u/<str:username>/", browse.uploader, name="uploader"),
]
