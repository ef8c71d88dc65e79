from django.urls import path

from slideshelf.uploads.views import mine, status, upload

# Included before the presentation pages: `p/<id>/delete/` would otherwise read as a slug.
urlpatterns = [
    path("upload/", upload.upload, name="upload"),
    path("my/", mine.my_presentations, name="my-presentations"),
    path("my/<str:public_id>/edit/", mine.edit, name="edit-presentation"),
    path("my/<str:public_id>/retry/", mine.retry_presentation, name="retry-presentation"),
    path("p/<str:public_id>/status.json", status.status, name="presentation-status"),
    path("p/<str:public_id>/delete/", mine.delete, name="delete-presentation"),
]
