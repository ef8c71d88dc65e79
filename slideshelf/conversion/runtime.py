"""The worker process's long-lived helpers: one warm LibreOffice and its PDF processes."""

from __future__ import annotations

import atexit
from functools import cache

from django.conf import settings

from slideshelf.conversion.containment import Limits
from slideshelf.conversion.job import JobConfig
from slideshelf.conversion.office.client import OfficeClient, office_available
from slideshelf.conversion.pdf_pool import PdfPool
from slideshelf.conversion.render import RenderSettings


@cache
def get_office() -> OfficeClient | None:
    if not office_available(settings.SOFFICE, settings.OFFICE_PYTHON):
        return None
    office = OfficeClient(
        soffice=settings.SOFFICE,
        python=settings.OFFICE_PYTHON,
        timeout=settings.OFFICE_TIMEOUT,
        restart_after=settings.OFFICE_RESTART_AFTER,
        limits=office_limits(),
        isolate_network=settings.OFFICE_ISOLATE_NETWORK,
    )
    atexit.register(office.stop)
    return office


def office_limits() -> Limits:
    return Limits(
        memory_bytes=settings.OFFICE_MEMORY_MB * 2**20,
        cpu_seconds=settings.OFFICE_CPU_SECONDS,
        uid_base=settings.OFFICE_UID_BASE,
    )


@cache
def get_pdf_pool() -> PdfPool:
    limits = Limits(
        memory_bytes=settings.RENDER_MEMORY_MB * 2**20,
        cpu_seconds=settings.RENDER_CPU_SECONDS,
        uid_base=settings.OFFICE_UID_BASE,
    )
    pool = PdfPool(settings.RENDER_PROCESSES, limits, settings.OFFICE_ISOLATE_NETWORK)
    atexit.register(pool.shutdown)
    return pool


def job_config() -> JobConfig:
    return JobConfig(
        max_bytes=settings.MAX_UPLOAD_BYTES,
        max_unzipped_bytes=settings.MAX_UNZIPPED_BYTES,
        max_zip_entries=settings.MAX_ZIP_ENTRIES,
        max_slides=settings.MAX_SLIDES,
        render=RenderSettings(
            width=settings.SLIDE_IMAGE_WIDTH,
            thumb_width=settings.SLIDE_THUMB_WIDTH,
            max_pixels=settings.SLIDE_MAX_PIXELS,
            quality=settings.WEBP_QUALITY,
            method=settings.WEBP_METHOD,
            width_2x=settings.SLIDE_IMAGE_WIDTH_2X,
            thumb_width_2x=settings.SLIDE_THUMB_WIDTH_2X,
        ),
        ocr_languages=settings.OCR_LANGUAGES,
    )
