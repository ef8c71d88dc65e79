"""Several `slideshelf worker` processes on one queue, as on several hosts: one is killed
mid-conversion, and every deck is still converted once, with no slide twice.

The workers share nothing but the database (and the media storage): on PostgreSQL each claims
a task with a row lock that skips what another holds; on SQLite the write lock does the same.
"""

from __future__ import annotations

import itertools
import signal
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from slideshelf.conversion.job import Job
from slideshelf.conversion.models import Conversion, Status, claim, take_back_stale
from slideshelf.conversion.pipeline import run_stages
from slideshelf.conversion.results import publish
from slideshelf.conversion.runtime import job_config
from slideshelf.lib import scratch
from slideshelf.presentations.models import Presentation, Slide
from tests.conftest import CORPUS, expected_slides
from tests.factories import upload
from tests.processes import start_worker, stop, subprocess_env, wait_until
from tests.uploading import files_in

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 3
# Long decks first, one a worker, so that every worker is mid-conversion when one is killed.
LONG = [
    "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf",
    "pdf/odft_2023_LibOCon_Mexico_LOWA_ES.pdf",
    "pdf/odft_2018_LibCon_Tirana_Interoperable_Office_Collaboration.pdf",
]
SHORT = [
    "pdf/unst_korean-text-with-tables.pdf",
    "pdf/unst_rotated-page-90.pdf",
    "pdf/unst_embedded-images.pdf",
    "pdf/pdfjs_german-umlaut-r.pdf",
    "pdf/pdfjs_ArabicCIDTrueType.pdf",
    "pdf/unst_pdf-with-ocr-text.pdf",
]
DECKS = 30


def all_converting(count: int) -> bool:
    return Conversion.objects.filter(status=Status.CONVERTING).count() >= count


def all_settled() -> bool:
    return not Conversion.objects.exclude(status__in=(Status.READY, Status.FAILED)).exists()


def test_a_slow_worker_whose_deck_was_taken_back_publishes_nothing(media):
    deck = upload(CORPUS / SHORT[0])
    slow = claim(deck.pk)
    with scratch.folder(deck.public_id) as workspace:
        job = Job(Path(deck.original.path), workspace, job_config())
        job.source_name = deck.original.name
        run_stages(job)
        # Its heartbeats seemed to stop, and another worker claimed the deck anew.
        assert take_back_stale(deck.pk, timezone.now() + timedelta(seconds=1))
        assert claim(deck.pk) is not None
        assert not publish(slow, job)
    deck.refresh_from_db()
    assert (deck.revision, deck.slide_count) == (0, 0)
    assert files_in(media) == {media / deck.original.name}, "its files are gone again"


@pytest.mark.slow
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="workers on several hosts share a PostgreSQL queue (the suite's PostgreSQL run)",
)
def test_three_workers_convert_thirty_decks_once_though_one_is_killed(media):
    names = LONG + list(itertools.islice(itertools.cycle(SHORT), DECKS - len(LONG)))
    decks = {upload(CORPUS / name).pk: name for name in names}
    # A dead worker's deck is taken back after 10 s: sooner, a worker merely starved of the
    # CPU by the other two and their renderers would lose its deck too.
    env = subprocess_env(media) | {"SLIDESHELF_WORKER_STALE_SECONDS": "10"}
    workers = [start_worker(media, env=env) for _ in range(WORKERS)]
    try:
        wait_until(lambda: all_converting(WORKERS), timeout=120, every=0.05)
        stop(workers[0], signal.SIGKILL)  # the worker and its render processes, mid-deck
        wait_until(all_settled, timeout=600, every=0.5)
    finally:
        for worker in workers[1:]:
            stop(worker)

    conversions = {c.pk: c for c in Conversion.objects.filter(pk__in=decks)}
    failed = {decks[pk]: c.failure_english for pk, c in conversions.items() if c.status != "ready"}
    assert not failed
    for deck in Presentation.objects.filter(pk__in=decks):
        assert deck.revision == 1, f"{decks[deck.pk]} was published more than once"
        assert deck.slide_count == expected_slides(decks[deck.pk])
    numbers = Counter(
        Slide.objects.filter(presentation__in=decks).values_list("presentation", "number")
    )
    assert max(numbers.values()) == 1, "no slide twice"
    assert sum(numbers.values()) == sum(expected_slides(name) for name in names)
    attempts = Counter(conversion.attempts for conversion in conversions.values())
    assert attempts == {1: DECKS - 1, 2: 1}, "only the killed worker's deck was taken twice"
