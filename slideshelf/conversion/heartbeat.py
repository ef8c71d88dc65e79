"""A converting deck's sign of life, so that a dead worker's deck can be told from a slow one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from slideshelf.conversion.models import beat


@contextmanager
def heartbeat(deck_id: int, every: float) -> Iterator[None]:
    """Keep the deck's heartbeat fresh while a long stage (LibreOffice) gives no progress."""
    stop = threading.Event()

    def loop() -> None:
        try:
            while not stop.wait(every):
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
