from django.urls import path

from slideshelf.uploads.views import collections, mine, replace, status, upload

# Included before the presentation pages: `p/<id>/delete/` would otherwise read as a slug.
urlpatterns = [
    path("upload/", upload.upload, name="upload"),
    path("my/", mine.my_presentations, name="my-presentations"),
    path("my/collections/", collections.my_collections, name="my-collections"),
    path("my/collections/new/", collections.new, name="new-collection"),
    path("my/collections/<str:slug>/edit/", collections.edit, name="edit-collection"),
    path("my/collections/<str:slug>/order/", collections.reorder, name="reorder-collection"),
    path("my/collections/<str:slug>/add/", collections.add, name="add-to-collection"),
    path("my/collections/<str:slug>/delete/", collections.delete, name="delete-collection"),
    path("my/<str:public_id>/edit/", mine.edit, name="edit-presentation"),
    path("my/<str:public_id>/replace/", replace.replace, name="replace-presentation"),
    path(
        "my/<str:public_id>/make-new-version/",
        replace.make_new_version,
        name="make-new-version",
    ),
    path("my/<str:public_id>/retry/", mine.retry_presentation, name="retry-presentation"),
    path("p/<str:public_id>/status.json", status.status, name="presentation-status"),
    path("p/<str:public_id>/delete/", mine.delete, name="delete-presentation"),
]
