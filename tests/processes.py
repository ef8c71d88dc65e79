"""Real slideshelf processes for tests: the environment that points them at the test's
database and media folder, and ways to find, signal and stop them."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection

from slideshelf.conversion.containment import Limits
from slideshelf.conversion.models import Conversion, Status
from slideshelf.conversion.office.client import OfficeClient
from slideshelf.conversion.pdf_pool import PdfPool
from slideshelf.conversion.runtime import office_limits

T = TypeVar("T")


def subprocess_env(media: Path) -> dict[str, str]:
    """A child process sees the test's database and media folder, and notices a dead worker
    within seconds."""
    env = dict(os.environ)
    env["SLIDESHELF_DATA_DIR"] = str(media.parent)
    env["SLIDESHELF_SECRET_KEY"] = settings.SECRET_KEY  # sessions made here are valid there
    env["SLIDESHELF_WORKER_STALE_SECONDS"] = "2"
    env["SLIDESHELF_WORKER_HEARTBEAT_SECONDS"] = "0.5"
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        env["SLIDESHELF_DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        env["SLIDESHELF_DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    return env


def without_settings() -> dict[str, str]:
    """This process's environment without the suite's settings: a process started with it
    (the benchmarks) picks its own folders and databases."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("SLIDESHELF_", "DJANGO_", "PYTEST_"))
        or name.startswith("SLIDESHELF_BENCH_")
    }


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal the process's whole group (it was started in a session of its own)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Running:
    """One process as /proc shows it."""

    pid: int
    name: str  # the executable's short name, as in `ps`
    parent: int
    group: int
    command: str


def running() -> list[Running]:
    """Every process on the machine; one that ends while it is read is left out."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        name = text.split("(", 1)[1].rsplit(")", 1)[0]
        fields = text.rsplit(")", 1)[1].split()  # state, parent, group, …
        found.append(Running(int(stat.parent.name), name, int(fields[1]), int(fields[2]), command))
    return found


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid`, with its command line."""
    everyone = running()
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for process in everyone:
            if process.parent == parent and process.pid not in found:
                found[process.pid] = process.command
                frontier.append(process.pid)
    return found


def in_group(group: int, name: str) -> list[int]:
    """The processes called `name` in a process group."""
    return [process.pid for process in running() if process.group == group and process.name == name]


def office_client(timeout: float, restart_after: int) -> OfficeClient:
    """A LibreOffice of the test's own, contained as the worker's is."""
    return OfficeClient(
        settings.SOFFICE,
        settings.OFFICE_PYTHON,
        timeout=timeout,
        restart_after=restart_after,
        limits=office_limits(),
        isolate_network=settings.OFFICE_ISOLATE_NETWORK,
    )


def office_processes(office: OfficeClient) -> list[int]:
    """The soffice.bin processes of a warm LibreOffice (its bridge leads their group)."""
    return in_group(office.pid, "soffice.bin") if office.pid else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition: Callable[[], T], timeout: float = 120.0, every: float = 0.2) -> T:
    """`condition()`'s first true answer, asked every `every` seconds for up to `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if answer := condition():
            return answer
        time.sleep(every)
    raise AssertionError(f"waited {timeout:.0f} s in vain")


def finished(deck_id: int) -> Conversion | None:
    """The deck's conversion once it is ready or failed; None while it is not."""
    conversion = Conversion.objects.get(pk=deck_id)
    return conversion if conversion.status in (Status.READY, Status.FAILED) else None


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def start_worker(media: Path, **popen: Any) -> subprocess.Popen[bytes]:
    """`slideshelf worker` over the test's database and media folder, in a session of its own."""
    popen = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen}
    return subprocess.Popen(
        [sys.executable, "-m", "slideshelf", "worker", "--interval", "0.2"],
        env=popen.pop("env", None) or subprocess_env(media),
        start_new_session=True,
        **popen,
    )


def pdf_pool(processes: int, memory_bytes: int | None = None) -> PdfPool:
    """PDF processes as the worker starts them, with a memory cap of the test's if it has one."""
    memory = settings.RENDER_MEMORY_MB * 2**20 if memory_bytes is None else memory_bytes
    limits = Limits(memory, settings.RENDER_CPU_SECONDS, settings.OFFICE_UID_BASE)
    return PdfPool(processes, limits, settings.OFFICE_ISOLATE_NETWORK)


def status(pid: int) -> dict[str, str]:
    """/proc/PID/status as names and values."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return {key: value.strip() for key, value in (line.split(":", 1) for line in lines)}


def limit(pid: int, name: str) -> tuple[str, str]:
    """The soft and hard value of limit `name` ("Max cpu time") in /proc/PID/limits."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith(name):
            soft, hard = line[len(name) :].split()[:2]
            return soft, hard
    raise AssertionError(f"no {name} in /proc/{pid}/limits")
