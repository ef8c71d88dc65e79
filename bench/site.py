"""What the benchmarks that run slideshelf in processes of their own share: the `slideshelf`
command under a time limit, importing decks, throw-away PostgreSQL databases, a free loopback
port, waiting until a server answers, and the report's progress and verdict lines.

Only 127.0.0.1 is used (and the PostgreSQL server SLIDESHELF_BENCH_POSTGRES_URL names).
Nothing here imports slideshelf: the processes it starts do.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
STEP_TIMEOUT = 120  # migrate, collectstatic, one wrk run beyond its duration
START_TIMEOUT = 30  # a server answering its first request
STOP_TIMEOUT = 20  # a process asked to stop, before it is killed
# The server (and user) of every PostgreSQL pass; the search benchmark's own database, which
# the other benchmarks replace with throw-away ones of their own.
POSTGRES_URL = os.environ.get(
    "SLIDESHELF_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/slideshelf_bench"
)
DATABASE_TOOL_TIMEOUT = 60  # createdb, dropdb


def slideshelf(env: dict[str, str], *args: str, timeout: float = STEP_TIMEOUT) -> str:
    """`slideshelf ARGS` (as .venv/bin/slideshelf runs it); its output, or an error."""
    with subprocess.Popen(
        [sys.executable, "-m", "slideshelf", *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # SIGINT rather than SIGKILL: its atexit handlers then stop LibreOffice (in a
            # process group of its own) and the render pool instead of orphaning them.
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
            raise RuntimeError(f"slideshelf {args[0]} took over {timeout} s") from None
    if process.returncode:
        raise RuntimeError(f"slideshelf {args[0]} exited {process.returncode}:\n{output}{errors}")
    return output


def import_decks(env: dict[str, str], decks: list[Path], timeout: float) -> dict[Path, str]:
    """`slideshelf import --wait` the decks, converted before it returns; each one's id."""
    output = slideshelf(env, "import", *map(str, decks), "--wait", timeout=timeout)
    # `<id> <status> <path> [<message>]` per file, then a summary.
    ready = {}
    for line in output.splitlines():
        fields = line.split(maxsplit=2)
        if len(fields) == 3 and fields[1] == "ready":
            ready[Path(fields[2])] = fields[0]
    if set(ready) != set(decks):
        raise RuntimeError(f"not every deck converted:\n{output}")
    return ready


# --- PostgreSQL ---------------------------------------------------------------------------


class Unavailable(Exception):
    """PostgreSQL cannot be used for the benchmark: the reason."""


def postgres_url(database: str) -> str:
    """POSTGRES_URL's server and user, with the database `database`."""
    return urlsplit(POSTGRES_URL)._replace(path=f"/{database}").geturl()


@contextmanager
def throwaway_database(name: str, template: str = "") -> Iterator[str]:
    """A new database `name` on POSTGRES_URL's server, a copy of the database `template` when
    one is named (createdb copies files: much quicker than migrating again); dropped on the
    way out. Its URL. Raises Unavailable when the server does not answer."""
    url = postgres_url(name)
    ensure_database(url, template, fresh=True)
    try:
        yield url
    finally:
        try:
            database_tool("dropdb", url, "--force")
        except (OSError, subprocess.SubprocessError) as error:
            progress("postgres", f"could not drop {name}: {error}")


@contextmanager
def database_if_any(name: str) -> Iterator[tuple[str, str]]:
    """throwaway_database(name)'s URL and "", or, when PostgreSQL cannot be used, "" and why:
    for the benchmarks that measure on SQLite too, or instead."""
    with ExitStack() as stack:
        try:
            url, why = stack.enter_context(throwaway_database(name)), ""
        except Unavailable as reason:
            url, why = "", str(reason)
        yield url, why


def ensure_database(url: str, template: str = "", fresh: bool = False) -> None:
    """Connect to the database `url` names, creating it (from `template`) when it does not
    exist, or, when `fresh`, anew. Raises Unavailable when the server does not answer."""
    try:
        psycopg.connect(url, connect_timeout=5).close()
        if not fresh:
            return
        database_tool("dropdb", url, "--force")  # left behind by a run that was killed
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            reason = str(error).strip().splitlines()[0]
            server = urlsplit(url).netloc.rpartition("@")[2]  # without a password
            raise Unavailable(f"{server} does not answer: {reason}") from None
    try:
        database_tool("createdb", url, *(("--template", template) if template else ()))
    except (OSError, subprocess.SubprocessError) as error:
        raise Unavailable(f"could not create the database: {error}") from None


def database_tool(tool: str, url: str, *options: str) -> None:
    """createdb or dropdb, with the server, user and database `url` names."""
    address = urlsplit(url)
    command = [tool, "-h", address.hostname or "127.0.0.1", "-p", str(address.port or 5432)]
    command += ["-U", address.username or "postgres", *options, address.path.lstrip("/")]
    subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=DATABASE_TOOL_TIMEOUT
    )


# --- servers and reports ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def wait_until_serving(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Until `url` answers 200; an error when the server exits or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} in {START_TIMEOUT} s:\n{log.read_text()}")


def canonical_page(base: str, path: str) -> tuple[str, int]:
    """Where the short address redirects (wrk does not follow redirects), and its size."""
    address, body = get_page(base, path)
    return address, len(body)


def get_page(base: str, path: str) -> tuple[str, bytes]:
    """The page at `path`, redirects followed: where it ended up, and its body."""
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return urlsplit(response.geturl()).path, response.read()


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def progress(benchmark: str, message: str) -> None:
    print(f"  [{benchmark}] {message}", file=sys.stderr, flush=True)
