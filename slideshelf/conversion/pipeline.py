"""Runs the stages in order over one job; knows nothing of the database but through `measures`,
which keeps how long each stage took and how the run ended, for /metrics."""

from __future__ import annotations

import logging

from slideshelf.conversion import measures
from slideshelf.conversion.job import Job
from slideshelf.conversion.stages import STAGES

log = logging.getLogger(__name__)


def run_stages(job: Job) -> Job:
    """Run every stage; a stage stops the pipeline by raising a ConversionError."""
    with measures.attempt() as attempt:
        for stage in STAGES:
            job.progress(stage.name, 0, 0)
            with attempt.stage(stage):
                stage.run(job)
    return job
