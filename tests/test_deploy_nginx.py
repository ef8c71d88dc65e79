"""The nginx configuration of docs/deploy.md: rendered from the settings, accepted by `nginx -t`,
and run for real in front of the site, where it sends a private deck's original only to its
owner, through X-Accel-Redirect.

nginx runs as the test's own: its own prefix, pid file, logs and temporary folders, on free
ports, so a system nginx (Debian's package starts one in some set-ups) is never touched.
"""

from __future__ import annotations

import datetime
import gzip
import http.client
import ipaddress
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model

from deploy.nginx import Site, fill, render
from slideshelf.core.sizes import FORM_ROOM
from slideshelf.lib.clients import networks
from slideshelf.presentations.models import Visibility
from tests.conftest import REPO, SQLITE_PASS_ONLY
from tests.factories import deck_with_slides, upload
from tests.processes import free_port, listening, wait_until, without_settings

NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(path, os.X_OK)), None
)
pytestmark = [
    pytest.mark.skipif(
        NGINX is None,
        reason="nginx is not installed (scripts/install-system-packages.sh installs it)",
    ),
    SQLITE_PASS_ONLY,  # what nginx does is the same on any database
]

HOST = "slides.example.test"
# What nginx's answer with the file says as the site's answer without it did.
KEPT_FROM_THE_SITE = (
    "Content-Type",
    "Content-Disposition",
    "Cache-Control",
    "X-Content-Type-Options",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)
PDF = b"%PDF-1.4\n% the original, byte for byte\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


@dataclass(frozen=True)
class Certificate:
    certificate: Path
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Certificate:
    """A self-signed certificate for HOST and 127.0.0.1, made for the test."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    made = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    found = Certificate(folder / "fullchain.pem", folder / "privkey.pem")
    found.certificate.write_bytes(made.public_bytes(serialization.Encoding.PEM))
    found.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return found


def main_configuration(prefix: Path, site: Path) -> Path:
    """nginx.conf around the rendered site, as Debian's includes sites-enabled/*, with every
    path nginx writes to inside `prefix`."""
    # Run as root, nginx would start its workers as `nobody`, who may not enter the test's
    # folders; in production they are www-data, and docs/deploy.md gives it the media folder.
    user = "user root;" if os.geteuid() == 0 else ""
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    {mime}
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site};
}}
"""
    )
    return conf


def nginx(prefix: Path, conf: Path, *arguments: str) -> list[str]:
    assert NGINX
    return [NGINX, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "error.log"), *arguments]


def nginx_t(prefix: Path, site_text: str) -> subprocess.CompletedProcess[str]:
    prefix.mkdir(exist_ok=True)
    site = prefix / "slideshelf.conf"
    site.write_text(site_text)
    conf = main_configuration(prefix, site)
    return subprocess.run(nginx(prefix, conf, "-t"), capture_output=True, text=True, check=False)


def test_the_configuration_rendered_from_the_example_environment_passes_nginx_t(
    tmp_path, certificate
):
    """As docs/deploy.md has it rendered: `python -m deploy.nginx --env-file …`."""
    data = tmp_path / "slideshelf"
    example = (REPO / "deploy/slideshelf.env").read_text()
    (tmp_path / "slideshelf.env").write_text(example.replace("/var/lib/slideshelf", str(data)))
    rendered = subprocess.run(
        [
            sys.executable,
            *("-m", "deploy.nginx", "--env-file", str(tmp_path / "slideshelf.env")),
            *("--certificate", str(certificate.certificate)),
            *("--certificate-key", str(certificate.key)),
        ],
        cwd=REPO,
        env=without_settings(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "server_name slides.example.org;" in rendered.stdout
    assert f"alias {data}/media/;" in rendered.stdout
    assert f"alias {data}/static/;" in rendered.stdout
    assert "location /_media/ {" in rendered.stdout
    assert f"client_max_body_size {200 * 2**20 + FORM_ROOM};" in rendered.stdout
    assert "listen 443 ssl http2;" in rendered.stdout
    checked = nginx_t(tmp_path / "nginx", rendered.stdout)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_nginx_takes_uploads_as_large_as_slideshelf_does_and_its_form(settings):
    settings.MAX_UPLOAD_BYTES = 7 * 2**20
    conf = render(Site(HOST, "/c.pem", "/k.pem"), django_settings)
    assert f"client_max_body_size {7 * 2**20 + FORM_ROOM};" in conf


def test_every_placeholder_needs_a_value_and_no_value_can_add_a_directive():
    with pytest.raises(KeyError, match="media_root"):
        fill("alias {{media_root}};", {})
    with pytest.raises(ValueError, match="server_name"):
        fill("server_name {{server_name}};", {"server_name": "a; include /etc/passwd"})
    assert fill("alias {{media_root}}/;", {"media_root": "/srv/m"}) == "alias /srv/m/;"


# Running nginx for real, in front of the site.


@dataclass(frozen=True)
class Front:
    """nginx on its two ports, and what the test needs to talk to it."""

    http_port: int
    https_port: int
    tls: ssl.SSLContext
    prefix: Path

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        *,
        tls: bool = True,
        source: str = "127.0.0.1",
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """A request from the `source` address, with the site's host name."""
        connection: http.client.HTTPConnection
        if tls:
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.https_port,
                context=self.tls,
                timeout=20,
                source_address=(source, 0),
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.http_port, timeout=20, source_address=(source, 0)
            )
        try:
            connection.request(method, path, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text() if path.exists() else ""


def ipv6_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::", 0))
    except OSError:
        return False
    return True


@pytest.fixture
def front(settings, media, tmp_path, live_server, certificate) -> Iterator[Front]:
    """nginx, configured as docs/deploy.md says, in front of the test's live server."""
    settings.ACCEL_REDIRECT = "/_media/"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    settings.TRUSTED_PROXIES = networks(["127.0.0.1"], "SLIDESHELF_TRUSTED_PROXIES")
    settings.MAX_UPLOAD_BYTES = 2**20
    prefix = tmp_path / "nginx"
    http_port, https_port = free_port(), free_port()
    site = Site(
        server_name=HOST,
        certificate=str(certificate.certificate),
        certificate_key=str(certificate.key),
        upstream=f"127.0.0.1:{live_server.thread.port}",
        http_port=http_port,
        https_port=https_port,
    )
    text = render(site, django_settings)
    if not ipv6_available():
        text = "\n".join(line for line in text.splitlines() if "listen [::]" not in line)
    checked = nginx_t(prefix, text)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        nginx(prefix, prefix / "nginx.conf", "-g", "daemon off;"), start_new_session=True
    )
    tls = ssl.create_default_context(cafile=str(certificate.certificate))
    running = Front(http_port, https_port, tls, prefix)
    try:
        wait_until(lambda: listening(https_port) or process.poll() is not None, timeout=30)
        assert process.poll() is None, running.log()
        yield running
    finally:
        process.send_signal(signal.SIGQUIT)  # nginx's graceful stop
        process.wait(timeout=30)


@pytest.fixture
def ada():
    return get_user_model().objects.create_user("ada", password="pw")


def cookie_of(client, person) -> dict[str, str]:
    """The Cookie header of `person`'s browser, signed in."""
    client.force_login(person)
    name = django_settings.SESSION_COOKIE_NAME
    return {"Cookie": f"{name}={client.cookies[name].value}"}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_nginx_sends_a_private_original_to_its_owner_alone(
    front, live_server, client, ada, tmp_path
):
    named = tmp_path / "Årsmöte 2024.pdf"
    named.write_bytes(PDF)
    deck = upload(named, owner=ada, visibility=Visibility.PRIVATE)
    address = f"/p/{deck.public_id}/download/"
    owner = cookie_of(client, ada)
    with urllib.request.urlopen(
        urllib.request.Request(live_server.url + address, headers=owner), timeout=20
    ) as direct:
        site = direct.headers
        assert direct.read() == b"", "the site hands the file over, sending none of it"
    assert site["X-Accel-Redirect"] == f"/_media/{quote(deck.original.name)}"

    status, headers, body = front.request("GET", address, owner)
    assert (status, body) == (200, PDF), front.log()
    for header in KEPT_FROM_THE_SITE:
        assert site[header] and headers[header] == site[header], header
    assert headers["Content-Disposition"] == (
        "attachment; filename*=utf-8''%C3%85rsm%C3%B6te%202024.pdf"
    )
    assert "X-Accel-Redirect" not in headers

    status, headers, body = front.request("GET", address, {**owner, "Range": "bytes=0-7"})
    assert (status, body) == (206, PDF[:8]), "nginx sent it: the site itself answers no ranges"

    eve = get_user_model().objects.create_user("eve", password="pw")
    for outsider in ({}, cookie_of(client, eve)):
        status, headers, body = front.request("GET", address, outsider)
        assert status == 404 and PDF[:40] not in body
    status, _, body = front.request("GET", f"/_media/{quote(deck.original.name)}", owner)
    assert status == 404 and PDF[:40] not in body, "the media location is internal"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_nginx_sends_static_files_with_long_lives_only_for_hashed_names(front, settings):
    static = Path(settings.STATIC_ROOT) / "slideshelf"
    static.mkdir(parents=True)
    css = b"body { color: #222; }\n" * 50
    (static / "site.0123456789ab.css").write_bytes(css)
    (static / "site.0123456789ab.css.gz").write_bytes(gzip.compress(css))
    (static / "site.css").write_bytes(css)

    status, headers, body = front.request("GET", "/static/slideshelf/site.0123456789ab.css")
    assert (status, body) == (200, css), front.log()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Type"].startswith("text/css")
    status, headers, body = front.request(
        "GET", "/static/slideshelf/site.0123456789ab.css", {"Accept-Encoding": "gzip"}
    )
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == css
    status, headers, _ = front.request("GET", "/static/slideshelf/site.css")
    assert (status, headers["Cache-Control"]) == (200, "public, max-age=3600")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_nginx_redirects_to_https_and_tells_the_site_it_was_asked_over_https(front, media):
    status, headers, _ = front.request("GET", "/search/?q=x", tls=False)
    assert (status, headers["Location"]) == (301, f"https://{HOST}/search/?q=x")
    deck = deck_with_slides(1, title="Proxied")
    status, _, body = front.request("GET", deck.get_absolute_url())
    assert status == 200, front.log()
    assert f'<link rel="canonical" href="https://{HOST}/p/{deck.public_id}/'.encode() in body


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_nginx_refuses_an_upload_larger_than_the_site_takes_before_reading_it(front):
    connection = http.client.HTTPSConnection("127.0.0.1", front.https_port, context=front.tls)
    try:
        connection.putrequest("POST", "/upload/", skip_host=True)
        connection.putheader("Host", HOST)
        connection.putheader("Content-Length", str(2**20 + FORM_ROOM + 1))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_nginx_lets_only_the_host_itself_read_the_metrics(front):
    """slideshelf sees every request through nginx come from 127.0.0.1, which it lets read
    /metrics: nginx must keep them from everyone else (127.0.0.2 stands for another host)."""
    assert front.request("GET", "/metrics", source="127.0.0.2")[0] == 403
    assert front.request("GET", "/metrics")[0] != 403, front.log()
