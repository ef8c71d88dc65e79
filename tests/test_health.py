"""/healthz as a load balancer asks it: 200 while the host can serve pages, 503 when its
database or file storage cannot answer, and within a bounded time however they fail."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from slideshelf.conversion.tasks import queue_conversion
from slideshelf.core.monitoring import health
from tests.conftest import CORPUS
from tests.factories import upload
from tests.processes import free_port

# The checks run in threads of their own, with connections of their own: they see only what
# is committed.
pytestmark = pytest.mark.django_db(transaction=True)

SMALL_PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
OUTSIDER = "203.0.113.7"  # an address /metrics does not answer


@pytest.fixture(autouse=True)
def fresh_findings() -> Iterator[None]:
    """Findings are kept for a moment: each test asks afresh."""
    health.forget()
    yield
    health.forget()


def test_a_healthy_site_answers_200_with_every_check(client, media):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "storage", "queue", "office"}
    for name, check in body["checks"].items():
        assert check["ok"] is True, name
        assert check["required"] is (name in ("database", "storage")), name
        assert check["seconds"] >= 0, name
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies, "no session, no language cookie"
    assert "Cookie" not in response.get("Vary", "")


def test_a_load_balancer_asking_by_address_and_over_plain_http_is_answered(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as with SLIDESHELF_HTTPS
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000", REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 200, "neither a 400 for the host nor a redirect to HTTPS"


def test_a_database_that_is_not_there_makes_it_503(client, tmp_path):
    # The seam: the connection settings the checks' own connections are made from (the test's
    # connection, already open, keeps working). A file that is not a database for SQLite, a
    # port nobody listens on for PostgreSQL: the failures a moved or stopped database gives.
    settings_dict = connection.settings_dict
    before = dict(settings_dict)
    if connection.vendor == "sqlite":
        (tmp_path / "not-a-database").write_bytes(b"these are not the pages of a database" * 100)
        settings_dict["NAME"] = str(tmp_path / "not-a-database")
    else:
        settings_dict["PORT"] = str(free_port())
    try:
        response = client.get("/healthz")
    finally:
        settings_dict.update(before)
    database = response.json()["checks"]["database"]
    assert response.status_code == 503
    assert response.json()["status"] == "fail"
    assert database["ok"] is False
    assert database["error"] in ("DatabaseError", "OperationalError")
    assert str(tmp_path) not in response.content.decode(), "no paths"


def test_a_store_that_is_not_a_folder_makes_it_503(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "a-file"
    settings.MEDIA_ROOT.write_bytes(b"not a folder")
    response = client.get("/healthz")
    storage = response.json()["checks"]["storage"]
    assert response.status_code == 503
    assert (storage["ok"], storage["error"]) == (False, "NotADirectoryError")


def test_a_new_sites_media_folder_not_made_yet_is_healthy(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # made with the first file stored
    assert client.get("/healthz").json()["checks"]["storage"]["ok"] is True


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """An address that takes connections and never answers: an object store that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)  # connections wait in the backlog, never accepted
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_an_object_store_that_does_not_answer_makes_it_503_in_bounded_time(
    client, settings, silent_endpoint
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "decks",
                "endpoint_url": silent_endpoint,
                "access_key": "slideshelf",
                "secret_key": "not-a-secret",
                "region_name": "us-east-1",
            },
        },
    }
    started = time.monotonic()
    first = client.get("/healthz")
    second = client.get("/healthz")  # while the first check still hangs
    took = time.monotonic() - started
    storage = first.json()["checks"]["storage"]
    assert (first.status_code, second.status_code) == (503, 503)
    assert storage == {"ok": False, "required": True, "error": "no answer within 2 s"}
    assert took < 2 * health.TIMEOUT + 1.5, "each answer within the bound, not boto's minutes"
    assert first.json()["checks"]["database"]["ok"] is True, "the others are still told"


def test_without_libreoffice_it_says_so_and_still_answers_200(client, settings):
    settings.SOFFICE = "no-such-soffice"
    response = client.get("/healthz")
    office = response.json()["checks"]["office"]
    assert response.status_code == 200, "a web host needs no LibreOffice"
    assert (office["ok"], office["required"]) == (False, False)


def test_the_guards_the_machine_lacks_are_told_to_operators_alone(client):
    operator = client.get("/healthz").json()["checks"]["office"]
    outsider = client.get("/healthz", REMOTE_ADDR=OUTSIDER).json()["checks"]["office"]
    assert isinstance(operator["missing_guards"], list)
    assert all(isinstance(guard, str) for guard in operator["missing_guards"])
    assert "missing_guards" not in outsider
    assert outsider["ok"] == operator["ok"]


def test_the_queue_tells_how_long_the_oldest_deck_has_waited(client, media, settings):
    settings.QUEUE_AGE_LIMIT = 600.0
    deck = upload(SMALL_PDF)
    queue = client.get("/healthz").json()["checks"]["queue"]
    assert queue["ok"] is True and queue["waiting"] == 1
    assert 0 <= queue["oldest_seconds"] < 60
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    health.forget()
    response = client.get("/healthz")
    queue = response.json()["checks"]["queue"]
    assert queue["ok"] is False and 3600 <= queue["oldest_seconds"] < 3700
    assert queue["limit_seconds"] == 600.0
    assert response.status_code == 200, "a long queue takes no web host out"
    assert response.json()["status"] == "ok"
    assert deck.public_id not in response.content.decode()


def test_a_retry_waiting_out_its_delay_is_not_waiting_for_a_worker(client, media):
    deck = upload(SMALL_PDF)
    DBTaskResult.objects.all().delete()  # as if the worker had taken it, and it failed
    queue_conversion(deck.conversion, delay=3600)
    queue = client.get("/healthz").json()["checks"]["queue"]
    assert (queue["waiting"], queue["oldest_seconds"]) == (1, 0.0)


def test_findings_are_kept_for_a_moment(client, settings, tmp_path):
    first = client.get("/healthz").json()["checks"]["storage"]
    settings.MEDIA_ROOT = tmp_path / "a-file"
    settings.MEDIA_ROOT.write_bytes(b"not a folder")
    kept = client.get("/healthz").json()["checks"]["storage"]
    assert kept == first, "the last finding, not a new run"
