from django.urls import path

from slideshelf.search import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
