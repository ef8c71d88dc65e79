"""The systemd units of docs/deploy.md, with the example environment file.

No systemd runs the tests (a container has none as its first process), so each unit's
command is started as systemd would start it: its ExecStart, in its WorkingDirectory, with
the variables of its EnvironmentFile, told to stop by its KillSignal. The paths the units are
installed at (/opt/slideshelf, /etc/slideshelf, /var/lib/slideshelf) become this checkout's and
the test's folders; nothing else in them changes.
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.environment import read_environment_file
from slideshelf.core.management.commands.serve import web
from tests.conftest import CORPUS, REPO
from tests.factories import upload
from tests.processes import finished, free_port, subprocess_env, wait_until, without_settings

UNITS = REPO / "deploy" / "systemd"
EXAMPLE = REPO / "deploy" / "slideshelf.env"
INSTALLED = "/opt/slideshelf"
ENVIRONMENT_FILE = "/etc/slideshelf/slideshelf.env"
DATA = "/var/lib/slideshelf"
LISTENS = "127.0.0.1:8000"
# This checkout's virtualenv: the one running the tests.
BIN = Path(sys.executable).parent
SITE = "slides.example.org"  # the example's SLIDESHELF_SITE_URL


def unit_text(name: str, environment_file: Path, port: int = 8000) -> str:
    """The unit as installed on this machine: this checkout, the test's environment file."""
    text = (UNITS / name).read_text()
    return (
        text.replace(f"{INSTALLED}/.venv/bin/", f"{BIN}/")
        .replace(f"WorkingDirectory={INSTALLED}", f"WorkingDirectory={REPO}")
        .replace(ENVIRONMENT_FILE, str(environment_file))
        .replace(LISTENS, f"127.0.0.1:{port}")
    )


def service(text: str) -> configparser.SectionProxy:
    """The [Service] section; a key set twice is an error here, as it would be a surprise in
    systemd, which keeps both for some keys and the last for others."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd's keys have case
    parser.read_string(text)
    return parser["Service"]


def environment_file(folder: Path, **replaced: str) -> Path:
    """The example, its folders in `folder`, with the `replaced` values instead of its own."""
    variables = {
        name: value.replace(DATA, str(folder))
        for name, value in read_environment_file(EXAMPLE).items()
    }
    variables.update(replaced)
    path = folder / "slideshelf.env"
    path.write_text("".join(f"{name}={value}\n" for name, value in variables.items()))
    return path


@dataclass(frozen=True)
class Installed:
    environment_file: Path
    variables: dict[str, str]

    def start(self, unit: str, **popen) -> subprocess.Popen[bytes]:
        """The unit's ExecStart, as systemd starts it (without systemd's sandbox)."""
        section = service(unit)
        return subprocess.Popen(
            shlex.split(section["ExecStart"]),
            cwd=section["WorkingDirectory"],
            env={**without_settings(), **self.variables, **popen.pop("env", {})},
            start_new_session=True,
            **popen,
        )


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """`slideshelf collectstatic`, as docs/deploy.md has it run before the web starts."""
    folder = tmp_path_factory.mktemp("collected")
    subprocess.run(
        [BIN / "slideshelf", "collectstatic", "--no-input", "--verbosity", "0"],
        env={**without_settings(), **read_environment_file(environment_file(folder))},
        check=True,
    )
    return Path(read_environment_file(EXAMPLE)["SLIDESHELF_STATIC_ROOT"].replace(DATA, str(folder)))


@pytest.fixture
def installed(tmp_path, media, static_root) -> Installed:
    """The example environment file, pointing at the test's database and media folder."""
    path = environment_file(
        tmp_path,
        SLIDESHELF_DATABASE_URL=subprocess_env(media)["SLIDESHELF_DATABASE_URL"],
        SLIDESHELF_MEDIA_ROOT=str(media),
        SLIDESHELF_STATIC_ROOT=str(static_root),
    )
    return Installed(path, read_environment_file(path))


def test_the_web_unit_runs_gunicorn_as_slideshelf_serve_does():
    command = shlex.split(service((UNITS / "slideshelf-web.service").read_text())["ExecStart"])
    host, port = command[command.index("--bind") + 1].split(":")
    workers = int(command[command.index("--workers") + 1])
    assert command[0] == f"{INSTALLED}/.venv/bin/python"
    assert (host, port) == ("127.0.0.1", "8000"), "where the nginx configuration looks for it"
    assert command[1:] == web(host, int(port), workers)[1:]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_analyze_finds_nothing_to_say_of_the_units(tmp_path):
    environment = environment_file(tmp_path)
    for name, installed_as in [
        ("slideshelf-web.service", "slideshelf-web.service"),
        ("slideshelf-worker@.service", "slideshelf-worker@1.service"),
    ]:
        (tmp_path / installed_as).write_text(unit_text(name, environment))
    verified = subprocess.run(
        ["systemd-analyze", "verify", "slideshelf-web.service", "slideshelf-worker@1.service"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (verified.returncode, verified.stdout + verified.stderr) == (0, "")


@pytest.mark.skipif(
    os.geteuid() != 0,
    reason="the units run as root; as any other user the worker warns that it cannot give "
    "LibreOffice a user of its own (slideshelf.W003)",
)
@pytest.mark.django_db(transaction=True)
def test_the_example_environment_passes_check_deploy(installed):
    checked = subprocess.run(
        [BIN / "slideshelf", "check", "--deploy", "--fail-level", "WARNING"],
        env={**without_settings(), **installed.variables},
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues" in checked.stdout


class NotifySocket:
    """systemd's end of sd_notify: what a Type=notify service says it is."""

    def __init__(self) -> None:
        # A short path: a socket's may not be longer than 107 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="sd-"))
        self.path = self.folder / "notify"
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(self.path))

    def wait_for(self, state: str, timeout: float) -> str:
        self.socket.settimeout(timeout)
        while True:
            message = self.socket.recv(4096).decode()
            if state in message.splitlines():
                return message

    def close(self) -> None:
        self.socket.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def notify_socket() -> Iterator[NotifySocket]:
    listening = NotifySocket()
    yield listening
    listening.close()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def ask(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """Status and Location of a request to 127.0.0.1:port, redirects not followed."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=20) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def stop_as_systemd_would(process: subprocess.Popen[bytes], unit: str) -> int:
    """KillSignal to the main process alone (KillMode=mixed), then TimeoutStopSec to exit."""
    section = service(unit)
    assert section["KillMode"] == "mixed"
    process.send_signal(signal.Signals[section["KillSignal"]])
    return process.wait(timeout=float(section["TimeoutStopSec"]))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_web_unit_serves_the_site_behind_a_proxy_and_stops_cleanly(installed, notify_socket):
    port = free_port()
    unit = unit_text("slideshelf-web.service", installed.environment_file, port)
    assert service(unit)["Type"] == "notify"
    gunicorn = installed.start(
        unit, env={"NOTIFY_SOCKET": str(notify_socket.path)}, stdout=subprocess.DEVNULL
    )
    try:
        notify_socket.wait_for("READY=1", timeout=60)
        # As nginx asks: over HTTPS, from a trusted proxy, for the site's host.
        assert ask(port, "/", {"Host": SITE, "X-Forwarded-Proto": "https"}) == (200, "")
        assert ask(port, "/search/?q=x", {"Host": SITE}) == (301, f"https://{SITE}/search/?q=x")
        assert stop_as_systemd_would(gunicorn, unit) == 0
    finally:
        if gunicorn.poll() is None:
            os.killpg(gunicorn.pid, signal.SIGKILL)
            gunicorn.wait()


class Lines(threading.Thread):
    """A pipe's lines, kept as they come."""

    def __init__(self, pipe) -> None:
        super().__init__(daemon=True)
        self.pipe, self.lines = pipe, []

    def run(self) -> None:
        for line in self.pipe:
            self.lines.append(line.decode(errors="replace"))

    def text(self) -> str:
        return "".join(self.lines)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_unit_converts_and_stops_cleanly(installed, media):
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf")
    unit = unit_text("slideshelf-worker@.service", installed.environment_file)
    worker = installed.start(unit, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = Lines(worker.stderr)
    log.start()
    try:
        started = f"slideshelf worker: converting into {installed.variables['SLIDESHELF_DATA_DIR']}"
        wait_until(lambda: started in log.text() or worker.poll() is not None, timeout=60)
        assert started in log.text(), log.text()
        conversion = wait_until(lambda: finished(deck.pk), timeout=180)
        assert conversion.status == "ready", conversion.error
        deck.refresh_from_db()
        assert (media / deck.media_prefix() / "1.webp").exists(), "in the media folder it was given"
        stopped = stop_as_systemd_would(worker, unit)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    log.join(timeout=10)
    assert stopped == 0, log.text()
    assert "the worker stops" in log.text()
