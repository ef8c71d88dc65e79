"""The conversion pipeline, timed stage by stage over the corpus, and against a cold soffice.

1. Every deck in the corpus's pptx, ppt, odp and pdf folders goes through the pipeline's
   stages with a warm LibreOffice and render pool, as the worker runs them: decks ready and
   failed, seconds per deck, seconds per slide for each stage, and peak memory of the
   worker, its render pool and LibreOffice.
2. The warm pipeline (PDF, text, both image sizes) against the cold route many sites use:
   `soffice --convert-to pdf` with a fresh profile, then `pdftoppm -png -r 150`, on a
   generated 50-slide text deck and a few real ones, alternating, median of three.
3. The images stage with today's settings against this version's, and the 2× pictures
   drawn after the deck is shown, on two corpus PDFs (bench/slide_images.py).

No database is touched: jobs are built and run directly. Run it with `python -m bench`, which
sets Django up first. `--quick` takes three files a folder and one repetition; `--smoke` one
small file a folder, a 3-slide generated deck and no real ones in the comparison.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from bench.memory import PeakMemory
from bench.mode import Mode
from bench.sample_deck import make_text_deck
from bench.slide_images import run as slide_images_section
from bench.tables import table
from slideshelf.conversion.errors import ConversionError
from slideshelf.conversion.job import Job
from slideshelf.conversion.office.client import OfficeClient
from slideshelf.conversion.runtime import get_office, get_pdf_pool, job_config
from slideshelf.conversion.stages import STAGES
from slideshelf.lib.scratch import new_folder

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOLDERS = ("pptx", "ppt", "odp", "pdf")
# LibreOffice alone needs about five minutes for this one; `--all` includes it.
HUGE = ("odp/odft_perf_Presentation5_800slides.odp",)
COMPARED = (
    "pptx/poi_stress013.pptx",
    "pptx/poi_ubc_HowWeRefactor.pptx",
    "ppt/poi_42474-2.ppt",
    "odp/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.odp",
)
# Small decks that convert: the smoke run's corpus, one a folder.
SMOKE_FILES = (
    "pptx/pypptx_test_slides.pptx",
    "ppt/poi_bullets.ppt",
    "odp/odft_presentationWithEmbedDoc.odp",
    "pdf/pdfjs_german-umlaut-r.pdf",
)
TARGET_RATIO = 2.5
COLD_DPI = 150
COLD_TIMEOUT = 600
# Stages may share a name (language detection counts as "text"): their times are added up.
STAGE_NAMES = tuple(dict.fromkeys(stage.name for stage in STAGES))


@dataclass(frozen=True)
class Size:
    files_per_folder: int | None  # None: every file (the huge one only with --all)
    generated_slides: int
    repetitions: int
    compared: int  # decks from COMPARED timed beside the generated one
    picks: tuple[str, ...] = ()  # these corpus files instead of the folders' first ones


SIZES = {
    Mode.FULL: Size(None, 50, 3, len(COMPARED)),
    Mode.QUICK: Size(3, 50, 1, 1),
    Mode.SMOKE: Size(1, 3, 1, 0, SMOKE_FILES),
}


# --- running one deck -----------------------------------------------------------------


@dataclass
class WarmRun:
    path: Path
    seconds: float
    stages: dict[str, float]
    slides: int
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class ColdRun:
    soffice: float
    pdftoppm: float
    pages: int
    error: str = ""

    @property
    def seconds(self) -> float:
        return self.soffice + self.pdftoppm


def run_warm(path: Path, scratch_root: Path) -> WarmRun:
    """The pipeline's stages in order over one deck, each one timed, as run_stages runs them."""
    scratch = Path(tempfile.mkdtemp(prefix="deck-", dir=scratch_root))
    job = Job(path, scratch, job_config())
    stages: dict[str, float] = {}
    error = ""
    start = time.perf_counter()
    try:
        for stage in STAGES:
            stage_start = time.perf_counter()
            try:
                stage.run(job)
            finally:
                took = time.perf_counter() - stage_start
                stages[stage.name] = stages.get(stage.name, 0.0) + took
    except ConversionError as failure:
        error = f"{type(failure).__name__}: {failure.message}"
    except Exception as failure:  # a bug, not a verdict on the file: reported as such
        error = f"unexpected {type(failure).__name__}: {failure}"
    finally:
        seconds = time.perf_counter() - start
        shutil.rmtree(scratch, ignore_errors=True)
    return WarmRun(path, seconds, stages, job.page_count, error)


def run_cold(path: Path, scratch_root: Path) -> ColdRun:
    """A fresh soffice with a fresh profile to PDF, then pdftoppm to PNG at 150 dpi."""
    work = Path(tempfile.mkdtemp(prefix="cold-", dir=scratch_root))
    profile, out = work / "profile", work / "out"
    try:
        start = time.perf_counter()
        converted = _call(
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        )
        middle = time.perf_counter()
        pdf = out / f"{path.stem}.pdf"
        if converted or not pdf.exists():
            return ColdRun(middle - start, 0.0, 0, f"soffice: {converted or 'no PDF written'}")
        drawn = _call("pdftoppm", "-png", "-r", str(COLD_DPI), str(pdf), str(out / "p"))
        end = time.perf_counter()
        pages = len(list(out.glob("p*.png")))
        return ColdRun(middle - start, end - middle, pages, f"pdftoppm: {drawn}" if drawn else "")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _call(*command: str) -> str:
    """Run a command; '' on success, else a short reason."""
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=COLD_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {COLD_TIMEOUT} s"
    return "" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[:120]}"


# --- section 1: the corpus ----------------------------------------------------------------


@dataclass
class FolderResult:
    folder: str
    runs: list[WarmRun]
    worker_mb: float
    pool_mb: float
    office_mb: float
    office_starts: int

    @property
    def ready(self) -> list[WarmRun]:
        return [run for run in self.runs if run.ok]

    @property
    def failed(self) -> list[WarmRun]:
        return [run for run in self.runs if not run.ok]

    @property
    def slides(self) -> int:
        return sum(run.slides for run in self.ready)

    def seconds_per_slide(self, stage: str) -> float | None:
        if not self.slides:
            return None
        return sum(run.stages.get(stage, 0.0) for run in self.ready) / self.slides


def corpus_files(folder: str, include_huge: bool, size: Size) -> list[Path]:
    if size.picks:
        picked = (CORPUS / name for name in size.picks if name.startswith(f"{folder}/"))
        return [path for path in picked if path.is_file()]
    skipped = set() if include_huge else {CORPUS / name for name in HUGE}
    files = sorted(p for p in (CORPUS / folder).iterdir() if p.is_file() and p not in skipped)
    return files[: size.files_per_folder]


def run_folder(folder: str, files: list[Path], scratch: Path) -> FolderResult:
    office = _office()
    starts = office.starts
    with PeakMemory(lambda: office.pid) as memory:
        runs = []
        for path in files:
            run = run_warm(path, scratch)
            _progress(f"{folder}/{path.name}: {run.seconds:.2f} s {run.error[:60]}")
            runs.append(run)
    return FolderResult(
        folder,
        runs,
        memory.worker_mb,
        memory.pool_mb,
        memory.office_mb,
        office.starts - starts,
    )


def corpus_section(results: list[FolderResult]) -> list[str]:
    failures = [
        f"  {r.folder}/{run.path.name} ({run.seconds:.2f} s): {_clip(run.error, 150)}"
        for r in results
        for run in r.failed
    ]
    return [
        "",
        "1. Corpus, warm pipeline (one attempt per file, no retries)",
        "",
        *folder_table(results),
        "  s/deck over ready decks; total s over all files, failed ones included",
        "",
        "Seconds per slide by stage (stage time summed over ready decks / their slides)",
        *stage_table(results),
        "",
        "Peak memory, MB (RSS high-water mark of each process, reset per folder)",
        *memory_table(results),
        "  worker = this process; render pool = its PDF processes (pdfium), summed;",
        "  LibreOffice = the office process group (bridge + oosplash + soffice.bin), summed;",
        "  '-' when no office ran (PDFs need none, and a failed load stops it until the next).",
        *(["", "Failed files", *failures] if failures else []),
    ]


def folder_table(results: list[FolderResult]) -> list[str]:
    return table(
        ["folder", "files", "ready", "failed", "slides", "median s/deck", "max s/deck", "total s"],
        [
            [
                r.folder,
                len(r.runs),
                len(r.ready),
                len(r.failed),
                r.slides,
                _seconds(statistics.median(x.seconds for x in r.ready) if r.ready else None),
                _seconds(max((x.seconds for x in r.ready), default=None)),
                _seconds(sum(x.seconds for x in r.runs)),
            ]
            for r in results
        ],
    )


def stage_table(results: list[FolderResult]) -> list[str]:
    return table(
        ["folder", *STAGE_NAMES, "total"],
        [
            [
                r.folder,
                *(_per_slide(r.seconds_per_slide(name)) for name in STAGE_NAMES),
                _per_slide(_total_per_slide(r)),
            ]
            for r in results
        ],
    )


def memory_table(results: list[FolderResult]) -> list[str]:
    return table(
        ["folder", "worker", "render pool", "worker+pool", "LibreOffice", "office starts"],
        [
            [
                r.folder,
                f"{r.worker_mb:.0f}",
                f"{r.pool_mb:.0f}",
                f"{r.worker_mb + r.pool_mb:.0f}",
                f"{r.office_mb:.0f}" if r.office_mb else "-",
                r.office_starts,
            ]
            for r in results
        ],
    )


def _total_per_slide(result: FolderResult) -> float | None:
    parts = [result.seconds_per_slide(name) for name in STAGE_NAMES]
    return None if None in parts else sum(p for p in parts if p is not None)


# --- section 2: warm against cold -----------------------------------------------------


@dataclass
class Comparison:
    label: str
    path: Path
    warm: list[WarmRun] = field(default_factory=list)
    cold: list[ColdRun] = field(default_factory=list)

    @property
    def warm_ok(self) -> list[WarmRun]:
        return [run for run in self.warm if run.ok]

    @property
    def cold_ok(self) -> list[ColdRun]:
        return [run for run in self.cold if not run.error]

    @property
    def warm_median(self) -> float | None:
        return _median([run.seconds for run in self.warm_ok])

    @property
    def cold_median(self) -> float | None:
        return _median([run.seconds for run in self.cold_ok])

    @property
    def ratio(self) -> float | None:
        warm, cold = self.warm_median, self.cold_median
        return cold / warm if warm and cold else None

    @property
    def errors(self) -> list[str]:
        runs: list[WarmRun | ColdRun] = [*self.warm, *self.cold]
        return [run.error for run in runs if run.error]

    def warm_stage(self, name: str) -> float | None:
        return _median([run.stages.get(name, 0.0) for run in self.warm_ok])


def compare(decks: list[tuple[str, Path]], repetitions: int, scratch: Path) -> list[Comparison]:
    """Warm and cold on each deck in turn; which goes first alternates per repetition."""
    comparisons = [Comparison(label, path) for label, path in decks]
    for repetition in range(repetitions):
        for item in comparisons:
            for route in ("warm", "cold") if repetition % 2 == 0 else ("cold", "warm"):
                if route == "warm":
                    item.warm.append(run_warm(item.path, scratch))
                else:
                    item.cold.append(run_cold(item.path, scratch))
            _progress(
                f"rep {repetition + 1}: {item.label}: warm {item.warm[-1].seconds:.2f} s, "
                f"cold {item.cold[-1].seconds:.2f} s"
            )
    return comparisons


def comparison_section(comparisons: list[Comparison], size: Size, office_starts: int) -> list[str]:
    errors = [f"  {c.label}: {error}" for c in comparisons for error in c.errors]
    restarts = f"  note: LibreOffice restarted {office_starts} time(s) during the warm runs"
    return [
        "",
        f"2. Warm pipeline against cold soffice + pdftoppm (median of {size.repetitions}, "
        "alternating)",
        "   warm: the pipeline's stages with the running LibreOffice and render pool:",
        "         PDF, slide text, 1600 px and 320 px WebP per slide",
        "   cold: soffice --headless --convert-to pdf (fresh profile), "
        f"then pdftoppm -png -r {COLD_DPI}",
        "",
        *ratio_table(comparisons),
        "",
        "Where the time goes (medians, seconds)",
        *time_table(comparisons),
        *(["", "Runs that failed (left out of the medians)", *errors] if errors else []),
        *([restarts] if office_starts else []),
        "",
        target_line(comparisons[0], size),
    ]


def ratio_table(comparisons: list[Comparison]) -> list[str]:
    return table(
        ["deck", "slides", "warm s", "cold s", "cold/warm"],
        [
            [
                c.label,
                c.warm_ok[0].slides if c.warm_ok else "-",
                _seconds(c.warm_median),
                _seconds(c.cold_median),
                f"{c.ratio:.2f}x" if c.ratio else "-",
            ]
            for c in comparisons
        ],
    )


def time_table(comparisons: list[Comparison]) -> list[str]:
    return table(
        ["deck", *(f"warm {n}" for n in STAGE_NAMES), "cold soffice", "cold pdftoppm"],
        [
            [
                c.label,
                *(_seconds(c.warm_stage(name)) for name in STAGE_NAMES),
                _seconds(_median([run.soffice for run in c.cold_ok])),
                _seconds(_median([run.pdftoppm for run in c.cold_ok])),
            ]
            for c in comparisons
        ],
    )


def target_line(generated: Comparison, size: Size) -> str:
    ratio = generated.ratio
    verdict = "-" if ratio is None else f"{ratio:.2f}x"
    met = ratio is not None and ratio >= TARGET_RATIO
    return (
        f"Target: cold/warm >= {TARGET_RATIO}x on the {size.generated_slides}-slide deck: "
        f"{verdict} -> {'met' if met else 'NOT met'}"
    )


# --- the whole benchmark ----------------------------------------------------------------


def run(mode: Mode = Mode.FULL, include_huge: bool = False) -> list[str]:
    """The three sections; Django must be set up (bench/environment.py)."""
    size = SIZES[mode]
    with office_and_scratch() as scratch:
        slides = size.generated_slides
        deck = make_text_deck(scratch / f"generated-{slides}-slides.pptx", slides)
        _warm_up(deck, scratch)
        lines = header(mode, include_huge)
        lines += corpus_part(size, include_huge, scratch)
        lines += comparison_part(size, deck, scratch)
        lines += slide_images_section(mode, scratch)
    return lines


def corpus_part(size: Size, include_huge: bool, scratch: Path) -> list[str]:
    results = [
        run_folder(folder, corpus_files(folder, include_huge, size), scratch) for folder in FOLDERS
    ]
    return corpus_section(results)


def comparison_part(size: Size, deck: Path, scratch: Path) -> list[str]:
    decks = [(f"generated {size.generated_slides}-slide text deck", deck)]
    decks += [(name, CORPUS / name) for name in COMPARED[: size.compared]]
    missing = [name for name, path in decks if not path.exists()]
    decks = [(name, path) for name, path in decks if path.exists()]
    office = _office()
    office.restart()  # a fresh office whose restart_after count will not run out mid-way
    _warm_up(deck, scratch)
    starts = office.starts
    comparisons = compare(decks, size.repetitions, scratch)
    lines = comparison_section(comparisons, size, office.starts - starts)
    return lines + [f"  missing from the corpus, skipped: {name}" for name in missing]


@contextmanager
def office_and_scratch() -> Iterator[Path]:
    """A throw-away folder for the decks; the office and PDF processes stopped afterwards."""
    scratch = new_folder("bench-conversion", passable=True)  # PDF processes get folders in it
    try:
        yield scratch
    finally:
        office = get_office()
        if office is not None:
            office.stop()
        get_pdf_pool().shutdown()
        shutil.rmtree(scratch, ignore_errors=True)


def header(mode: Mode, include_huge: bool) -> list[str]:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    skipped = "none" if include_huge else ", ".join(HUGE)
    return [
        f"Conversion benchmark ({mode}); corpus {CORPUS}; skipped: {skipped}",
        f"  {os.cpu_count()} CPUs; {_office_version()}; render processes "
        f"{get_pdf_pool().processes}; WebP q{settings.WEBP_QUALITY} method {settings.WEBP_METHOD};"
        f" images {settings.SLIDE_IMAGE_WIDTH} + {settings.SLIDE_THUMB_WIDTH} px, 2× ones"
        f" {settings.SLIDE_IMAGE_WIDTH_2X} + {settings.SLIDE_THUMB_WIDTH_2X} px after (section 3)",
        f"  office restarts after {settings.OFFICE_RESTART_AFTER} jobs, timeout "
        f"{settings.OFFICE_TIMEOUT:.0f} s; one warm-up conversion before timing (not counted)",
        f"  load average at start: {load} (other work on the machine skews every figure)",
    ]


def _warm_up(deck: Path, scratch: Path) -> None:
    run = run_warm(deck, scratch)
    if not run.ok:
        raise SystemExit(f"the warm-up conversion failed: {run.error}")
    _progress(f"warm-up: {run.seconds:.2f} s")


def _office() -> OfficeClient:
    office = get_office()
    if office is None:
        raise SystemExit("LibreOffice (soffice and a Python with uno) is needed for this bench")
    return office


def _office_version() -> str:
    done = subprocess.run(["soffice", "--version"], capture_output=True, text=True, check=False)
    words = done.stdout.split()
    return " ".join(words[:2]) if words else "LibreOffice (version unknown)"


# --- formatting -------------------------------------------------------------------------


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _per_slide(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _progress(message: str) -> None:
    print(f"  [conversion] {message}", file=sys.stderr, flush=True)
