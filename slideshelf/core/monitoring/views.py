"""/healthz, for load balancers, and /metrics, for Prometheus.

Neither reads a session or sets a cookie; both are answered before the site's other
middleware when they may be (see `middleware.py`), and nothing they say may be kept by a cache.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from slideshelf.core.monitoring import health, metrics
from slideshelf.lib.clients import client_address, is_trusted

SERVICE_UNAVAILABLE = 503


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when this web host can serve pages, else 503; the body says what each check found."""
    found = health.check()
    status = 200 if found.ok else SERVICE_UNAVAILABLE
    response = JsonResponse(found.as_json(private=may_scrape(request)), status=status)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def metrics_text(request: HttpRequest) -> HttpResponse:
    """The Prometheus text, to the addresses of SLIDESHELF_METRICS_ALLOWED; to anyone else the
    site's ordinary 404, which does not tell that there is anything here."""
    if not may_scrape(request):
        raise Http404
    body, content_type = metrics.exposition(request.headers.get("Accept", ""))
    response = HttpResponse(body, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


def may_scrape(request: HttpRequest) -> bool:
    """Whether the request comes from an address SLIDESHELF_METRICS_ALLOWED lists.

    The client address as the site finds it everywhere (`lib.clients`): a trusted proxy's
    X-Forwarded-For is believed, anyone else's never. A request forwarded by a proxy the site
    does not trust is refused: behind it could be anyone, while the connecting address, the
    proxy's, is often 127.0.0.1.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and not is_trusted(remote, settings.TRUSTED_PROXIES):
        return False
    try:
        address = ipaddress.ip_address(client_address(remote, forwarded, settings.TRUSTED_PROXIES))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # an IPv4 client of a server listening on [::]
    return any(address in network for network in settings.METRICS_ALLOWED)
