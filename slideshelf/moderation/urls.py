from django.urls import path

from slideshelf.moderation.views import owner, staff

# The report form, under the deck's own address, is in the project's `urls.py`.
urlpatterns = [
    path("my/<str:public_id>/moderation/", owner.deck_moderation, name="deck-moderation"),
    path("moderation/", staff.moderation_queue, name="moderation-queue"),
    path("moderation/<str:public_id>/", staff.deck, name="moderation-deck"),
    path("moderation/<str:public_id>/hide/", staff.hide, name="moderation-hide"),
    path("moderation/<str:public_id>/restore/", staff.restore, name="moderation-restore"),
    path("moderation/<str:public_id>/dismiss/", staff.dismiss, name="moderation-dismiss"),
    path("moderation/<str:public_id>/reply/", staff.reply, name="moderation-reply"),
]
