"""A 20 MB upload over a 400 KB/s line succeeds, and the site stays quick for everyone else."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.request
import zipfile

import pytest

from slideshelf.core.management.commands.serve import web
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.processes import free_port, listening, stop, subprocess_env, wait_until
from tests.uploading import BOUNDARY, make_user, multipart

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
SIZE = 20 * 1024 * 1024
RATE = 400 * 1024  # bytes a second


def big_pptx() -> bytes:
    """A real deck padded with a 19 MB picture nobody looks at (stored, not compressed)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(CORPUS / "pptx/mkd_test.pptx") as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        padding = SIZE - buffer.tell() - 4096
        target.writestr("ppt/media/padding.bin", os.urandom(padding), zipfile.ZIP_STORED)
    return buffer.getvalue()


def signed_in(client, port: int) -> tuple[str, str]:
    """A session cookie for a real account, and the upload form's CSRF token."""
    client.force_login(make_user("ada"))
    session = client.cookies["sessionid"].value
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/upload/", headers={"Cookie": f"sessionid={session}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        page = response.read().decode()
        csrf = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return f"sessionid={session}; csrftoken={csrf}", token


def upload_form(token: str, content: bytes) -> bytes:
    fields = {"csrfmiddlewaretoken": token, "visibility": "public", "licence": "cc-by-4.0"}
    return multipart(
        [(name, None, value.encode()) for name, value in fields.items()]
        + [("file", "big.pptx", content)]
    )


def send_slowly(port: int, cookie: str, body: bytes) -> tuple[int, dict]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            (
                f"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
                f"Referer: http://127.0.0.1:{port}/upload/\r\nAccept: application/json\r\n"
                f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode()
        )
        started = time.monotonic()
        for offset in range(0, len(body), RATE // 10):
            sock.sendall(body[offset : offset + RATE // 10])
            time.sleep(max(0.0, started + (offset + RATE // 10) / RATE - time.monotonic()))
        answer = b"".join(iter(lambda: sock.recv(65536), b""))
    status = int(answer.split(b" ", 2)[1])
    return status, json.loads(answer.split(b"\r\n\r\n", 1)[1] or b"{}")


def home_timings(port: int, stop_when: threading.Event) -> list[float]:
    seconds = []
    while not stop_when.wait(0.25):
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            response.read()
        seconds.append(time.monotonic() - started)
    return seconds


def test_a_slow_20_mb_upload_succeeds_while_the_home_page_stays_quick(client, media, settings):
    port = free_port()
    server = subprocess.Popen(
        web("127.0.0.1", port, 2),
        env=subprocess_env(media),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: listening(port), timeout=30)
        cookie, token = signed_in(client, port)
        done, timings = threading.Event(), []
        prober = threading.Thread(target=lambda: timings.extend(home_timings(port, done)))
        prober.start()
        status, answer = send_slowly(port, cookie, upload_form(token, big_pptx()))
        done.set()
        prober.join()
    finally:
        stop(server)
    assert status == 201, answer
    assert Presentation.objects.get(public_id=answer["id"]).original_size > SIZE - 8192
    assert len(timings) > 100  # the upload took close to a minute
    p99 = statistics.quantiles(timings, n=100)[98]
    assert p99 < 1.0, f"GET / p99 {p99:.2f} s during the upload"
