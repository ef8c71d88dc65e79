"""Word recall of slideshelf's slide text, and of MarkItDown's, against independent readings.

For every deck in the corpus's pptx, ppt, odp and pdf folders (never broken/; the 800-slide
ODP only with `--all`), three readings of each slide:

- ours: what the site stores for the slide (title, body, notes, alt texts, tables), made by
  the conversion pipeline's own stages with the warm LibreOffice. The stages that draw the
  slides and read their pictures (OCR) are skipped: no reference reads pictures, and they
  take most of the time.
- the reference: bench/text_reference.py (python-pptx; LibreOffice to PPTX, then
  python-pptx; pdftotext). Speaker notes count where the reference reads them (all but PDF),
  since the site stores and shows them too.
- MarkItDown's Markdown, for the files it reads, cut at its slide markers (PPTX) or form
  feeds (PDF pages).

Words: NFKC, casefolded, runs of letters and digits (punctuation and underscores split
them; numbers are words; hyphens inside words dropped, as readers disagree on them at line
ends), each Han or kana character a word of its own, since those scripts put no spaces
between words. Recall: the share of the reference's words, counted with
multiplicity, found on the same slide of the candidate, summed over the file's slides, so a
word on the wrong slide is not found. When the slide counts differ, the whole file is
compared instead (marked *). Target: ≥ 0.97 on every file, and ≥ MarkItDown's where it
reads the file. `--quick` takes three files a folder; `--smoke` one tiny file a reader.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.conversion import CORPUS, FOLDERS, HUGE, office_and_scratch, table
from bench.mode import Mode
from bench.text_reference import office_to_pptx, pdf_pages, pptx_slides
from slideshelf.conversion.errors import ConversionError, TransientError
from slideshelf.conversion.job import Job
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.stages import STAGES
from slideshelf.conversion.types import SlideText

TARGET = 0.97
# Drawing the slides and reading their pictures add no words any reference reads.
SKIPPED_STAGES = frozenset({"images", "ocr"})
TEXT_STAGES = tuple(stage for stage in STAGES if stage.name not in SKIPPED_STAGES)
QUICK_FILES = 3  # a folder
# One tiny deck for each reference reader: python-pptx, LibreOffice then python-pptx, pdftotext.
SMOKE_FILES = (
    "pptx/pypptx_test_slides.pptx",
    "ppt/poi_bullets.ppt",
    "pdf/pdfjs_german-umlaut-r.pdf",
)
SAMPLE_FILES = 20  # files whose missing words are listed
SAMPLE_WORDS = 15  # words listed for each
# Han ideographs (with the compatibility and supplementary planes) and kana.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
WORD = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])[^\\W_])+")
# Readers disagree on hyphens at line ends ("oasis-\nopen": pdftotext joins the halves, pdfium
# keeps the hyphen): every reading drops hyphens inside words, so "oasis-open" is "oasisopen".
HYPHEN_IN_WORD = re.compile(r"(?<=\w)[-\u00ad\u2010\u2011]\s*(?=\w)")
# And on letter-spaced words ("t h e i r" in a scanned page's text layer: pdftotext reads the
# letters, pdfium the word; a table cell of a letter a line, which python-pptx joins with
# vertical tabs and slideshelf with spaces): in every reading, letters standing alone side by
# side on a line are one word.
LETTER_SPACED = re.compile(r"(?<!\w)[^\W\d_](?!\w)(?:[^\S\n]+[^\W\d_](?!\w))+")
MARKITDOWN_SLIDE = re.compile(r"<!-- Slide number: \d+ -->")

Reading = list[str]  # one text a slide


# --- words and recall ---------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """The text's words in order, as every reading's are compared."""
    normal = HYPHEN_IN_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
    return WORD.findall(LETTER_SPACED.sub(lambda run: "".join(run[0].split()), normal))


def words(text: str) -> Counter[str]:
    return Counter(tokens(text))


def findable(text: str) -> Counter[str]:
    """A candidate's words, and each run of two or three side by side written as one.

    Readers disagree on where the spaces go in letter-spaced text ("A l e t t e r" is one
    word to the reference, "A lette r" to pdfium): a reference word the candidate has split
    over words side by side was read.
    """
    found = tokens(text)
    counted = Counter(found)
    for length in (2, 3):
        counted.update("".join(found[i : i + length]) for i in range(len(found) - length + 1))
    return counted


@dataclass(frozen=True)
class Score:
    found: int
    total: int
    by_slide: bool  # False: the slide counts differ, so the whole file was compared
    missing: Counter[str]
    misplaced: int  # missing words that the candidate has, on another slide

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    @property
    def whole_file_recall(self) -> float:
        """The recall had the whole file been compared: words on the wrong slide found too."""
        return (self.found + self.misplaced) / self.total if self.total else 1.0


def score(reference: Reading, candidate: Reading) -> Score:
    """Recall of `candidate` against `reference`, slide by slide when both have as many."""
    by_slide = len(reference) == len(candidate)
    if not by_slide:
        reference, candidate = ["\n".join(reference)], ["\n".join(candidate)]
    missing: Counter[str] = Counter()
    for wanted, got in zip(reference, candidate, strict=True):
        missing += words(wanted) - findable(got)
    whole = words("\n".join(reference))
    anywhere = whole - findable("\n".join(candidate))
    return Score(
        found=whole.total() - missing.total(),
        total=whole.total(),
        by_slide=by_slide,
        missing=missing,
        misplaced=missing.total() - anywhere.total(),
    )


# --- the three readings -------------------------------------------------------------------


def our_slides(path: Path, scratch: Path) -> Reading:
    """Each slide's stored text, from the pipeline's text stages; a LibreOffice that failed
    is given one more try, as the worker retries it."""
    try:
        return _run_text_stages(path, scratch)
    except TransientError:
        return _run_text_stages(path, scratch)


def _run_text_stages(path: Path, scratch: Path) -> Reading:
    folder = Path(tempfile.mkdtemp(prefix="deck-", dir=scratch))
    job = Job(path, folder, job_config())
    try:
        for stage in TEXT_STAGES:
            stage.run(job)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [stored_text(slide.text) for slide in job.slides]


def stored_text(text: SlideText) -> str:
    """The slide's fields as results.py stores them on the Slide row."""
    return "\n".join([text.title, text.body, text.notes, *text.alt_texts, *text.tables])


def markitdown_slides(convert: Callable[[str], str], path: Path) -> Reading:
    """MarkItDown's Markdown cut into slides: at its slide markers, else at page breaks."""
    markdown = convert(str(path))
    if MARKITDOWN_SLIDE.search(markdown):
        return MARKITDOWN_SLIDE.split(markdown)[1:]
    pages = markdown.split("\f")
    return pages[:-1] if len(pages) > 1 and not pages[-1].strip() else pages


def reference_readers(paths: list[Path], scratch: Path) -> dict[Path, Callable[[], Reading]]:
    """How each file is read independently; the PPT and ODP decks are saved as PPTX first,
    by one LibreOffice run over them all."""
    office_files = [p for p in paths if p.parent.name not in ("pptx", "pdf")]
    saved = office_to_pptx(office_files, scratch / "reference") if office_files else {}
    readers: dict[Path, Callable[[], Reading]] = {}
    for path in paths:
        if path.parent.name == "pdf":
            readers[path] = lambda path=path: pdf_pages(path)
        elif path.parent.name == "pptx":
            readers[path] = lambda path=path: pptx_slides(path)
        elif path in saved:
            readers[path] = lambda pptx=saved[path]: pptx_slides(pptx)
    return readers


def reader_name(path: Path) -> str:
    return {"pdf": "pdftotext", "pptx": "python-pptx"}.get(path.parent.name, "LO+python-pptx")


# --- one file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileResult:
    name: str
    reader: str
    slides: str  # the reference's slide count, and ours where it differs
    total: int  # words in the reference
    ours: Score | None  # None: our conversion failed
    theirs: Score | None  # None: MarkItDown fails on the file
    error: str = ""  # why the reference or our conversion failed

    @property
    def below_target(self) -> bool:
        return self.ours is not None and self.ours.recall < TARGET

    @property
    def below_markitdown(self) -> bool:
        """Like for like: when MarkItDown's slides could not be told apart, whole files."""
        if self.ours is None or self.theirs is None:
            return False
        ours = self.ours.recall if self.theirs.by_slide else self.ours.whole_file_recall
        return ours < self.theirs.recall

    @property
    def counted(self) -> bool:
        """Whether the file has words to recall and we read it."""
        return self.total > 0 and self.ours is not None


def measure(
    path: Path,
    reference: Callable[[], Reading] | None,
    convert: Callable[[str], str],
    scratch: Path,
) -> FileResult:
    name, reader = f"{path.parent.name}/{path.name}", reader_name(path)
    try:
        if reference is None:
            raise RuntimeError("LibreOffice did not save it as PPTX")
        wanted = reference()
    except Exception as failure:  # an unreadable file is reported, not measured
        return FileResult(name, reader, "-", 0, None, None, f"reference: {_reason(failure)}")
    try:
        ours = our_slides(path, scratch)
    except ConversionError as failure:
        return FileResult(name, reader, str(len(wanted)), 0, None, None, failure.message)
    try:
        theirs = score(wanted, markitdown_slides(convert, path))
    except Exception:  # MarkItDown cannot read the file
        theirs = None
    slides = str(len(wanted)) if len(ours) == len(wanted) else f"{len(wanted)}/{len(ours)}"
    mine = score(wanted, ours)
    return FileResult(name, reader, slides, mine.total, mine, theirs)


def _reason(failure: Exception) -> str:
    return f"{type(failure).__name__}: {' '.join(str(failure).split())[:100]}"


# --- the report ---------------------------------------------------------------------------


def file_table(results: list[FileResult]) -> list[str]:
    return table(
        ["file", "reference", "slides", "words", "ours", "MarkItDown", "mark"],
        [
            [
                r.name[:58],
                r.reader,
                r.slides,
                r.total,
                _recall(r.ours, r.total),
                _recall(r.theirs, r.total) if r.ours else "-",
                _mark(r),
            ]
            for r in results
        ],
    )


def _recall(found: Score | None, total: int) -> str:
    if found is None:
        return "fails"
    if not total:
        return "-"
    return f"{found.recall:.3f}" + ("" if found.by_slide else "*")


def _mark(result: FileResult) -> str:
    if result.error:
        return "not measured"
    marks = [
        "< 0.97" if result.below_target else "",
        "< MarkItDown" if result.below_markitdown else "",
    ]
    return ", ".join(mark for mark in marks if mark)


def summary(results: list[FileResult]) -> list[str]:
    counted = [r for r in results if r.counted]
    both = [r for r in counted if r.theirs is not None]
    met = [r for r in counted if not r.below_target]
    level = [r for r in both if not r.below_markitdown]
    lines = [
        f"files: {len(results)}; with reference words and read by us: {len(counted)}; "
        f"also read by MarkItDown: {len(both)}",
        *_spread("ours", [r.ours for r in counted]),
        *_spread("ours, files MarkItDown reads", [r.ours for r in both]),
        *_spread("MarkItDown", [r.theirs for r in both]),
        f"Target: recall ≥ {TARGET} on every file: {len(met)}/{len(counted)} -> "
        f"{_verdict(len(met) == len(counted))}",
        f"Target: recall ≥ MarkItDown's on every file it reads: {len(level)}/{len(both)} -> "
        f"{_verdict(len(level) == len(both))}",
    ]
    return lines


def _spread(label: str, scores: list[Score | None]) -> list[str]:
    found = [s for s in scores if s is not None]
    if not found:
        return [f"recall, {label}: no files"]
    recalls = [s.recall for s in found]
    pooled = sum(s.found for s in found) / max(1, sum(s.total for s in found))
    return [
        f"recall, {label}: median {statistics.median(recalls):.3f}, min {min(recalls):.3f}, "
        f"all words pooled {pooled:.3f} ({len(found)} files)"
    ]


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def missing_words(results: list[FileResult]) -> list[str]:
    """For the files that miss a target, worst first: a sample of the words we missed."""
    flagged = [r for r in results if r.below_target or r.below_markitdown]
    flagged.sort(key=lambda r: r.ours.recall if r.ours else 0.0)
    lines = []
    for result in flagged[:SAMPLE_FILES]:
        ours = result.ours
        assert ours is not None
        sample = ", ".join(f"{word}×{n}" if n > 1 else word for word, n in _sample(ours.missing))
        elsewhere = f"; {ours.misplaced} of them on another of our slides" if ours.misplaced else ""
        theirs = _markitdown_beside(ours, result.theirs)
        lines += [
            f"  {result.name}: ours {ours.recall:.3f}{theirs}; "
            f"missing {ours.missing.total()} of {ours.total} words{elsewhere}",
            f"    {sample}",
        ]
    return lines


def _markitdown_beside(ours: Score, theirs: Score | None) -> str:
    if theirs is None:
        return ""
    if theirs.by_slide:
        return f", MarkItDown {theirs.recall:.3f}"
    return (
        f", MarkItDown {theirs.recall:.3f}* (ours over the whole file {ours.whole_file_recall:.3f})"
    )


def _sample(missing: Counter[str]) -> Iterator[tuple[str, int]]:
    yield from missing.most_common(SAMPLE_WORDS)


def failures(results: list[FileResult]) -> list[str]:
    return [f"  {r.name}: {_clip(r.error, 150)}" for r in results if r.error]


def report(mode: Mode, results: list[FileResult]) -> list[str]:
    flagged = missing_words(results) or ["  none"]
    failed = failures(results)
    return [
        f"Text recall ({mode}); corpus {CORPUS}; words: NFKC, casefolded, letter and digit runs",
        "  reference: python-pptx (PPTX), LibreOffice to PPTX then python-pptx (PPT, ODP),",
        "  pdftotext (PDF); notes counted where the reference reads them. Recall is per slide,",
        "  summed over the file; * where the slide counts differ and the whole file is compared.",
        "  Footers count; slide-number and date fields do not; nor does OCR of pictures (skipped).",
        "",
        *file_table(results),
        *(["", "Not measured", *failed] if failed else []),
        "",
        *summary(results),
        "",
        "Missing words, files below a target (worst first; word×times)",
        *flagged,
    ]


# --- the whole benchmark ------------------------------------------------------------------


def corpus_files(mode: Mode, include_huge: bool) -> list[Path]:
    if mode is Mode.SMOKE:
        return [CORPUS / name for name in SMOKE_FILES]
    skipped = set() if include_huge else {CORPUS / name for name in HUGE}
    found = []
    for folder in FOLDERS:
        files = sorted(p for p in (CORPUS / folder).iterdir() if p.is_file() and p not in skipped)
        found += files[:QUICK_FILES] if mode is Mode.QUICK else files
    return found


def run(mode: Mode = Mode.FULL, include_huge: bool = False) -> list[str]:
    """Every file's recall and the summary; Django must be set up (bench/environment.py)."""
    from markitdown import MarkItDown  # a dev dependency: imported only when benchmarking

    converter = MarkItDown()
    paths = corpus_files(mode, include_huge)
    with office_and_scratch() as scratch:
        _progress("the reference: LibreOffice saves the PPT and ODP decks as PPTX")
        readers = reference_readers(paths, scratch)
        results = []
        for path in paths:
            result = measure(path, readers.get(path), _markdown_of(converter), scratch)
            _progress(f"{result.name}: {_recall(result.ours, result.total)}")
            results.append(result)
    return report(mode, results)


def _markdown_of(converter) -> Callable[[str], str]:
    return lambda path: converter.convert(path).markdown


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _progress(message: str) -> None:
    print(f"  [text recall] {message}", file=sys.stderr, flush=True)
