"""Everything the database holds, as text: for tests that prove something is not kept."""

from __future__ import annotations

from django.apps import apps


def everything_stored() -> str:
    return "\n".join(
        f"{model.__name__}: {list(model._default_manager.values())}" for model in apps.get_models()
    )
