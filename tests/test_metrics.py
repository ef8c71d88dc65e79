"""/metrics as Prometheus reads it: the queue and the workers' figures from the database, the
same in every web process; request latency by route name, added up over a host's processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from slideshelf.conversion.measures import Result, stage_label
from slideshelf.conversion.models import Conversion, Status
from slideshelf.conversion.stages import STAGES
from slideshelf.core.monitoring import metric_files
from slideshelf.lib.clients import networks
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.processes import free_port, stop, subprocess_env, wait_until

pytestmark = pytest.mark.django_db

SMALL_PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
ENCRYPTED = CORPUS / "broken/msoc_Encrypted.pptx"  # refused in preflight, without LibreOffice
OUTSIDER = "203.0.113.7"
LATENCY = "slideshelf_http_request_duration_seconds"
STAGES_FAMILY = "slideshelf_conversion_stage_seconds"
DEPTH = "slideshelf_conversion_queue_depth"
OLDEST = "slideshelf_conversion_queue_oldest_seconds"
ATTEMPTS = "slideshelf_conversion_attempts_total"
DECKS = "slideshelf_conversion_decks"


def parse(text: str) -> dict[str, Metric]:
    return {family.name: family for family in text_string_to_metric_families(text)}


def scrape(client) -> dict[str, Metric]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"
    return parse(response.content.decode())


def value(families: dict[str, Metric], sample: str, **labels: str) -> float:
    """The one sample called `sample` with these labels."""
    found = [
        each.value
        for family in families.values()
        for each in family.samples
        if each.name == sample and all(each.labels.get(k) == v for k, v in labels.items())
    ]
    assert len(found) == 1, (sample, labels, found)
    return found[0]


def requests_in(files: list[Path], route: str) -> float:
    """Requests to `route` that these processes' files count."""
    return sum(
        sample.value
        for family in MultiProcessCollector.merge([str(path) for path in files])
        for sample in family.samples
        if sample.name == f"{LATENCY}_count" and sample.labels.get("route") == route
    )


def test_the_text_parses_and_names_every_figure(client):
    client.get("/robots.txt")
    families = scrape(client)
    assert {DEPTH, OLDEST, "slideshelf_conversion_attempts", STAGES_FAMILY, LATENCY} <= set(
        families
    )
    assert families[STAGES_FAMILY].type == "histogram"
    assert families[LATENCY].type == "histogram"
    assert families["slideshelf_conversion_attempts"].type == "counter"
    for result in Result:
        assert value(families, ATTEMPTS, result=result.value) >= 0, "every result, from 0"


def test_queue_depth_is_the_number_of_decks_waiting(client, media):
    upload(SMALL_PDF)
    upload(SMALL_PDF, title="Another")
    convert_now(upload(SMALL_PDF, title="Done"))
    families = scrape(client)
    waiting = Conversion.objects.filter(status=Status.QUEUED).count()
    assert waiting == 2
    assert value(families, DEPTH) == waiting
    assert 0 <= value(families, OLDEST) < 60


def test_a_conversion_counts_its_result_and_times_every_stage(client, media):
    before = scrape(client)
    convert_now(upload(SMALL_PDF))
    after = scrape(client)
    assert (
        value(after, ATTEMPTS, result="converted") - value(before, ATTEMPTS, result="converted")
        == 1
    )
    assert value(after, DECKS, status="ready") - value(before, DECKS, status="ready") == 1
    for stage in STAGES:
        label = stage_label(stage)
        count = value(after, f"{STAGES_FAMILY}_count", stage=label)
        assert count - value(before, f"{STAGES_FAMILY}_count", stage=label) == 1, label
        assert value(after, f"{STAGES_FAMILY}_sum", stage=label) > 0, label
        assert value(after, f"{STAGES_FAMILY}_bucket", stage=label, le="+Inf") == count, label


def test_a_refused_file_is_counted_and_its_stage_timed(client, media):
    deck = convert_now(upload(ENCRYPTED))
    families = scrape(client)
    assert deck.conversion.status == Status.FAILED
    assert value(families, ATTEMPTS, result="refused") == 1
    assert value(families, DECKS, status="failed") == 1
    assert value(families, DECKS, status="ready") == 0
    assert value(families, f"{STAGES_FAMILY}_count", stage="preflight") == 1
    assert value(families, f"{STAGES_FAMILY}_count", stage="convert_to_pdf") == 0


def test_request_latency_counts_each_request_by_its_route_name(client, media):
    deck = convert_now(upload(SMALL_PDF))
    own = [settings.METRICS_DIR / f"histogram_{os.getpid()}.db"]  # xdist's other process adds too
    before = requests_in(own, "presentation-slide")
    for number in (1, 1, 1):
        assert client.get(f"/p/{deck.public_id}/{deck.slug}/{number}/").status_code == 200
    client.get("/no/such/page/")
    assert requests_in(own, "presentation-slide") - before == 3
    assert requests_in(own, "unmatched") >= 1
    text = client.get("/metrics").content.decode()
    assert 'route="presentation-slide"' in text
    assert deck.public_id not in text and deck.slug not in text, "never a path"


def test_an_address_not_allowed_gets_the_sites_ordinary_404(client):
    refused = client.get("/metrics", REMOTE_ADDR=OUTSIDER)
    nothing = client.get("/nothing-here", REMOTE_ADDR=OUTSIDER)
    assert refused.status_code == nothing.status_code == 404
    assert [t.name for t in refused.templates] == [t.name for t in nothing.templates]
    assert b"slideshelf_" not in refused.content


def test_allowed_networks_are_read_as_networks(client, settings):
    settings.METRICS_ALLOWED = networks(["10.0.0.0/8"], "SLIDESHELF_METRICS_ALLOWED")
    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::ffff:10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    forged = client.get("/metrics", REMOTE_ADDR=OUTSIDER, HTTP_X_FORWARDED_FOR="10.1.1.1")
    assert forged.status_code == 404, "what a client writes in a header decides nothing"


def test_behind_a_proxy_on_the_same_machine_the_client_decides(client, settings):
    through_proxy = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": OUTSIDER}
    settings.TRUSTED_PROXIES = ()
    assert client.get("/metrics", **through_proxy).status_code == 404, "not 127.0.0.1's"
    settings.TRUSTED_PROXIES = networks(["127.0.0.1"], "SLIDESHELF_TRUSTED_PROXIES")
    assert client.get("/metrics", **through_proxy).status_code == 404
    settings.METRICS_ALLOWED = networks(["10.0.0.0/8"], "SLIDESHELF_METRICS_ALLOWED")
    prometheus = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.8.7"}
    assert client.get("/metrics", **prometheus).status_code == 200


def test_a_scrape_by_the_hosts_address_is_answered_without_a_session(client):
    response = client.get("/metrics", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200, "ALLOWED_HOSTS does not list the host's address"
    assert not response.cookies


OBSERVE = """
import sys
from prometheus_client import Histogram
latency = Histogram("slideshelf_http_request_duration_seconds", "", ["route"], registry=None)
for _ in range(int(sys.argv[1])):
    latency.labels("robots").observe(0.01)
"""


def test_the_files_of_ended_processes_are_folded_into_one_and_still_counted(tmp_path):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}

    def process_that_served(requests: int) -> None:
        subprocess.run([sys.executable, "-c", OBSERVE, str(requests)], env=env, check=True)

    def scraped() -> float:
        with metric_files.gathered(tmp_path):
            return requests_in(sorted(tmp_path.glob("*.db")), "robots")

    process_that_served(3)
    process_that_served(4)
    assert len(list(tmp_path.glob("histogram_*.db"))) == 2
    assert scraped() == 7
    assert [path.name for path in tmp_path.glob("*.db")] == ["histogram_archive.db"]
    process_that_served(5)
    assert scraped() == 12, "the archive adds up with the next one to end"
    assert scraped() == 12


def test_a_process_with_no_room_for_its_file_times_nothing(tmp_path):
    (tmp_path / "a-file").write_bytes(b"")
    assert metric_files.prepare(tmp_path / "a-file") is False
    assert metric_files.prepare(tmp_path / "metrics") is True
    assert (
        tmp_path / "metrics" / f"histogram_{os.getpid()}.db"
    ).stat().st_size == metric_files.SIZE


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def web_files(folder: Path) -> list[Path]:
    return [path for path in folder.glob("histogram_*.db") if path.stem.split("_")[1].isdigit()]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_processes_of_slideshelf_serve_add_up_and_a_killed_one_keeps_its_counts(media):
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "slideshelf", "serve", "--port", str(port), "--workers", "2"],
        env=subprocess_env(media),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site, folder = f"http://127.0.0.1:{port}", media.parent / "metrics"
    sent = 0

    def both_served() -> bool:
        nonlocal sent
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(get, [f"{site}/robots.txt"] * 16))
        sent += 16
        files = web_files(folder)
        return len(files) == 2 and all(requests_in([path], "robots") for path in files)

    try:
        wait_until(lambda: _answers(f"{site}/healthz"), timeout=60)
        wait_until(both_served, timeout=60, every=0)
        scraped = parse(get(f"{site}/metrics").decode())
        assert value(scraped, f"{LATENCY}_count", route="robots") == sent
        killed = web_files(folder)[0]
        os.kill(int(killed.stem.split("_")[1]), signal.SIGKILL)
        wait_until(lambda: _answers(f"{site}/metrics") and not killed.exists(), timeout=60)
        scraped = parse(get(f"{site}/metrics").decode())
    finally:
        stop(serve)
    assert value(scraped, f"{LATENCY}_count", route="robots") == sent
    assert (folder / metric_files.ARCHIVE).exists()


def _answers(url: str) -> bool:
    try:
        get(url)
    except OSError:
        return False
    return True
