"""How long each stage of the pipeline takes and how attempts end, kept for /metrics.

Workers are processes of their own, often on hosts of their own, and Prometheus asks a web
process. prometheus_client's multiprocess files add up the processes of one host only, so
what a worker measures goes to the database instead: a histogram's bucket counts and sums,
and a count per result, added to with F() expressions (`models.StageTime`, `AttemptCount`).
Every web process then reads the same figures when it is scraped. They are written once per
attempt, after its stages, in one transaction: a few small UPDATEs beside the seconds or
minutes of work they measure. Measuring never fails a conversion: a database that refuses the
write loses that attempt's figures, and says so in the log.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import DatabaseError, transaction

from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.models import AttemptCount, StageTime
from slideshelf.conversion.stages import STAGES, Stage

log = logging.getLogger(__name__)

# Upper bounds in seconds: from a preflight's tenth of a second to a LibreOffice timeout.
STAGE_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, math.inf)


class Result(StrEnum):
    """How the pipeline ended an attempt. Publishing comes after it, and rarely fails; the
    decks' own statuses say how many are ready or failed."""

    CONVERTED = "converted"  # every stage ran
    REFUSED = "refused"  # the file is the problem (a PermanentError): the deck fails
    TRANSIENT = "transient"  # the machinery failed (a TransientError): tried again
    UNEXPECTED = "unexpected"  # any other error, a bug until shown otherwise
    STOPPED = "stopped"  # the worker was told to stop: the deck goes back in the queue


def stage_label(stage: Stage) -> str:
    """A stage's name in the figures: its class's, in snake case (`ConvertToPdf`:
    `convert_to_pdf`). `Stage.name` is what the uploader is shown, and two stages share one."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(stage).__name__).lower()


@dataclass
class Attempt:
    """The stages of one attempt, timed as they run."""

    times: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, stage: Stage) -> Iterator[None]:
        """Time `stage`, whether it ends well or not: a timeout is the time that matters most."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.times.append((stage_label(stage), time.monotonic() - started))


@contextmanager
def attempt() -> Iterator[Attempt]:
    """Time an attempt's stages; as it ends, record their times and its result."""
    timed = Attempt()
    try:
        yield timed
    except BaseException as error:
        _record(timed.times, result_of(error))
        raise
    _record(timed.times, Result.CONVERTED)


def result_of(error: BaseException) -> Result:
    if isinstance(error, PermanentError):
        return Result.REFUSED
    if isinstance(error, TransientError):
        return Result.TRANSIENT
    if isinstance(error, Exception):
        return Result.UNEXPECTED
    return Result.STOPPED  # SystemExit, KeyboardInterrupt


def bucket_of(seconds: float) -> float:
    return next(bound for bound in STAGE_BUCKETS if seconds <= bound)


def _record(times: list[tuple[str, float]], result: Result) -> None:
    try:
        with transaction.atomic():
            for stage, seconds in times:
                StageTime.add(stage, bucket_name(bucket_of(seconds)), seconds)
            AttemptCount.add(result)
    except DatabaseError as error:
        log.warning("this attempt's timings were not recorded: %s", error)


def bucket_name(bound: float) -> str:
    """A bucket's upper bound as Prometheus writes it: "0.5", "1.0", "+Inf"."""
    return "+Inf" if math.isinf(bound) else repr(bound)


@dataclass(frozen=True)
class StageHistogram:
    stage: str
    buckets: list[tuple[float, int]]  # (upper bound, runs that took at most that), cumulative
    seconds: float  # all runs' together


def stage_histograms() -> list[StageHistogram]:
    """Every stage's histogram, in pipeline order, with zeros for stages not yet run.

    A row kept under a bound that is no longer one of STAGE_BUCKETS counts in the next bound
    up: its runs took at most its own bound, so at most that one too.
    """
    counts: dict[str, dict[float, int]] = {}
    sums: dict[str, float] = {}
    for row in StageTime.objects.all():
        bound = bucket_of(float(row.bucket))
        per_bucket = counts.setdefault(row.stage, {})
        per_bucket[bound] = per_bucket.get(bound, 0) + row.count
        sums[row.stage] = sums.get(row.stage, 0.0) + row.seconds
    stages = dict.fromkeys([stage_label(stage) for stage in STAGES] + sorted(counts))
    return [
        StageHistogram(name, _cumulative(counts.get(name, {})), sums.get(name, 0.0))
        for name in stages
    ]


def _cumulative(per_bucket: dict[float, int]) -> list[tuple[float, int]]:
    running, buckets = 0, []
    for bound in STAGE_BUCKETS:
        running += per_bucket.get(bound, 0)
        buckets.append((bound, running))
    return buckets


def attempt_counts() -> dict[str, int]:
    """Attempts by result, every result named (0 until it happens)."""
    counts = dict.fromkeys([result.value for result in Result], 0)
    counts.update(AttemptCount.objects.values_list("result", "count"))
    return counts
