"""What `serve` and `worker` make sure of before they start, so that a site never half-works.

A data folder that was only migrated (a new volume, a moved folder) has no collected static
files, and every page would answer 500 for want of their manifest; collecting them is safe, so
`serve` does it. A database behind this version's schema is not fixed here: migrating is a
step for one host of the site, at a time the person chooses, so both commands refuse with the
command to run instead.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor


def ready_for_work() -> None:
    """Refuse, with the command that helps, when the database is not this version's."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(connection)
        waiting = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        raise CommandError(
            f"slideshelf cannot reach its database ({error}); check SLIDESHELF_DATABASE_URL "
            "and that the database server runs."
        ) from error
    finally:
        connection.close()
    if waiting:
        raise CommandError(
            f"The database lacks {len(waiting)} of this version's migrations: "
            "run `slideshelf migrate` first."
        )


def ready_to_serve() -> str | None:
    """`ready_for_work`, and the static files collected when any is missing; what was done,
    in words, or None."""
    ready_for_work()
    missing = static_files_not_collected()
    if not missing:
        return None
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except OSError as error:
        raise CommandError(
            f"The static files are not collected and could not be ({error}): "
            "run `slideshelf collectstatic` as a user who may write them."
        ) from error
    return f"Collected the static files ({missing} were missing)."


def static_files_not_collected() -> int:
    """How many of the static files the pages may name the manifest lacks (all of them
    when there is no manifest); 0 where no manifest is used (DEBUG serves them as found)."""
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return 0
    collected = staticfiles_storage.load_manifest()
    ignored = apps.get_app_config("staticfiles").ignore_patterns  # as collectstatic ignores
    return sum(
        1
        for finder in finders.get_finders()
        for path, _storage in finder.list(ignored)
        if path not in collected
    )
