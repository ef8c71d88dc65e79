from django.urls import path

from slideshelf.studio.views import bulk, collections, exports, mine, replace, upload

# A deck's own addresses (`/p/<id>/…`) are all in the project's `urls.py`.
urlpatterns = [
    path("upload/", upload.upload, name="upload"),
    path("my/", mine.my_presentations, name="my-presentations"),
    path("my/bulk/", bulk.bulk_change, name="bulk-change"),
    path("my/export/", exports.export, name="export"),
    path("my/export/<int:export_id>/", exports.download_export, name="download-export"),
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
]
