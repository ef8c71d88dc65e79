"""The conversion queue: django-tasks jobs that each convert one deck."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from slideshelf.conversion import services
from slideshelf.conversion.models import Conversion, Status


@task()
def convert_task(deck_id: int) -> str:
    return services.convert(deck_id, requeue=queue_conversion).value


def queue_conversion(conversion: Conversion, delay: float = 0.0) -> None:
    """Put the deck in the queue and enqueue its job, in one transaction."""
    with transaction.atomic():
        if conversion.status != Status.QUEUED:
            conversion.requeue()
        job = convert_task
        if delay:
            job = job.using(run_after=timezone.now() + timedelta(seconds=delay))
        job.enqueue(conversion.pk)
