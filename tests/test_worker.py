"""The worker as a real process: it converts, and a worker killed mid-job loses no deck."""

from __future__ import annotations

import signal

import pytest

from slideshelf.conversion.models import Conversion, Status
from tests.conftest import CORPUS
from tests.factories import upload
from tests.processes import start_worker, stop, wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def wait_for(deck, statuses, timeout=120):
    def reached():
        deck.refresh_from_db()
        return deck.conversion.status in statuses

    wait_until(reached, timeout)
    # The deck row was read before its conversion's: read it again, now that the worker is done.
    deck.refresh_from_db()
    return deck


def test_worker_converts_a_queued_deck(media):
    deck = upload(CORPUS / "pptx/mkd_test.pptx")
    worker = start_worker(media)
    try:
        assert wait_for(deck, {Status.READY, Status.FAILED}).conversion.status == Status.READY
    finally:
        stop(worker)


def test_deck_of_a_killed_worker_is_converted_after_the_worker_restarts(media):
    deck = upload(CORPUS / "pptx/poi_2411-Performance_Up.pptx")  # ~5 s in LibreOffice
    worker = start_worker(media)
    wait_for(deck, {Status.CONVERTING})
    stop(worker, signal.SIGKILL)  # the worker, LibreOffice and the render pool, at once
    deck.refresh_from_db()
    assert deck.conversion.status == Status.CONVERTING
    worker = start_worker(media)
    try:
        deck = wait_for(deck, {Status.READY, Status.FAILED})
        assert deck.conversion.status == Status.READY, deck.conversion.failure_english
        assert deck.slide_count == 48
        assert Conversion.objects.get(pk=deck.pk).attempts == 2
    finally:
        stop(worker)
