"""Peak resident memory (RSS) of the worker, its render pool and LibreOffice, from /proc.

Each watched process's own peak (VmHWM) is reset when a measurement starts (by writing 5
to /proc/<pid>/clear_refs) and read every `interval` seconds while it runs, so peaks
between samples are not missed and each measurement stands on its own.

bench.load reads the same files for the web processes: the processes below `serve`, and
each one's RSS now (VmRSS).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
WORKER = "worker"
POOL = "pool"


@dataclass(frozen=True)
class Process:
    pid: int
    ppid: int
    group: int  # process group id


def processes() -> list[Process]:
    """Every process visible in /proc (the ones that vanish while we read are skipped)."""
    found = []
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        found.append(Process(int(entry.name), int(fields[1]), int(fields[2])))
    return found


def descendants(pid: int) -> list[int]:
    """Every process below `pid`: its children, theirs, and so on."""
    children: dict[int, list[int]] = {}
    for process in processes():
        children.setdefault(process.ppid, []).append(process.pid)
    below: list[int] = []
    generation = children.get(pid, [])
    while generation:
        below += generation
        generation = [child for parent in generation for child in children.get(parent, [])]
    return below


def peak_kb(pid: int) -> int:
    """The process's peak RSS (VmHWM) in KiB, or 0 when it is gone."""
    return _status_kb(pid, "VmHWM:")


def resident_kb(pid: int) -> int:
    """The process's RSS now (VmRSS) in KiB, or 0 when it is gone."""
    return _status_kb(pid, "VmRSS:")


def _status_kb(pid: int, field: str) -> int:
    try:
        status = Path(PROC, str(pid), "status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def reset_peak(pid: int) -> None:
    # Not permitted or gone: the peak then covers the process's whole life.
    with contextlib.suppress(OSError):
        Path(PROC, str(pid), "clear_refs").write_text("5")


def command_line(pid: int) -> bytes:
    try:
        return Path(PROC, str(pid), "cmdline").read_bytes()
    except OSError:
        return b""


class PeakMemory:
    """Watches this process, its PDF processes and the office process group.

    `office_group()` names the office's process group: the bridge's pid, which leads a
    session holding the bridge, oosplash and soffice.bin. A restarted office is a new
    group; the office figure is the largest group seen.
    """

    def __init__(self, office_group: Callable[[], int | None], interval: float = 0.1) -> None:
        self._office_group = office_group
        self._interval = interval
        self._peaks: dict[tuple[str, int], int] = {}  # (role, pid) -> KiB
        self._pool_pids: dict[int, bool] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="peak-memory", daemon=True)

    def __enter__(self) -> PeakMemory:
        for _, pid in self._watched():
            reset_peak(pid)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def worker_mb(self) -> float:
        return self._sum_mb(lambda role: role == WORKER)

    @property
    def pool_mb(self) -> float:
        return self._sum_mb(lambda role: role == POOL)

    @property
    def office_mb(self) -> float:
        groups = {role for role, _ in self._peaks if role.startswith("office:")}
        return max((self._sum_mb(lambda role, g=g: role == g) for g in groups), default=0.0)

    def _sum_mb(self, wanted: Callable[[str], bool]) -> float:
        return sum(kb for (role, _), kb in self._peaks.items() if wanted(role)) / 1024

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def _sample(self) -> None:
        for role, pid in self._watched():
            key = (role, pid)
            self._peaks[key] = max(self._peaks.get(key, 0), peak_kb(pid))

    def _watched(self) -> list[tuple[str, int]]:
        me = os.getpid()
        office = self._office_group()
        watched = [(WORKER, me)]
        for process in processes():
            if office is not None and process.group == office:
                watched.append((f"office:{office}", process.pid))
            elif process.ppid == me and self._is_pool(process.pid):
                watched.append((POOL, process.pid))
        return watched

    def _is_pool(self, pid: int) -> bool:
        """A PDF process: a child running slideshelf.conversion.pdf_child."""
        if pid not in self._pool_pids:
            self._pool_pids[pid] = b"slideshelf.conversion.pdf_child" in command_line(pid)
        return self._pool_pids[pid]
