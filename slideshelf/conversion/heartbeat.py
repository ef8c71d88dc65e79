"""A converting deck's sign of life, so that a dead worker's deck can be told from a slow one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from django.db import OperationalError, connection

from slideshelf.conversion.models import beat


@contextmanager
def heartbeat(deck_id: int, every: float) -> Iterator[None]:
    """Keep the deck's heartbeat fresh while a long stage (LibreOffice) gives no progress, or the
    outcome waits for room on the disk."""
    stop = threading.Event()

    def loop() -> None:
        try:
            while not stop.wait(every):
                # A database busy or full just now: this beat is lost, the next one may not be.
                # The thread must live on, or the deck would look abandoned once it is not.
                with suppress(OperationalError):
                    beat(deck_id)
        finally:
            connection.close()

    thread = threading.Thread(target=loop, name=f"heartbeat-{deck_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
