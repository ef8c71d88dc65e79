"""Bodies too large are refused by their declared size, before any of them is read."""

from __future__ import annotations

import socket
import subprocess
import time

import pytest
from django.http import HttpResponse

from slideshelf.core.management.commands.serve import web
from slideshelf.core.sizes import FORM_ROOM, RequestSizeMiddleware
from tests.processes import free_port, listening, stop, subprocess_env, wait_until
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)
GIB = 1024**3


def test_an_anonymous_post_larger_than_a_form_is_413(client):
    response = client.post("/login/", {"username": "ada"}, CONTENT_LENGTH=str(65 * 1024))
    assert response.status_code == 413
    assert response["Connection"] == "close"
    assert "Send one presentation at a time" in response.content.decode()


def test_a_small_anonymous_post_goes_through(client):
    assert client.post("/login/", {"username": "ada", "password": "x"}).status_code != 413


def test_a_signed_in_upload_larger_than_a_presentation_is_413_in_json(client, settings):
    settings.MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    client.force_login(make_user("ada"))
    response = client.post(
        "/upload/", {}, CONTENT_LENGTH=str(7 * 1024 * 1024), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 413
    assert "at most 5.0\xa0MB" in response.json()["error"]


def test_one_presentation_and_its_form_fit(rf, settings):
    settings.MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    request = rf.post("/upload/", CONTENT_LENGTH=str(5 * 1024 * 1024 + FORM_ROOM))
    request.user = make_user("ada")
    passed = RequestSizeMiddleware(lambda request: HttpResponse("the view"))(request)
    assert passed.content == b"the view"


@pytest.mark.slow
def test_a_1_gib_anonymous_post_is_refused_having_written_under_1_mb(media, tmp_path):
    """Over a real socket, to a real web server: the answer comes while the body streams."""
    port, spool = free_port(), tmp_path / "spool"
    spool.mkdir()
    server = subprocess.Popen(
        web("127.0.0.1", port, 1),
        env={**subprocess_env(media), "TMPDIR": str(spool)},
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    try:
        answer, sent = _post_huge(port)
    finally:
        stop(server)
    assert answer.startswith(b"HTTP/1.1 413")
    assert sent < 8 * 1024 * 1024, "answered long before the body ended"
    assert sum(path.stat().st_size for path in spool.rglob("*") if path.is_file()) < 1024 * 1024


def _post_huge(port: int) -> tuple[bytes, int]:
    wait_until(lambda: listening(port), timeout=30)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            b"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=slideshelf\r\n"
            + f"Content-Length: {GIB}\r\n\r\n".encode()
        )
        return _stream_until_answered(sock)


def _stream_until_answered(sock: socket.socket) -> tuple[bytes, int]:
    sock.sendall(
        b'--slideshelf\r\nContent-Disposition: form-data; name="file"; filename="big.pptx"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n"
    )
    chunk, sent = b"x" * 65536, 0
    sock.setblocking(False)
    while sent < GIB:
        try:
            if answer := sock.recv(4096):
                return answer, sent
        except BlockingIOError:
            pass
        except ConnectionError:
            return b"", sent
        try:
            sent += sock.send(chunk)
        except BlockingIOError:
            time.sleep(0.01)
        except ConnectionError:
            break
    sock.setblocking(True)
    return sock.recv(4096), sent
