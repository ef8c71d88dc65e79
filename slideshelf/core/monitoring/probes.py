"""Checks that may hang, asked so that the asking takes a bounded time.

A database or object store that does not answer makes a call wait out its own timeouts (a TCP
connect, boto's retries: minutes), and a load balancer would see a health check hang instead
of fail. So each check runs in a thread of its own, and whoever asks waits until a deadline,
then reports no answer. While a run hangs, later askers wait on that same run: a load balancer
asking every two seconds never piles up threads or connections. An answer is kept for a
moment, since every web process is asked by every node of the load balancer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from django.db import connections

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    ok: bool
    details: dict[str, object] = field(default_factory=dict)


Check = Callable[[], Finding]


class Run:
    """One run of a check, in a daemon thread: a hung check never holds up the process's exit."""

    def __init__(self, name: str, check: Check) -> None:
        self.done = threading.Event()
        self.finding = Finding(False)
        self.finished_at = 0.0
        threading.Thread(
            target=self._run, args=(name, check), name=f"check {name}", daemon=True
        ).start()

    def _run(self, name: str, check: Check) -> None:
        started = time.monotonic()
        try:
            finding = check()
        except Exception as error:
            # The class only to whoever asks (a message may name a path or a host); all of it
            # to the log.
            log.warning("the %s check failed: %s", name, error)
            finding = Finding(False, {"error": type(error).__name__})
        finally:
            connections.close_all()  # this thread's own, opened by the check
        self.finished_at = time.monotonic()
        seconds = round(self.finished_at - started, 3)
        self.finding = replace(finding, details={**finding.details, "seconds": seconds})
        self.done.set()

    def answer(self, deadline: float, timeout: float) -> Finding:
        if self.done.wait(max(deadline - time.monotonic(), 0.0)):
            return self.finding
        return Finding(False, {"error": f"no answer within {timeout:g} s"})


class Probe:
    """A check, run at most once at a time, its finding kept for `keep` seconds."""

    def __init__(self, name: str, check: Check, keep: float) -> None:
        self.name, self.check, self.keep = name, check, keep
        self._lock = threading.Lock()
        self._run: Run | None = None

    def start(self) -> Run:
        with self._lock:
            run = self._run
            stale = run is not None and run.done.is_set() and self._older_than_keep(run)
            if run is None or stale:
                run = self._run = Run(self.name, self.check)
            return run

    def _older_than_keep(self, run: Run) -> bool:
        return time.monotonic() - run.finished_at >= self.keep

    def forget(self) -> None:
        """Ask afresh next time (a run still going finishes unheard)."""
        with self._lock:
            self._run = None


def ask(probes: Sequence[Probe], timeout: float) -> dict[str, Finding]:
    """Every probe's finding, all asked at once, within `timeout` seconds in all."""
    runs = [(probe.name, probe.start()) for probe in probes]
    deadline = time.monotonic() + timeout
    return {name: run.answer(deadline, timeout) for name, run in runs}
