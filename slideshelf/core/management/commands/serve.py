from __future__ import annotations

import signal
import subprocess
import sys
import threading
from typing import Any

from django.core.checks import Warning as CheckWarning
from django.core.checks import run_checks
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the site (gunicorn) with a background worker beside it. Ctrl-C stops both."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="Web processes.")

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        for problem in run_checks(tags=None):
            if isinstance(problem, CheckWarning):
                self.stderr.write(self.style.WARNING(f"{problem.msg}\n  {problem.hint}"))
        command = [sys.executable, "-m", "slideshelf"]
        worker = subprocess.Popen([*command, "worker"])
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "slideshelf.wsgi",
                "--bind",
                f"{host}:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
                "--log-level",
                "warning",
            ]
        )
        self.stdout.write(
            self.style.SUCCESS(f"slideshelf is serving http://{host}:{port}/  (Ctrl-C stops it)")
        )
        processes = [web, worker]
        stopping = threading.Event()
        # Set explicitly: a shell that starts us in the background leaves SIGINT ignored.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopping.set())
        while not stopping.is_set() and all(p.poll() is None for p in processes):
            stopping.wait(0.5)
        self.stdout.write("Stopping the web server and the worker…")
        _stop(processes)


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
