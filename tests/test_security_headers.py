"""What browsers are told: a strict Content-Security-Policy on every page, HTTPS and its
cookies when the site says it is served so, and a proxy believed only when it is trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from slideshelf.core.security import POLICY, SecurityHeadersMiddleware
from slideshelf.lib.clients import networks
from tests.factories import deck_with_slides

PAGES = ["/", "/search/?q=x", "/login/", "/signup/", "/admin/login/", "/no-such-page/"]


@pytest.mark.django_db
def test_every_page_forbids_inline_script_and_everything_from_elsewhere(client, media):
    deck = deck_with_slides(3)
    for path in [*PAGES, deck.get_absolute_url(), deck.get_absolute_url() + "2/"]:
        policy = client.get(path).headers[POLICY]
        directives = dict(d.split(" ", 1) for d in policy.split("; ") if " " in d)
        assert directives["script-src"] == "'self'", path  # no 'unsafe-inline', no hosts
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'self'"


def test_a_view_that_sets_its_own_policy_keeps_it():
    own = "frame-ancestors *"

    def embeddable(request):
        response = HttpResponse("slides")
        response.headers[POLICY] = own
        return response

    response = SecurityHeadersMiddleware(embeddable)(RequestFactory().get("/embed/"))
    assert response.headers[POLICY] == own


@pytest.mark.django_db
def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = networks(["10.0.0.2"], "SLIDESHELF_TRUSTED_PROXIES")
    # Anyone can claim HTTPS in a header: from an untrusted address it is a plain request.
    forged = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.9")
    assert forged.status_code == 301 and forged.headers["Location"].startswith("https://")
    proxied = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.0.0.2")
    assert proxied.status_code == 200
    plain = client.get("/", HTTP_X_FORWARDED_PROTO="http", REMOTE_ADDR="10.0.0.2")
    assert plain.status_code == 301


def settings_with(**env: str) -> dict[str, str]:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ('SECURE_SSL_REDIRECT', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=site_environment(env), capture_output=True, text=True
    )
    return json.loads(done.stdout)


def test_https_turns_on_redirects_hsts_and_secure_cookies(tmp_path):
    off = settings_with(SLIDESHELF_DATA_DIR=str(tmp_path))
    assert not any(off.values())
    on = settings_with(SLIDESHELF_DATA_DIR=str(tmp_path), SLIDESHELF_HTTPS="true")
    assert on["SECURE_SSL_REDIRECT"] and on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"]
    assert on["SECURE_HSTS_SECONDS"] == 31_536_000 and on["SECURE_HSTS_INCLUDE_SUBDOMAINS"]


def site_environment(env: dict[str, str]) -> dict[str, str]:
    """This environment without any slideshelf setting, then `env`: the site's settings."""
    kept = {
        name: value
        for name, value in os.environ.items()
        # and not what browser tests set for themselves in this process
        if not name.startswith("SLIDESHELF_") and name != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return {**kept, "DJANGO_SETTINGS_MODULE": "slideshelf.settings", **env}


def check_deploy(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    slideshelf = os.path.join(os.path.dirname(sys.executable), "slideshelf")
    return subprocess.run(
        [slideshelf, "check", "--deploy"],
        env=site_environment({"SLIDESHELF_DATA_DIR": str(tmp_path), **env}),
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_the_settings_the_readme_gives(tmp_path):
    documented = {
        "SLIDESHELF_ALLOWED_HOSTS": "slides.example.org",
        "SLIDESHELF_HTTPS": "true",
        "SLIDESHELF_TRUSTED_PROXIES": "127.0.0.1",
        "SLIDESHELF_HSTS_PRELOAD": "true",
    }
    clean = check_deploy(tmp_path, **documented)
    assert clean.returncode == 0, clean.stderr
    assert "no issues" in clean.stdout + clean.stderr and "WARNINGS" not in clean.stderr
    plain = check_deploy(tmp_path)
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in plain.stderr, "the check runs and would see what is missing"
