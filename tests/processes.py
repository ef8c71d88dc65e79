"""Real slideshelf processes for tests: the environment that points them at the test's
database and media folder, and ways to find, signal and stop them."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection


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


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid`, with its command line."""
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            commands[int(stat.parent.name)] = (
                (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            )
        except (OSError, IndexError, ValueError):
            continue
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found[child] = commands.get(child, "")
                frontier.append(child)
    return found
