"""One contained PDF process, seen from the worker: started under the containment's prefix,
asked one request at a time, and never trusted to answer in time, in full or at all."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from slideshelf.conversion.containment import Containment, scrubbed_environment
from slideshelf.conversion.errors import TransientError
from slideshelf.lib.i18n import gettext_noop

log = logging.getLogger(__name__)

CHILD = ("-I", "-m", "slideshelf.conversion.pdf_child")
START_SECONDS = 60.0
LONGEST_ANSWER = 256 * 2**20  # bytes: the text of the largest deck allowed, many times over

CRASHED = gettext_noop("The program that draws the slides crashed on this file.")


class Garbled(Exception):
    """A process said something no PDF process would: it is stopped, and the job retried."""


class DidNotStart(Exception):
    pass


class PdfProcess:
    """One contained PDF process, answering one request at a time."""

    def __init__(self, containment: Containment, home: Path) -> None:
        errors = (home / f"errors-{time.monotonic_ns()}.log").open("w+b")
        self._process = subprocess.Popen(
            [*containment.prefix, sys.executable, *CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            cwd=home,
            env=scrubbed_environment(home),
            start_new_session=True,  # its own process group, for `cpu_used` and the kill
        )
        try:
            ready = self.ask(None, START_SECONDS)
        except (TransientError, Garbled):
            ready = {}
        if ready != {"ready": True}:
            self.stop()
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise DidNotStart(said[-1] if said else "no answer")
        errors.close()

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def ask(self, request: dict[str, Any] | None, timeout: float) -> Any:
        """The answer to `request` (None: the greeting), or TransientError when there is none."""
        assert self._process.stdin is not None and self._process.stdout is not None
        if request is not None:
            try:
                self._process.stdin.write(json.dumps(request).encode() + b"\n")
                self._process.stdin.flush()
            except OSError:
                raise TransientError(CRASHED) from None
        line = read_line(self._process.stdout.fileno(), time.monotonic() + timeout)
        try:
            return json.loads(line)
        except ValueError:
            raise Garbled(f"not JSON: {line[:80]!r}") from None

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream:
                stream.close()


def read_line(fd: int, deadline: float) -> bytes:
    """One line from `fd`, read without trusting the writer to finish it or to stop."""
    line = bytearray()
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            log.error("a PDF process did not answer in time")
            raise TransientError(CRASHED)
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise TransientError(CRASHED)  # it died: a crash, the CPU cap or a kill
        line += chunk
        if len(line) > LONGEST_ANSWER:
            raise Garbled("an answer longer than any PDF's")
    return bytes(line)
