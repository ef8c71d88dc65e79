"""What /healthz checks, and which checks decide its answer.

A load balancer takes a web host out when /healthz is not 200, so only what a web host needs to
serve pages decides: the database and the file storage. The queue and LibreOffice are reported
and decide nothing. A long queue is the workers' trouble, not the web hosts': taking them out
would turn slow conversions into a site that is down. A web host needs no LibreOffice at all
when its workers run elsewhere.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from slideshelf.conversion import backlog
from slideshelf.conversion.containment import missing_guards
from slideshelf.conversion.office import office_available
from slideshelf.core.monitoring.probes import Finding, Probe, ask

REQUIRED = ("database", "storage")
# A load balancer's own timeout is often 2 to 5 s: it hears "no answer" from us first.
TIMEOUT = 2.0
KEEP = 2.0  # seconds a finding is kept; LibreOffice's is kept by the process anyway
# What may help an attacker pick a way in, shown only to the addresses /metrics answers.
PRIVATE_DETAILS = ("missing_guards",)


def database() -> Finding:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return Finding(True)


def storage() -> Finding:
    """The store's root can be listed (a local folder, or an object store's bucket), through
    the storage API whatever the store is."""
    # A new site's media folder is made with the first file stored.
    with contextlib.suppress(FileNotFoundError):
        default_storage.listdir("")
    return Finding(True)


def queue() -> Finding:
    """Slow, not failed, when a conversion has waited longer than SLIDESHELF_QUEUE_AGE_LIMIT."""
    oldest, limit = backlog.oldest_wait(), settings.QUEUE_AGE_LIMIT
    details = {"waiting": backlog.depth(), "oldest_seconds": round(oldest, 1)}
    return Finding(oldest <= limit, {**details, "limit_seconds": limit})


def office() -> Finding:
    """LibreOffice and its Python bridge, and the guards around it this machine cannot give."""
    available = office_available(settings.SOFFICE, settings.OFFICE_PYTHON)
    return Finding(available, {"missing_guards": missing_guards(settings.OFFICE_ISOLATE_NETWORK)})


PROBES = (
    Probe("database", database, KEEP),
    Probe("storage", storage, KEEP),
    Probe("queue", queue, KEEP),
    Probe("office", office, KEEP),
)


@dataclass(frozen=True)
class Health:
    checks: dict[str, Finding]

    @property
    def ok(self) -> bool:
        return all(self.checks[name].ok for name in REQUIRED)

    def as_json(self, private: bool) -> dict[str, object]:
        """/healthz's body; `private` adds what only the site's operators should read."""
        checks = {
            name: {"ok": finding.ok, "required": name in REQUIRED, **finding.details}
            for name, finding in self.checks.items()
        }
        if not private:
            for details in checks.values():
                for key in PRIVATE_DETAILS:
                    details.pop(key, None)
        return {"status": "ok" if self.ok else "fail", "checks": checks}


def check() -> Health:
    return Health(ask(PROBES, TIMEOUT))


def forget() -> None:
    """Check afresh at the next request (tests, after changing what is checked)."""
    for probe in PROBES:
        probe.forget()
