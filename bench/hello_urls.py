"""slideshelf's URLs plus /hello/: the cheapest Django response, through the same middleware.

bench.pages measures slideshelf's pages against it, so the ratio shows what the pages cost
on top of Django, gunicorn and the middleware stack on the same machine at the same moment.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello")


urlpatterns = [
    path("hello/", hello),
    path("", include("slideshelf.urls")),
]
