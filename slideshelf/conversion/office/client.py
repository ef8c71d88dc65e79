"""The worker's side of the warm LibreOffice: start, convert with a hard timeout, restart.

Treated as a flaky external process (as unoserver and Gotenberg do): every job has a hard
timeout after which the whole process group is killed; the office is restarted after
`restart_after` jobs and after any failure, so one bad file cannot poison the next.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import select
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from slideshelf.conversion.containment import (
    Containment,
    Limits,
    contain,
    cpu_used,
    hand_over,
    office_environment,
)
from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.messages import message
from slideshelf.conversion.office.profile import make_profile
from slideshelf.lib.i18n import gettext_noop

log = logging.getLogger(__name__)

BRIDGE = Path(__file__).with_name("bridge.py")
START_SECONDS = 90.0


@dataclass(frozen=True)
class OfficeResult:
    slides: int
    hidden: tuple[int, ...]  # 1-based numbers of hidden slides


@dataclass(frozen=True)
class Output:
    path: str
    filter: str
    hidden_slides: bool = True  # PDF: keep hidden slides, so slide n is the deck's slide n


class _Unreadable(Exception):
    """LibreOffice could not read the file: damaged, unless a fresh office reads it."""

    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details

    def permanent(self) -> PermanentError:
        return PermanentError(
            gettext_noop(
                "LibreOffice could not read this file, so it is damaged or in a format it "
                "does not support (%(details)s)."
            ),
            details=self.details or message(gettext_noop("no details")),
        )


def _plain_file(path: str) -> bool:
    """A file, not a link: an office taken over by a hostile file could leave a link to the
    database where its PDF should be, for the worker to move out and publish."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def office_available(soffice: str, python: str) -> bool:
    """True when both soffice and a Python that can import `uno` are installed."""
    return _probe(soffice, python)


@cache
def _probe(soffice: str, python: str) -> bool:
    if not shutil.which(soffice) or not shutil.which(python):
        return False
    probe = subprocess.run([python, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


class OfficeClient:
    def __init__(
        self,
        soffice: str,
        python: str,
        timeout: float,
        restart_after: int,
        limits: Limits,
        isolate_network: bool = True,
        containment: Containment | None = None,  # what `contain` gives, unless told otherwise
    ) -> None:
        self.soffice = soffice
        self.python = python
        self.timeout = timeout
        self.restart_after = restart_after
        self.limits = limits
        self.isolate_network = isolate_network
        self._containment = containment
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: Path | None = None
        self._pipe_name = ""
        self._jobs = 0
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def convert(self, source: str, outputs: list[Output]) -> OfficeResult:
        """Convert `source` to every output in one load; raise on any failure.

        A file is called damaged only when a fresh LibreOffice cannot read it either: an office
        killed or crashing in the middle of a load answers just as it does for a bad file.
        """
        try:
            return self._convert_once(source, outputs)
        except _Unreadable:
            pass
        self.stop()  # the next attempt starts a fresh office
        try:
            return self._convert_once(source, outputs)
        except _Unreadable as again:
            raise again.permanent() from None

    @property
    def containment(self) -> Containment:
        if self._containment is None:
            self._containment = contain(self.limits, self.isolate_network)
            if self._containment.missing:
                log.warning(
                    "LibreOffice runs without %s", "; without ".join(self._containment.missing)
                )
        return self._containment

    def _convert_once(self, source: str, outputs: list[Output]) -> OfficeResult:
        if (
            self._process is None
            or self._process.poll() is not None
            or self._jobs >= self.restart_after
            or cpu_used(self._process.pid) > self.limits.cpu_seconds
        ):
            self.restart()
        assert self._process is not None
        self._jobs += 1
        # The office sees only its own folder: the file goes in, and what it writes comes out.
        staged_source, staged = self._stage(source, outputs)
        request = {"input": staged_source, "outputs": [o.__dict__ for o in staged]}
        try:
            answer = self._ask(request, self.timeout)
        except TransientError:
            self.stop()
            raise
        if not answer.get("ok"):
            self.stop()  # a failed load can leave the office in a bad state
            if answer.get("fatal"):
                raise TransientError(gettext_noop("LibreOffice stopped while converting the file."))
            raise _Unreadable(answer.get("error") or "")
        for output, written in zip(outputs, staged, strict=True):
            if not _plain_file(written.path) or os.path.getsize(written.path) == 0:
                self.stop()
                raise TransientError(
                    gettext_noop("LibreOffice reported success but wrote no output file.")
                )
            shutil.move(written.path, output.path)
        return OfficeResult(slides=int(answer["slides"]), hidden=tuple(answer.get("hidden", ())))

    def _stage(self, source: str, outputs: list[Output]) -> tuple[str, list[Output]]:
        """The source copied into an empty folder of the office's, and where it writes there.

        Emptied first: an office killed while storing leaves a partial file and the lock file
        beside it, which makes the next office refuse to store there ("Abort", code 27).
        """
        assert self._profile is not None
        inbox = self._profile / "job"
        shutil.rmtree(inbox, ignore_errors=True)
        inbox.mkdir()
        staged_source = inbox / Path(source).name
        shutil.copyfile(source, staged_source)
        hand_over(inbox, self.containment.uid)
        staged = [replace(output, path=str(inbox / Path(output.path).name)) for output in outputs]
        return str(staged_source), staged

    def restart(self) -> None:
        self.stop()
        contained = self.containment
        profile = self._profile = make_profile()
        bridge = shutil.copy(BRIDGE, profile)  # the office's user may not read the worker's code
        hand_over(profile, contained.uid)
        pipe_name = self._pipe_name = "slideshelf-" + secrets.token_hex(8)
        self._process = subprocess.Popen(
            [*contained.prefix, self.python, bridge, self.soffice, pipe_name, str(profile)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so a kill takes soffice too
            env=office_environment(profile),
        )
        self._jobs = 0
        self.starts += 1
        try:
            self._read_answer(START_SECONDS)
        except TransientError:
            self.stop()
            raise TransientError(gettext_noop("LibreOffice did not start.")) from None
        log.info("LibreOffice started (bridge pid %s)", self._process.pid)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream:
                    stream.close()
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None
        if self._containment is not None:  # started once: a killed soffice leaves its socket
            uid = self._containment.uid
            owner = os.getuid() if uid is None else uid
            socket = Path(tempfile.gettempdir(), f"OSL_PIPE_{owner}_{self._pipe_name}")
            socket.unlink(missing_ok=True)

    def _ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert self._process is not None and self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(request).encode() + b"\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise TransientError(
                gettext_noop("LibreOffice stopped before the conversion began.")
            ) from None
        return self._read_answer(timeout)

    def _read_answer(self, timeout: float) -> dict[str, Any]:
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TransientError(
                    gettext_noop(
                        "LibreOffice took longer than %(seconds)s seconds and was stopped."
                    ),
                    seconds=round(timeout),
                )
            ready, _, _ = select.select([stdout], [], [], remaining)
            if not ready:
                continue
            line = stdout.readline()
            if not line:
                raise TransientError(gettext_noop("LibreOffice stopped unexpectedly."))
            try:
                answer = json.loads(line)
            except json.JSONDecodeError:
                continue  # stray output from soffice; the bridge's answers are JSON lines
            if isinstance(answer, dict):
                return answer
