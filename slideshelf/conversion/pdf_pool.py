"""Every PDF a conversion opens is opened here, in processes of their own contained as
LibreOffice is (`containment`): a user of their own without capabilities, memory and
CPU-time caps, a scrubbed environment, no network. They are kept warm between jobs.

pdfium parses whatever people upload, so its flaws must not reach the database, the secret
key or another deck. The worker lends the job's folder to the processes for each call and
takes it back after (`containment.lent`); it reads their answers as checked JSON (a pickle
could run code in the worker), and their files only once the folder is its own again.
The far end is `pdf_child`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import queue
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from slideshelf.conversion.containment import (
    Containment,
    Limits,
    PlantedLink,
    contain,
    cpu_used,
    hand_over,
    lent,
)
from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.extractors.pdf import MESSAGES
from slideshelf.conversion.extractors.pdf_text import PageText, TextLine, across_pages
from slideshelf.conversion.pdf_process import CRASHED, DidNotStart, Garbled, PdfProcess
from slideshelf.conversion.render import (
    TOO_LARGE_TO_DRAW,
    Density,
    PageImage,
    RenderSettings,
    image_paths,
)
from slideshelf.lib import scratch
from slideshelf.lib.i18n import gettext_noop

log = logging.getLogger(__name__)

# Pages a request: small enough for steady progress, large enough to amortise opening the PDF.
CHUNK = 4
PICTURE_NAME = re.compile(r"\d+-\d+\.png")

DID_NOT_START = gettext_noop("The program that draws the slides did not start.")


class PdfPool:
    """The worker's PDF processes: count pages, read text, draw pages, find pictures."""

    def __init__(
        self,
        processes: int,
        limits: Limits,
        isolate_network: bool = True,
        containment: Containment | None = None,  # what `contain` gives, unless told otherwise
    ) -> None:
        self.processes = processes or os.cpu_count() or 1
        self.limits = limits
        self.isolate_network = isolate_network
        self._containment = containment
        self._home: Path | None = None
        self._idle: queue.SimpleQueue[PdfProcess] = queue.SimpleQueue()
        self._running: list[PdfProcess] = []
        self._lock = threading.Lock()

    def page_count(self, pdf: str) -> int:
        with self._lent(pdf):
            answer = self._ask({"call": "page_count", "args": {"pdf": pdf}})
        try:
            return _count(answer)
        except Garbled as garbled:
            raise self._stopped(str(garbled)) from None

    def read_pages(self, pdf: str) -> list[PageText]:
        """The text layer of every page (`extractors.pdf.read_pages`)."""
        with self._lent(pdf):
            pages = self._ask({"call": "pages", "args": {"pdf": pdf}})
        return across_pages([_page_text(page) for page in pages])

    def render(
        self,
        pdf: str,
        page_count: int,
        out_dir: str,
        settings: RenderSettings,
        progress: Callable[[int], None] = lambda done: None,
        *,
        density: Density | None = None,
    ) -> list[PageImage]:
        """Every page at `density` (1× unless told) into `out_dir`, a folder beside the PDF."""
        density = density or settings.at_1x
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        requests = [
            {
                "call": "draw",
                "args": {
                    "pdf": pdf,
                    "numbers": numbers,
                    "out_dir": out_dir,
                    "settings": asdict(settings),
                    "density": asdict(density),
                },
            }
            for numbers in _chunks(page_count)
        ]
        images: list[PageImage] = []
        with self._lent(pdf):
            for drawn in self._ask_all(requests):
                images.extend(_page_image(row, out_dir, density, page_count) for row in drawn)
                progress(len(images))
        return sorted(images, key=lambda image: image.number)

    def pictures(
        self, pdf: str, page_count: int, whole_pages: set[int]
    ) -> Iterator[tuple[int, bytes]]:
        """`pictures.pictures_to_read`, each as a PNG for Tesseract, with its page's number."""
        folder = Path(pdf).parent / "pictures"
        folder.mkdir(exist_ok=True)
        with self._lent(pdf):
            templates = self._ask({"call": "templates", "args": {"pdf": pdf}})
        for numbers in _chunks(page_count):
            args = {
                "pdf": pdf,
                "numbers": numbers,
                "whole_pages": sorted(whole_pages.intersection(numbers)),
                "templates": templates,
                "out_dir": str(folder),
            }
            with self._lent(pdf):
                written = self._ask({"call": "pictures", "args": args})
            for number, name in written:
                if int(number) not in numbers or not PICTURE_NAME.fullmatch(name):
                    raise self._stopped(f"picture {number} {name!r}")
                path = folder / name
                yield int(number), path.read_bytes()
                path.unlink()

    @property
    def containment(self) -> Containment:
        if self._containment is None:
            self._containment = contain(self.limits, self.isolate_network)
            if self._containment.missing:
                log.warning("PDF processes run without %s", "; without ".join(self.missing))
        return self._containment

    @property
    def missing(self) -> tuple[str, ...]:
        return self.containment.missing

    def shutdown(self) -> None:
        with self._lock:
            running, self._running = self._running, []
            self._idle = queue.SimpleQueue()
        for process in running:
            process.stop()
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    @contextlib.contextmanager
    def _lent(self, pdf: str) -> Iterator[None]:
        folder = Path(pdf).parent
        if scratch.ROOT not in folder.parents:  # what is lent changes hands: never a user's
            raise ValueError(f"{pdf} is not in a scratch folder")
        self._release(self._take())  # started first: a start can change the user lent to
        try:
            with lent(folder, self.containment.uid):
                yield
        except PlantedLink as planted:
            raise self._stopped(f"links left in the job's folder: {planted}") from None

    def _ask(self, request: dict[str, Any]) -> Any:
        process = self._take()
        try:
            answer = process.ask(request, timeout=2.0 * self.limits.cpu_seconds)
            result = _result(answer)
        except (Garbled, TransientError) as failure:
            process.stop()
            self._forget(process)
            if isinstance(failure, TransientError):
                raise
            raise self._stopped(str(failure)) from None
        except BaseException:
            self._release(process)
            raise
        self._release(process)
        return result

    def _ask_all(self, requests: list[dict[str, Any]]) -> Iterator[Any]:
        """The answers to `requests`, asked of every process at once, in order."""
        if len(requests) <= 1:
            yield from map(self._ask, requests)
            return
        with ThreadPoolExecutor(self.processes, thread_name_prefix="pdf") as threads:
            futures = [threads.submit(self._ask, request) for request in requests]
            try:
                for future in futures:
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()

    def _take(self) -> PdfProcess:
        """An idle process, started when fewer than `processes` run; one spent is restarted."""
        with self._lock:
            try:
                process = self._idle.get_nowait()
            except queue.Empty:
                if len(self._running) < self.processes:
                    process = self._start()
                    self._running.append(process)
                    return process
                process = None
        process = process or self._idle.get()
        if process.alive and cpu_used(process.pid) <= self.limits.cpu_seconds:
            return process
        process.stop()
        with self._lock:
            replacement = self._start()
            self._running[self._running.index(process)] = replacement
        return replacement

    def _release(self, process: PdfProcess) -> None:
        self._idle.put(process)

    def _forget(self, process: PdfProcess) -> None:
        with self._lock:
            if process in self._running:
                self._running.remove(process)

    def _start(self) -> PdfProcess:
        if self._home is None:
            self._home = scratch.new_folder("pdf")
            hand_over(self._home, self.containment.uid)
        try:
            return PdfProcess(self.containment, self._home)
        except DidNotStart as failure:
            if self.containment.uid is None:
                log.error("the PDF processes did not start: %s", failure)
                raise TransientError(DID_NOT_START) from None
            said = str(failure)
        # Its user cannot run slideshelf's Python (installed in a folder only the worker's
        # user may read): the worker's user it is, said in the log and by `slideshelf check`.
        reason = f"a user of its own (that user cannot start slideshelf's Python: {said})"
        self._containment = self.containment.as_worker(reason)
        log.warning("PDF processes run without %s", "; without ".join(self.missing))
        hand_over(self._home, None)
        return self._start()

    def _stopped(self, what: str) -> TransientError:
        """A process answered what none should: every process is stopped, the job retried."""
        log.error("a PDF process answered what no PDF process would (%s): all are stopped", what)
        self.shutdown()
        return TransientError(CRASHED)


def _result(answer: Any) -> Any:
    """The result in a process's answer, or the error it stands for."""
    if not isinstance(answer, dict):
        raise Garbled(f"answered {type(answer).__name__}")
    if "result" in answer:
        return answer["result"]
    error = answer.get("error")
    if error == "permanent":
        msgid, params = answer.get("msgid"), answer.get("params")
        if msgid in MESSAGES and isinstance(params, dict) and _plain(params):
            raise PermanentError(msgid, **params)
    elif error == "memory":
        raise PermanentError(TOO_LARGE_TO_DRAW)
    elif error == "disk_full":
        raise OSError(errno.ENOSPC, "No space left on device (drawing the slides)")
    elif error == "failed":
        log.warning("a PDF process failed: %s", str(answer.get("detail"))[:500])
        raise TransientError(CRASHED)
    raise Garbled(f"error {str(error)[:80]!r}")


def _plain(params: dict[str, Any]) -> bool:
    """Whether a message's parameters are the ones PDF messages have: a page number, if any."""
    return params == {} or (set(params) == {"number"} and str(params["number"]).isdigit())


def _count(result: Any) -> int:
    if not isinstance(result, int) or result < 0:
        raise Garbled(f"a page count of {result!r}")
    return result


def _page_text(page: Any) -> PageText:
    try:
        lines = tuple(
            TextLine(
                str(line["text"]),
                float(line["size"]),
                float(line["top"]),
                float(line["bottom"]),
                float(line["left"]),
                float(line["right"]),
                bool(line["footer"]),
            )
            for line in page["lines"]
        )
        return PageText(lines, float(page["height"]))
    except (KeyError, TypeError, ValueError) as error:
        raise Garbled(f"a page's text: {error}") from None


def _page_image(row: Any, out_dir: str, density: Density, page_count: int) -> PageImage:
    try:
        number, width, height, thumb_width, thumb_height = (int(value) for value in row)
    except (TypeError, ValueError) as error:
        raise Garbled(f"a drawn page: {error}") from None
    if not 1 <= number <= page_count:
        raise Garbled(f"page {number} of {page_count}")
    image, thumbnail = image_paths(out_dir, number, density)
    return PageImage(number, image, thumbnail, width, height, thumb_width, thumb_height)


def _chunks(page_count: int) -> list[list[int]]:
    return [
        list(range(start, min(start + CHUNK, page_count + 1)))
        for start in range(1, page_count + 1, CHUNK)
    ]
