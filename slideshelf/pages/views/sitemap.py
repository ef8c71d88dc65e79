"""The sitemap: `/sitemap.xml`, an index of every section's pages, and the sections,
`/sitemap-<section>.xml?p=N`, each page at most the protocol's 50,000 addresses.

Written with lxml's incremental writer a `<url>` at a time, so a page of 50,000 decks never
stands in memory as a tree, only as the answer's bytes. Every address is absolute, from
`absolute()`.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from lxml import etree

from slideshelf.lib.addresses import absolute
from slideshelf.pages.sitemaps import SECTIONS, Address

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
# Crawlers fetch a sitemap now and then; a shared cache may answer them for an hour.
CACHE_CONTROL = "public, max-age=3600"


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    with document("sitemapindex", {None: SITEMAP}) as (out, xml):
        for name, found in SECTIONS.items():
            for number in range(1, found.page_count() + 1):
                with xml.element(f"{{{SITEMAP}}}sitemap"):
                    text(xml, f"{{{SITEMAP}}}loc", absolute(request, page_path(name, number)))
                    if lastmod := found.page_lastmod(number):
                        text(xml, f"{{{SITEMAP}}}lastmod", w3c_date(lastmod))
    return xml_response(out.getvalue())


@require_safe
def section(request: HttpRequest, section: str) -> HttpResponse:
    found = SECTIONS.get(section)
    number = page_number(request)
    if found is None or number > found.page_count():
        raise Http404("No such sitemap")
    with document("urlset", {None: SITEMAP, "image": IMAGE}) as (out, xml):
        for address in found.page(number):
            write_url(request, xml, address)
    return xml_response(out.getvalue())


@contextmanager
def document(root: str, nsmap: dict[str | None, str]) -> Iterator[tuple[io.BytesIO, Any]]:
    """An XML document with `root` open, written a piece at a time."""
    out = io.BytesIO()
    with etree.xmlfile(out, encoding="UTF-8") as xml:
        xml.write_declaration()
        with xml.element(f"{{{SITEMAP}}}{root}", nsmap=nsmap):
            yield out, xml


def write_url(request: HttpRequest, xml: Any, address: Address) -> None:
    with xml.element(f"{{{SITEMAP}}}url"):
        text(xml, f"{{{SITEMAP}}}loc", absolute(request, address.path))
        if address.lastmod:
            text(xml, f"{{{SITEMAP}}}lastmod", w3c_date(address.lastmod))
        if address.image:
            with xml.element(f"{{{IMAGE}}}image"):
                text(xml, f"{{{IMAGE}}}loc", absolute(request, address.image))


def text(xml: Any, tag: str, value: str) -> None:
    with xml.element(tag):
        xml.write(value)


def page_path(name: str, number: int) -> str:
    path = reverse("sitemap-section", args=[name])
    return path if number == 1 else f"{path}?p={number}"


def page_number(request: HttpRequest) -> int:
    """`?p=`, from 1; anything else is a page that does not exist."""
    value = request.GET.get("p", "1")
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise Http404("No such page")
    return int(value)


def w3c_date(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def xml_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = CACHE_CONTROL
    return response
