"""What containing LibreOffice costs: the same decks converted to PDF by a warm office started
contained (its own user, no capabilities, caps, scrubbed environment, its own folder, no
network) and by one started as before, as the worker itself with no network, alternating,
median per deck.

The target is under 10% per deck. Without root the two offices are the same but for the
copying in and out, and the figures say so.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings

from bench.mode import Mode
from bench.tables import table
from slideshelf.conversion.containment import Containment, network_isolation_prefix
from slideshelf.conversion.office.client import OfficeClient, Output
from slideshelf.conversion.runtime import office_limits

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
REPETITIONS = {Mode.FULL: 5, Mode.QUICK: 3, Mode.SMOKE: 1}
TARGET = 0.10


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


def run(mode: Mode = Mode.FULL) -> list[str]:
    contained, uncontained = office(True), office(False)
    rows, ratios = [], []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            for client in (contained, uncontained):  # started and warmed before timing
                seconds_to_convert(client, CORPUS / DECKS[Mode.SMOKE][0], folder)
            for name in DECKS[mode]:
                times: dict[bool, list[float]] = {True: [], False: []}
                for _ in range(REPETITIONS[mode]):
                    for is_contained, client in ((True, contained), (False, uncontained)):
                        times[is_contained].append(
                            seconds_to_convert(client, CORPUS / name, folder)
                        )
                inside, outside = (statistics.median(times[key]) for key in (True, False))
                ratios.append(inside / outside - 1)
                rows.append([name, f"{outside:.2f}", f"{inside:.2f}", f"{ratios[-1]:+.1%}"])
    finally:
        contained.stop()
        uncontained.stop()
    guards = contained.containment.missing
    return [
        f"median of {REPETITIONS[mode]} per deck, alternating; warm offices, PDF only",
        *table(["deck", "as worker s", "contained s", "cost"], rows),
        "",
        f"containment lacks: {'; '.join(guards)}" if guards else "every guard in place",
        f"worst cost per deck {max(ratios):+.1%} (target under {TARGET:.0%}): "
        + ("met" if max(ratios) < TARGET else "NOT met"),
    ]
