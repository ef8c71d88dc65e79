from __future__ import annotations

from django_tasks import task

from slideshelf.conversion import services


@task()
def convert_task(deck_id: int) -> str:
    return services.convert(deck_id).value
