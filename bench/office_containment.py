"""What containing LibreOffice and pdfium costs: the same decks converted to PDF by a warm
office started contained (its own user, no capabilities, caps, scrubbed environment, its own
folder, no network) and by one started as before, as the worker itself with no network; and
the PDF stages (page count, text, images) by contained PDF processes and by the same
processes as the worker's user with nothing lent. Alternating, median per deck.

The target is under 10% per deck. Without root the two are the same but for the copying in
and out, and the figures say so.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings

from bench.mode import Mode
from bench.tables import table
from slideshelf.conversion.containment import Containment, network_isolation_prefix
from slideshelf.conversion.office.client import OfficeClient, Output
from slideshelf.conversion.pdf_pool import PdfPool
from slideshelf.conversion.runtime import get_pdf_pool, job_config, office_limits
from slideshelf.lib import scratch

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DECKS = {
    Mode.FULL: (
        "pptx/poi_ubc_HowWeRefactor.pptx",
        "ppt/poi_42474-2.ppt",
        "odp/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.odp",
        "pptx/mkd_test.pptx",
    ),
    Mode.QUICK: ("pptx/mkd_test.pptx",),
    Mode.SMOKE: ("pptx/pypptx_test_slides.pptx",),
}
PDFS = {
    Mode.FULL: (
        "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf",
        "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf",
    ),
    Mode.QUICK: ("pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf",),
    Mode.SMOKE: ("pdf/pdfjs_german-umlaut-r.pdf",),
}
REPETITIONS = {Mode.FULL: 5, Mode.QUICK: 3, Mode.SMOKE: 1}
TARGET = 0.10
T = TypeVar("T")


def as_before() -> Containment:
    """The office as it ran before containment: the worker's user, without caps, in its own
    network namespace (which it had before) and folder (which costs one copy of the file)."""
    network = network_isolation_prefix() if settings.OFFICE_ISOLATE_NETWORK else ()
    return Containment(prefix=network, uid=None, missing=("all but the network: the baseline",))


def office(contained: bool) -> OfficeClient:
    return OfficeClient(
        settings.SOFFICE,
        settings.OFFICE_PYTHON,
        timeout=settings.OFFICE_TIMEOUT,
        restart_after=10_000,
        limits=office_limits(),
        isolate_network=settings.OFFICE_ISOLATE_NETWORK,
        containment=None if contained else as_before(),
    )


def seconds_to_convert(client: OfficeClient, deck: Path, folder: Path) -> float:
    start = time.perf_counter()
    client.convert(str(deck), [Output(str(folder / "deck.pdf"), "impress_pdf_Export")])
    return time.perf_counter() - start


def pdf_pool(contained: bool) -> PdfPool:
    """The worker's PDF processes, or the same as the worker's user (the baseline)."""
    pool = get_pdf_pool()
    baseline = None if contained else as_before()
    return PdfPool(pool.processes, pool.limits, pool.isolate_network, baseline)


def seconds_for_pdf_stages(pool: PdfPool, deck: Path, folder: Path) -> float:
    """The PDF's page count, text and 1× images, as the pipeline asks for them."""
    pdf = folder / "deck.pdf"
    shutil.copyfile(deck, pdf)
    start = time.perf_counter()
    pages = pool.page_count(str(pdf))
    pool.read_pages(str(pdf))
    pool.render(str(pdf), pages, str(folder / "images"), job_config().render)
    return time.perf_counter() - start


def run(mode: Mode = Mode.FULL) -> list[str]:
    return [*office_part(mode), "", *pdf_part(mode)]


def office_part(mode: Mode) -> list[str]:
    contained, uncontained = office(True), office(False)
    try:
        with tempfile.TemporaryDirectory() as scratch_folder:
            folder = Path(scratch_folder)

            def convert(client: OfficeClient, deck: Path) -> float:
                return seconds_to_convert(client, deck, folder)

            rows, ratios = _compare(mode, convert, DECKS, contained, uncontained)
    finally:
        contained.stop()
        uncontained.stop()
    return _report(mode, "warm offices, PDF only", rows, ratios, contained.containment.missing)


def pdf_part(mode: Mode) -> list[str]:
    contained, uncontained = pdf_pool(True), pdf_pool(False)

    def stages(pool: PdfPool, deck: Path) -> float:
        with scratch.folder("bench") as folder:
            return seconds_for_pdf_stages(pool, deck, folder)

    try:
        rows, ratios = _compare(mode, stages, PDFS, contained, uncontained)
    finally:
        contained.shutdown()
        uncontained.shutdown()
    what = "warm PDF processes: page count, text, 1× images"
    return _report(mode, what, rows, ratios, contained.missing)


def _compare(
    mode: Mode,
    seconds: Callable[[T, Path], float],
    decks: dict[Mode, tuple[str, ...]],
    contained: T,
    uncontained: T,
) -> tuple[list[list[str]], list[float]]:
    """Both warmed on the smoke deck (untimed), then every deck timed, alternating."""
    for runner in (contained, uncontained):
        seconds(runner, CORPUS / decks[Mode.SMOKE][0])
    rows: list[list[str]] = []
    ratios: list[float] = []
    for name in decks[mode]:
        times = _alternating(mode, seconds, CORPUS / name, contained, uncontained)
        rows.append(_row(name, times, ratios))
    return rows, ratios


def _alternating(
    mode: Mode, seconds: Callable[[T, Path], float], deck: Path, contained: T, uncontained: T
) -> dict[bool, list[float]]:
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(REPETITIONS[mode]):
        for is_contained, runner in ((True, contained), (False, uncontained)):
            times[is_contained].append(seconds(runner, deck))
    return times


def _row(name: str, times: dict[bool, list[float]], ratios: list[float]) -> list[str]:
    inside, outside = (statistics.median(times[key]) for key in (True, False))
    ratios.append(inside / outside - 1)
    return [name, f"{outside:.2f}", f"{inside:.2f}", f"{ratios[-1]:+.1%}"]


def _report(
    mode: Mode, what: str, rows: list[list[str]], ratios: list[float], guards: tuple[str, ...]
) -> list[str]:
    return [
        f"median of {REPETITIONS[mode]} per deck, alternating; {what}",
        *table(["deck", "as worker s", "contained s", "cost"], rows),
        "",
        f"containment lacks: {'; '.join(guards)}" if guards else "every guard in place",
        f"worst cost per deck {max(ratios):+.1%} (target under {TARGET:.0%}): "
        + ("met" if max(ratios) < TARGET else "NOT met"),
    ]
