"""`slideshelf serve` as a person runs it: the site outlives its worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import urllib.request

import pytest

from slideshelf.conversion.models import Conversion, Status
from tests.conftest import CORPUS
from tests.factories import upload
from tests.processes import (
    alive,
    descendants,
    finished,
    free_port,
    stop,
    subprocess_env,
    wait_until,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.office]


def start_serve(media, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "slideshelf", "serve", "--port", str(port), "--workers", "1"],
        env=subprocess_env(media),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def worker_pids(serve: subprocess.Popen[bytes]) -> set[int]:
    return {
        pid
        for pid, command in descendants(serve.pid).items()
        if command.split()[-1:] == ["worker"] and "slideshelf" in command
    }


class Prober(threading.Thread):
    """Asks for the home page every 0.2 s and keeps every answer's status (or error)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.answers, self.done = url, [], threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    self.answers.append(response.status)
            except OSError as error:
                self.answers.append(repr(error))


def test_a_killed_worker_comes_back_while_the_site_keeps_answering(media):
    deck = upload(CORPUS / "pptx/poi_2411-Performance_Up.pptx")  # ~5 s in LibreOffice
    port = free_port()
    serve = start_serve(media, port)
    try:
        first = wait_until(lambda: worker_pids(serve))
        wait_until(lambda: Conversion.objects.get(pk=deck.pk).status == Status.CONVERTING)
        prober = Prober(f"http://127.0.0.1:{port}/")
        wait_until(lambda: _answers(f"http://127.0.0.1:{port}/"))
        prober.start()
        for pid in first:
            os.kill(pid, signal.SIGKILL)
        second = wait_until(lambda: worker_pids(serve) - first)
        conversion = wait_until(lambda: finished(deck.pk), timeout=180)
        prober.done.set()
        prober.join()
        family = descendants(serve.pid)
    finally:
        stop(serve)
    assert second and conversion.status == Status.READY
    assert conversion.attempts == 2  # taken back from the dead worker, converted once more
    assert deck.slides.count() == 48
    assert prober.answers and set(prober.answers) == {200}
    assert b"the worker was stopped by SIGKILL" in serve.stderr.read()
    assert family
    wait_until(lambda: not [pid for pid in family if alive(pid)], timeout=20)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_stopping_serve_mid_conversion_puts_the_deck_back_uncounted(media):
    deck = upload(CORPUS / "pptx/poi_2411-Performance_Up.pptx")
    serve = start_serve(media, free_port())
    try:
        wait_until(lambda: Conversion.objects.get(pk=deck.pk).status == Status.CONVERTING)
        family = descendants(serve.pid)
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C: the terminal signals its whole group
        serve.wait(timeout=30)
    finally:
        stop(serve)
    wait_until(lambda: not [pid for pid in family if alive(pid)], timeout=20)
    conversion = Conversion.objects.get(pk=deck.pk)
    assert (conversion.status, conversion.attempts) == (Status.QUEUED, 0), "not the file's fault"
    log = serve.stderr.read()
    assert b"the worker stops" in log and b"back in the queue" in log
    assert log.count(b"the worker stops") == 1, "told once"
    again = start_serve(media, free_port())
    try:
        conversion = wait_until(lambda: finished(deck.pk), timeout=180)
    finally:
        stop(again)
    assert (conversion.status, conversion.attempts) == (Status.READY, 1)
