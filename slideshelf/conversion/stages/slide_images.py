from __future__ import annotations

from slideshelf.conversion.job import Job
from slideshelf.conversion.runtime import get_pdf_pool


class DrawSlides:
    """Every page as a large WebP image for the viewer and a thumbnail."""

    name = "images"

    def run(self, job: Job) -> None:
        assert job.pdf is not None
        total = job.page_count
        job.images = get_pdf_pool().render(
            str(job.pdf),
            total,
            str(job.scratch / "images"),
            job.config.render,
            progress=lambda done: job.progress(self.name, done, total),
        )
