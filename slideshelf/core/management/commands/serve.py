from __future__ import annotations

import logging
import signal
import sys
import threading
from typing import Any

from django.core.checks import Warning as CheckWarning
from django.core.checks import run_checks
from django.core.management.base import BaseCommand, CommandParser

from slideshelf.core.startup import ready_to_serve
from slideshelf.core.supervisor import Child, supervise


class Command(BaseCommand):
    help = (
        "Serve the site (gunicorn) with a background worker beside it; either is started "
        "again if it stops. Ctrl-C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="Web processes.")

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        logging.basicConfig(format="slideshelf serve: %(message)s", level=logging.INFO)
        done = ready_to_serve()
        if done:
            self.stdout.write(done)
        for problem in run_checks(tags=None):
            if isinstance(problem, CheckWarning):
                self.stderr.write(self.style.WARNING(f"{problem.msg}\n  {problem.hint}"))
        children = [
            Child("the web server", web(host, port, workers)),
            Child("the worker", worker()),
        ]
        stopping = threading.Event()
        # Set explicitly: a shell that starts us in the background leaves SIGINT ignored.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopping.set())
        self.stdout.write(
            self.style.SUCCESS(f"slideshelf is serving http://{host}:{port}/  (Ctrl-C stops it)")
        )
        supervise(children, stopping)
        self.stdout.write("Stopped the web server and the worker.")


def worker() -> list[str]:
    return [sys.executable, "-m", "slideshelf", "worker"]


# Requests run in threads: a visitor on a slow line (a 20 MB upload at 400 KB/s takes a
# minute) holds one thread, not a whole process, and is never cut off by the worker timeout,
# which in this worker class only watches that the process itself still answers.
THREADS = 8


def web(host: str, port: int, workers: int, app: str = "slideshelf.wsgi") -> list[str]:
    return [
        *(sys.executable, "-m", "gunicorn", app),
        *("--bind", f"{host}:{port}", "--workers", str(workers)),
        *("--worker-class", "gthread", "--threads", str(THREADS)),
        *("--access-logfile", "-", "--log-level", "warning"),
    ]
