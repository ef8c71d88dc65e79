"""Child processes kept running: one that exits is started again, later each time it fails.

`serve` runs the web server and the worker this way, so that a worker killed, out of memory
or stopped by a full disk never takes the site down with it, and comes back by itself.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from dataclasses import dataclass

from slideshelf.lib.backoff import backoff
from slideshelf.lib.orphans import die_with_parent

log = logging.getLogger(__name__)

LONGEST_PAUSE = 60.0  # seconds before a restart, at most; the first is after 1 s
STEADY = 60.0  # a child up this long has recovered: its next failure restarts it at once


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    failures: int = 0
    start_after: float = 0.0
    starts: int = 0

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, now: float) -> None:
        # A process group of its own: Ctrl-C in a terminal reaches the supervisor alone, which
        # then stops each child once. Killed with the supervisor, however it dies.
        self.process = subprocess.Popen(self.command, process_group=0, preexec_fn=die_with_parent)
        self.started_at, self.starts = now, self.starts + 1

    def tend(self, now: float) -> None:
        """Start the child when it is due; notice when it has exited, and say why."""
        if self.running:
            return
        if self.process is not None:
            self._exited(now)
        if now >= self.start_after:
            self.start(now)

    def _exited(self, now: float) -> None:
        assert self.process is not None
        code, self.process = self.process.returncode, None
        quick = now - self.started_at < STEADY
        self.failures = self.failures + 1 if quick else 1
        pause = backoff(self.failures, longest=LONGEST_PAUSE)
        self.start_after = now + pause
        log.warning("%s %s; starting it again in %.0f s", self.name, _why(code), pause)

    def stop(self) -> None:
        if self.running:
            assert self.process is not None
            self.process.terminate()

    def wait(self, timeout: float) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _why(code: int | None) -> str:
    if code is not None and code < 0:
        return f"was stopped by {signal.Signals(-code).name}"
    return f"exited with status {code}"


def supervise(children: list[Child], stopping: threading.Event, every: float = 0.5) -> None:
    """Tend the children until `stopping` is set, then stop them all."""
    while True:
        now = time.monotonic()
        for child in children:
            child.tend(now)
        if stopping.wait(every):
            break
    for child in children:
        child.stop()
    for child in children:
        child.wait(timeout=20)
