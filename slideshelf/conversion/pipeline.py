"""Runs the stages in order over one job; knows nothing of the database."""

from __future__ import annotations

import logging

from slideshelf.conversion.job import Job
from slideshelf.conversion.stages import STAGES

log = logging.getLogger(__name__)


def run_stages(job: Job) -> Job:
    """Run every stage; a stage stops the pipeline by raising a ConversionError."""
    for stage in STAGES:
        job.progress(stage.name, 0, 0)
        stage.run(job)
    return job
