from django.urls import path
from django.views.decorators.http import require_safe

from slideshelf.pages import feeds
from slideshelf.pages.views import browse, home, robots, sitemap

# A deck's own addresses (`/p/<id>/…`) are all in the project's `urls.py`.
urlpatterns = [
    path("", home.home, name="home"),
    path("t/<str:slug>/", browse.tag, name="tag"),
    path("c/", browse.collections, name="collections"),
    path("c/<str:slug>/", browse.collection, name="collection"),
    path("u/<str:username>/", browse.uploader, name="uploader"),
    # Each list's feeds, beside its page.
    path("feed/rss/", require_safe(feeds.LatestFeed(feeds.RSS)), name="feed-rss"),
    path("feed/atom/", require_safe(feeds.LatestFeed(feeds.ATOM)), name="feed-atom"),
    path("t/<str:slug>/feed/rss/", require_safe(feeds.TagFeed(feeds.RSS)), name="tag-feed-rss"),
    path("t/<str:slug>/feed/atom/", require_safe(feeds.TagFeed(feeds.ATOM)), name="tag-feed-atom"),
    path(
        "c/<str:slug>/feed/rss/",
        require_safe(feeds.CollectionFeed(feeds.RSS)),
        name="collection-feed-rss",
    ),
    path(
        "c/<str:slug>/feed/atom/",
        require_safe(feeds.CollectionFeed(feeds.ATOM)),
        name="collection-feed-atom",
    ),
    path(
        "u/<str:username>/feed/rss/",
        require_safe(feeds.UploaderFeed(feeds.RSS)),
        name="uploader-feed-rss",
    ),
    path(
        "u/<str:username>/feed/atom/",
        require_safe(feeds.UploaderFeed(feeds.ATOM)),
        name="uploader-feed-atom",
    ),
    path("sitemap.xml", sitemap.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap.section, name="sitemap-section"),
    path("robots.txt", robots.robots, name="robots"),
]
