"""The conversion queue as monitoring sees it: how many decks wait, and for how long, and how
many are in each state.

Read from the database when asked (by /healthz and by a scrape of /metrics), so every web
process of every host gives the same answer, however many workers there are and wherever.
"""

from __future__ import annotations

from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from slideshelf.conversion.models import Conversion, Status
from slideshelf.conversion.tasks import convert_task


def depth() -> int:
    """Decks queued for conversion, retries waiting out their delay included."""
    return Conversion.objects.filter(status=Status.QUEUED).count()


def by_status() -> dict[str, int]:
    """Decks by their conversion's status (queued, converting, ready, failed), every status
    named (0 when no deck has it)."""
    counts = dict.fromkeys(Status.values, 0)
    counts.update(Conversion.objects.values_list("status").annotate(Count("pk")).order_by())
    return counts


def oldest_wait() -> float:
    """Seconds the conversion job due longest ago has been waiting for a worker; 0 when none.

    A job counts from when it was due: a retry waiting out its delay is not yet waiting, and
    one that was delayed waits from the end of its delay, not from when it was queued.
    """
    forever = get_date_max()  # django-tasks' `run_after` of a job that was not delayed
    due = DBTaskResult.objects.ready().filter(task_path=convert_task.module_path)
    since = due.aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=forever)),
        delayed=Min("run_after", filter=~Q(run_after=forever)),
    )
    starts = [moment for moment in since.values() if moment is not None]
    if not starts:
        return 0.0
    waited: float = (timezone.now() - min(starts)).total_seconds()
    return max(waited, 0.0)
