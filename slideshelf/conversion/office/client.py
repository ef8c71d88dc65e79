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
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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


def office_available(soffice: str, python: str) -> bool:
    """True when both soffice and a Python that can import `uno` are installed."""
    return _probe(soffice, python)


@cache
def _probe(soffice: str, python: str) -> bool:
    if not shutil.which(soffice) or not shutil.which(python):
        return False
    probe = subprocess.run([python, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


@cache
def network_isolation_prefix() -> tuple[str, ...]:
    """`unshare` arguments that give LibreOffice a network namespace with no interfaces.

    The UNO pipe is a Unix socket on the file system, which still works inside the new
    namespace. Where namespaces are not allowed, the profile's settings still block remote
    links; we log that the stronger guard is missing.
    """
    unshare = shutil.which("unshare")
    if not unshare:
        return ()
    candidates: list[tuple[str, ...]] = [(unshare, "--net")] if os.geteuid() == 0 else []
    candidates.append((unshare, "--user", "--map-root-user", "--net"))
    for prefix in candidates:
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return prefix
    log.warning("cannot create a network namespace; LibreOffice runs with profile guards only")
    return ()


class OfficeClient:
    def __init__(
        self,
        soffice: str,
        python: str,
        timeout: float,
        restart_after: int,
        isolate_network: bool = True,
    ) -> None:
        self.soffice = soffice
        self.python = python
        self.timeout = timeout
        self.restart_after = restart_after
        self.isolate_network = isolate_network
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

    def _convert_once(self, source: str, outputs: list[Output]) -> OfficeResult:
        _clear(outputs)
        if (
            self._process is None
            or self._process.poll() is not None
            or self._jobs >= self.restart_after
        ):
            self.restart()
        self._jobs += 1
        request = {"input": source, "outputs": [o.__dict__ for o in outputs]}
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
        for output in outputs:
            if not os.path.exists(output.path) or os.path.getsize(output.path) == 0:
                self.stop()
                raise TransientError(
                    gettext_noop("LibreOffice reported success but wrote no output file.")
                )
        return OfficeResult(slides=int(answer["slides"]), hidden=tuple(answer.get("hidden", ())))

    def restart(self) -> None:
        self.stop()
        self._profile = make_profile()
        prefix = network_isolation_prefix() if self.isolate_network else ()
        pipe_name = self._pipe_name = "slideshelf-" + secrets.token_hex(8)
        self._process = subprocess.Popen(
            [*prefix, self.python, str(BRIDGE), self.soffice, pipe_name, str(self._profile)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so a kill takes soffice too
            env=_office_env(self._profile),
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
        # A killed soffice leaves its pipe's socket file behind.
        Path(tempfile.gettempdir(), f"OSL_PIPE_{os.getuid()}_{self._pipe_name}").unlink(
            missing_ok=True
        )

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


def _clear(outputs: list[Output]) -> None:
    """Remove what an office killed while storing left: a partial file, and the lock file
    beside it, which makes the next office refuse to store there ("Abort", code 27)."""
    for output in outputs:
        path = Path(output.path)
        path.unlink(missing_ok=True)
        path.with_name(f".~lock.{path.name}#").unlink(missing_ok=True)


def _office_env(profile: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(profile)  # fontconfig and Java caches go into the throw-away folder
    env["SAL_USE_VCLPLUGIN"] = "svp"
    return env
