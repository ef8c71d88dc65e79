"""LibreOffice killed twenty times while decks convert: every deck still ends ready.

A killed office is the machinery's failure, never the file's: the job is retried on a fresh
office. Each kill lands at a random moment of a conversion, and the next kill waits until a
deck has finished since, so the decks make progress whatever the machine's speed.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import threading
import time

import pytest
from django.conf import settings

from slideshelf.conversion.models import Status
from slideshelf.conversion.office.client import office_available
from slideshelf.conversion.runtime import get_office
from slideshelf.conversion.services import convert_here
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import upload
from tests.processes import office_processes

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.office,
    pytest.mark.skipif(
        not office_available(settings.SOFFICE, settings.OFFICE_PYTHON),
        reason="LibreOffice is installed by 'make test' as root",
    ),
    SQLITE_PASS_ONLY,
]
KILLS = 20
DECKS = ["pptx/mkd_test.pptx", "ppt/poi_bullets.ppt", "odp/odft_blank.odp"]


class Killer(threading.Thread):
    def __init__(self, finished: list[Status]) -> None:
        super().__init__(daemon=True)
        self.finished, self.kills, self.stopped = finished, 0, threading.Event()
        self.random = random.Random(11)  # the same moments every run
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while self.kills < KILLS and not self.stopped.is_set():
                self._kill_once()
        except BaseException as error:  # the test reads it
            self.error = error

    def _kill_once(self) -> None:
        office = get_office()
        assert office is not None
        finished_before = len(self.finished)
        while not (office.pid and office_processes(office)):
            if self.stopped.wait(0.05):
                return
        if self.stopped.wait(self.random.uniform(0.1, 1.5)):
            return
        for pid in office_processes(office) if office.pid else ():
            with contextlib.suppress(ProcessLookupError):  # gone by itself meanwhile
                os.kill(pid, signal.SIGKILL)
                self.kills += 1
        # The next kill waits until a deck has finished since this one began.
        while len(self.finished) == finished_before and not self.stopped.wait(0.05):
            pass


def test_twenty_office_kills_fail_no_deck_for_good(media, settings):
    settings.CONVERSION_RETRIES = 20
    settings.CONVERSION_RETRY_DELAY = 0.01
    finished: list[Status] = []
    killer = Killer(finished)
    killer.start()
    deadline = time.monotonic() + 400
    try:
        while killer.is_alive() and time.monotonic() < deadline:
            deck = upload(CORPUS / DECKS[len(finished) % len(DECKS)])
            finished.append(convert_here(deck.pk).status)
    finally:
        killer.stopped.set()
        killer.join()
    assert killer.error is None and killer.kills == KILLS
    assert finished == [Status.READY] * len(finished)
