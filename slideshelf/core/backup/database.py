"""The database's part of a backup: a copy of one instant, and putting it back.

SQLite is copied with its online backup, in one step: every page is read under one read lock,
so the copy is of one instant however busy the worker is (in WAL mode, writers go on
meanwhile). PostgreSQL is copied with `pg_dump --format=custom`, reading a snapshot this
process exported, so the counts the manifest records are of the very rows the dump holds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from django.contrib.auth.models import User
from django.db import OperationalError, connection, transaction
from django.db.models import Model

from slideshelf.core.backup.manifest import BackupError, Counts
from slideshelf.presentations.models import Presentation, Slide

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
FILES = {SQLITE: "database.sqlite3", POSTGRESQL: "database.pgdump"}
NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
COUNTED: tuple[type[Model], ...] = (User, Presentation, Slide)  # in the order of Counts


def engine() -> str:
    if connection.vendor not in FILES:
        raise BackupError(f"slideshelf backs up SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


@contextlib.contextmanager
def reachable() -> Iterator[None]:
    """A database that cannot be reached (or is locked past its timeout), said in a line
    rather than a traceback."""
    try:
        yield
    except OperationalError as error:
        said = " ".join(str(error).split())
        raise BackupError(f"The database cannot be used: {said}.") from error


def check_program(name: str) -> None:
    """Before anything is written: on PostgreSQL, its own program (pg_dump or pg_restore)
    does the copying."""
    if engine() == POSTGRESQL:
        _program(name)


def copy_database(folder: Path) -> tuple[str, Counts]:
    """The database as it is now, into `folder`; its file's name and what it holds."""
    name = FILES[engine()]
    copy = _copy_sqlite if engine() == SQLITE else _dump_postgres
    return name, copy(folder / name)


def counts() -> Counts:
    people, decks, slides = (model._default_manager.count() for model in COUNTED)
    return Counts(people, decks, slides)


def is_migrated() -> bool:
    """Whether the site's tables are there: a new database has none until `migrate`."""
    return Presentation._meta.db_table in connection.introspection.table_names()


def put_back(copy: Path) -> None:
    """The copy in place of this site's database, which holds nothing (restore checked)."""
    connection.close()
    if engine() == SQLITE:
        _restore_sqlite(copy)
    else:
        _restore_postgres(copy)
    connection.close()


def _copy_sqlite(target: Path) -> Counts:
    live = str(connection.settings_dict["NAME"])
    with closing(sqlite3.connect(live)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # every page in one step: one read lock, so one instant
        # One self-contained file, opened read-only at restore: no write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        people, decks, slides = (_count(copy, model) for model in COUNTED)
    return Counts(people, decks, slides)


def _count(copy: sqlite3.Connection, model: type[Model]) -> int:
    table = model._meta.db_table  # the model's own: nothing from outside reaches this SQL
    return int(copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608


def _restore_sqlite(copy: Path) -> None:
    live = str(connection.settings_dict["NAME"])
    timeout = connection.settings_dict["OPTIONS"].get("timeout", 20)
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    # Through SQLite, not a file copy: a write-ahead log left beside the old file would be
    # read into the new one.
    with closing(source), closing(sqlite3.connect(live, timeout=timeout)) as target:
        source.backup(target)


def _dump_postgres(target: Path) -> Counts:
    if connection.in_atomic_block:
        raise BackupError("A backup cannot be taken inside a transaction.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        # This transaction stays open until pg_dump has read its snapshot (and after).
        _run(_program("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={target}")
        return counts()


def _restore_postgres(dump: Path) -> None:
    # A database `migrate` made has the tables but no rows worth keeping (restore checked):
    # this site's tables go, so a backup older than this slideshelf's models comes back
    # whole and `migrate` then adds what it lacks. Tables of anything else are left alone.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    name = str(connection.settings_dict["NAME"])
    try:
        _run(
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={name}",
            str(dump),
        )
    except BackupError as error:
        raise BackupError(
            f"{error}; the database is left without slideshelf's tables, which `slideshelf "
            "migrate` makes again."
        ) from None


def _program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is not installed: PostgreSQL's client programs (the postgresql-client "
            "package) back up and restore a PostgreSQL site."
        )
    return found


def _run(program: str, *args: str) -> None:
    """Run pg_dump or pg_restore against this site's database; its own words when it fails."""
    done = subprocess.run(
        [program, *args], env=_libpq_environment(), capture_output=True, text=True, check=False
    )
    if done.returncode:
        said = " ".join(done.stderr.split()) or f"exit status {done.returncode}"
        raise BackupError(f"{Path(program).name} failed: {said}")


def _libpq_environment() -> dict[str, str]:
    """The connection's parameters as libpq's variables: the password never on a command
    line, and Django's own translation of the SSL and service options."""
    settings = connection.settings_dict
    _args, extra = connection.client.settings_to_cmd_args_env(settings, [])
    named = {
        "PGHOST": settings["HOST"],
        "PGPORT": settings["PORT"],
        "PGUSER": settings["USER"],
        "PGDATABASE": settings["NAME"],
    }
    return {
        **os.environ,
        **{key: str(value) for key, value in named.items() if value},
        **(extra or {}),
    }
