"""The icon, /favicon.ico and the web app manifest: what browsers ask a site for by themselves."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops

from scripts import make_icons
from slideshelf.lib.content_policy import POLICY

pytestmark = pytest.mark.django_db

ICONS = make_icons.ICONS


def test_favicon_ico_answers_with_the_icon_in_the_sizes_browsers_ask_for(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert "max-age=86400" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]


def test_the_manifest_names_the_site_and_its_icons(client):
    response = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == manifest["short_name"] == "slideshelf"
    assert manifest["start_url"] == "/" and manifest["display"] == "minimal-ui"
    assert manifest["theme_color"] == "#0a58a8" and manifest["background_color"] == "#f7f7f5"
    assert manifest["lang"] == "en"
    assert manifest["description"] == "Presentations without ads or tracking."
    assert {icon["sizes"] for icon in manifest["icons"]} == {"any", "192x192", "512x512"}


def test_every_icon_the_manifest_names_is_served_in_its_size(client):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        assert response["Content-Type"] == icon["type"]
        body = b"".join(response.streaming_content)
        if icon["type"] == "image/png":
            width, height = Image.open(io.BytesIO(body)).size
            assert f"{width}x{height}" == icon["sizes"]
        else:
            assert ET.fromstring(body).get("viewBox") == "0 0 64 64"


def test_the_manifest_is_in_swedish_for_a_swedish_visitor(client):
    response = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="sv")
    manifest = json.loads(response.content)
    assert manifest["lang"] == "sv"
    assert manifest["description"] == "Presentationer utan reklam och spårning."
    assert "Accept-Language" in response["Vary"]


def test_every_page_names_its_icons_manifest_and_theme_colour(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/slideshelf/icons/icon.svg" type="image/svg+xml">' in page
    assert 'rel="icon" href="/static/slideshelf/icons/favicon.ico"' in page
    assert (
        '<link rel="apple-touch-icon" href="/static/slideshelf/icons/apple-touch-icon.png">' in page
    )
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#0a58a8">' in page


def test_the_content_security_policy_lets_the_manifest_load(client):
    policy = client.get("/").headers[POLICY]
    directives = dict(d.split(" ", 1) for d in policy.split("; ") if " " in d)
    assert directives["manifest-src"] == "'self'"
    assert directives["img-src"].startswith("'self'")


@pytest.mark.parametrize(
    ("name", "size", "rounded"),
    [
        ("icon-192.png", 192, True),
        ("icon-512.png", 512, True),
        ("apple-touch-icon.png", 180, False),
    ],
)
def test_the_committed_icons_are_the_scripts_drawing(name, size, rounded):
    committed = Image.open(ICONS / name)
    assert committed.size == (size, size)
    drawn = make_icons.png(size, rounded=rounded)
    assert committed.mode == drawn.mode
    assert ImageChops.difference(committed, drawn).getbbox() is None
    assert (ICONS / "icon.svg").read_text() == make_icons.svg()


def test_the_apple_touch_icon_has_no_transparent_corners():
    """The home screen rounds it itself, and shows a transparent corner as black."""
    icon = Image.open(ICONS / "apple-touch-icon.png")
    assert icon.mode == "RGB"
    assert icon.getpixel((0, 0)) == (10, 88, 168)
