"""Slide images: the images stage with today's settings against this version's, side by side.

Today's settings drew a 1600 px picture and a 320 px thumbnail of every page in the images
stage. This version draws the same in the stage, and the 2× ones (2400 and 640 px) in a task
of their own once the deck is shown (`slideshelf/conversion/images_2x.py`): the stage must
stay within 30% of today's time, and what the 2× pictures cost is told beside it. Each deck
is a PDF from the corpus, drawn by the worker's warm PDF processes; the three runs alternate
in order, and each figure is the median of the repetitions, in seconds per slide.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium

from bench.mode import Mode
from bench.tables import table
from slideshelf.conversion.job import Job, JobConfig
from slideshelf.conversion.render import RenderSettings
from slideshelf.conversion.runtime import get_pdf_pool, job_config
from slideshelf.conversion.stages.slide_images import DrawSlides

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# Slide decks exported by LibreOffice, as the stage gets them: 4:3 and 16:9.
DECKS = (
    "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf",
    "pdf/odft_2023_LibOCon_Mexico_LOWA_ES.pdf",
)
SMOKE_DECK = "pdf/pdfjs_german-umlaut-r.pdf"
TARGET = 1.30  # the stage's time against today's


@dataclass(frozen=True)
class Size:
    decks: tuple[str, ...]
    repetitions: int


SIZES = {
    Mode.FULL: Size(DECKS, 3),
    Mode.QUICK: Size(DECKS[1:], 1),
    Mode.SMOKE: Size((SMOKE_DECK,), 1),
}
RUNS = ("today", "stage", "2x")


@dataclass
class DeckTimes:
    name: str
    slides: int
    seconds: dict[str, list[float]] = field(default_factory=lambda: {run: [] for run in RUNS})

    def median(self, run: str) -> float:
        return statistics.median(self.seconds[run])


def today_settings(now: RenderSettings) -> RenderSettings:
    """This version's settings as they were before there were 2× pictures."""
    return replace(now, width_2x=0, thumb_width_2x=0)


def time_deck(path: Path, repetitions: int, scratch: Path) -> DeckTimes:
    now = job_config()
    runs: dict[str, Callable[[Path], None]] = {
        "today": lambda pdf: _stage(pdf, replace(now, render=today_settings(now.render))),
        "stage": lambda pdf: _stage(pdf, now),
        "2x": lambda pdf: _draw_2x(pdf, now.render),
    }
    times = DeckTimes(f"{path.parent.name}/{path.name}", len(pdfium.PdfDocument(str(path))))
    for repetition in range(repetitions):
        order = RUNS if repetition % 2 == 0 else RUNS[::-1]
        for run in order:
            out = Path(tempfile.mkdtemp(prefix=f"{run}-", dir=scratch))
            pdf = Path(shutil.copyfile(path, out / "deck.pdf"))  # as the stage gets it
            start = time.perf_counter()
            runs[run](pdf)
            times.seconds[run].append(time.perf_counter() - start)
            shutil.rmtree(out, ignore_errors=True)
        _progress(times, repetition)
    return times


def _stage(pdf: Path, config: JobConfig) -> None:
    """The images stage itself, over a job that has its PDF in its folder."""
    job = Job(pdf, pdf.parent, config)
    job.pdf, job.page_count = pdf, len(pdfium.PdfDocument(str(pdf)))
    DrawSlides().run(job)


def _draw_2x(pdf: Path, settings: RenderSettings) -> None:
    """What the 2× task draws (it also copies the PDF in and stores the files)."""
    density = settings.at_2x
    if density is not None:
        count = len(pdfium.PdfDocument(str(pdf)))
        out = str(pdf.parent / "2x")
        get_pdf_pool().render(str(pdf), count, out, settings, density=density)


def run(mode: Mode, scratch: Path) -> list[str]:
    """The section, in bench/conversion.py's style; the render pool must be warm."""
    size = SIZES[mode]
    paths = [CORPUS / name for name in size.decks if (CORPUS / name).is_file()]
    decks = [time_deck(path, size.repetitions, scratch) for path in paths]
    settings = job_config().render
    return [
        "",
        f"3. Slide images: today's settings against this version's (median of "
        f"{size.repetitions}, alternating; seconds per slide)",
        f"   today: the images stage drawing {settings.width} + {settings.thumb_width} px; "
        "now: the same stage with this version's settings,",
        f"   and the task drawing the 2× pictures ({settings.width_2x} + "
        f"{settings.thumb_width_2x} px) once the deck is shown",
        "",
        *deck_table(decks),
        "",
        target_line(decks),
    ]


def deck_table(decks: list[DeckTimes]) -> list[str]:
    rows = [_row(deck.name, deck.slides, [deck]) for deck in decks]
    if len(decks) > 1:
        rows.append(_row("all", sum(deck.slides for deck in decks), decks))
    headers = ["deck", "slides", "today", "now: stage", "now: 2x task", "stage/today"]
    return table([*headers, "stage+2x/today"], rows)


def _row(name: str, slides: int, decks: list[DeckTimes]) -> list[object]:
    today, stage, double = (_per_slide(decks, run) for run in RUNS)
    ratio = stage / today if today else 0.0
    both = (stage + double) / today if today else 0.0
    figures = [f"{today:.4f}", f"{stage:.4f}", f"{double:.4f}"]
    return [name, slides, *figures, f"{ratio:.2f}x", f"{both:.2f}x"]


def _per_slide(decks: list[DeckTimes], run: str) -> float:
    slides = sum(deck.slides for deck in decks)
    return sum(deck.median(run) for deck in decks) / slides if slides else 0.0


def target_line(decks: list[DeckTimes]) -> str:
    today, stage = _per_slide(decks, "today"), _per_slide(decks, "stage")
    ratio = stage / today if today else None
    verdict = "-" if ratio is None else f"{ratio:.2f}x"
    met = ratio is not None and ratio <= TARGET
    return (
        f"Target: images stage within {TARGET:.2f}x of today's, seconds per slide: {verdict} "
        f"-> {'met' if met else 'NOT met'}"
    )


def _progress(times: DeckTimes, repetition: int) -> None:
    figures = ", ".join(f"{run} {times.seconds[run][-1]:.2f} s" for run in RUNS)
    print(
        f"  [slide images] rep {repetition + 1}: {times.name}: {figures}",
        file=sys.stderr,
        flush=True,
    )
