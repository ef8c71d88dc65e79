"""Every request timed by its route's name, and the monitoring addresses answered early.

The route's name (`presentation-slide`, `api:api-deck`), never the path: one series per route,
however many decks and slides there are. A request no route matched (a 404, or one refused
before routing) counts as `unmatched`.

/healthz and /metrics are answered here, before the middleware after this one: a load balancer
or Prometheus asks by the host's address (`10.0.0.5:8000`), which ALLOWED_HOSTS does not list,
and needs no session, language or CSRF token. /metrics is answered here only to the addresses
that may read it; anyone else's request goes on through the site as usual, to its usual 404.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix, resolve, reverse

from slideshelf.core.monitoring import metric_files
from slideshelf.core.monitoring.metrics import REQUEST_SECONDS
from slideshelf.core.monitoring.views import may_scrape

UNMATCHED = "unmatched"
# Route name: who may have it answered early.
ANSWERED_EARLY: dict[str, Callable[[HttpRequest], bool]] = {
    "healthz": lambda request: True,
    "metrics": may_scrape,
}


class MonitoringMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._early: dict[str, Callable[[HttpRequest], bool]] | None = None
        self._timing_in: int | None = None  # the process whose file is ready
        self._timing = False
        self._preparing = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self._answer_early(request) or self.get_response(request)
        if self._may_time():
            REQUEST_SECONDS.labels(route_name(request)).observe(time.perf_counter() - started)
        return response

    def _answer_early(self, request: HttpRequest) -> HttpResponse | None:
        wanted = self._early_paths().get(request.path_info)
        if wanted is None or not wanted(request):
            return None
        match = request.resolver_match = resolve(request.path_info)
        response: HttpResponse = match.func(request, *match.args, **match.kwargs)
        return response

    def _early_paths(self) -> dict[str, Callable[[HttpRequest], bool]]:
        """The early routes' paths, found once from their names (resolving every request's
        path would cost more than timing it)."""
        if self._early is None:
            prefix = get_script_prefix()
            self._early = {
                "/" + reverse(name).removeprefix(prefix): wanted
                for name, wanted in ANSWERED_EARLY.items()
            }
        return self._early

    def _may_time(self) -> bool:
        """Once per process (a fork gets a file of its own): is there room to time requests?
        The first requests come in several threads at once: all wait for the answer."""
        if self._timing_in != os.getpid():
            with self._preparing:
                if self._timing_in != os.getpid():
                    self._timing = metric_files.prepare(settings.METRICS_DIR)
                    self._timing_in = os.getpid()
        return self._timing


def route_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else UNMATCHED
