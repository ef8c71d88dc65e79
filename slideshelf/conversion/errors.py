"""The two ways a conversion stops early.

A stage raises `PermanentError` when the file itself is the problem (corrupt, encrypted,
unsupported): the deck fails once, with `message` shown to its owner. It raises
`TransientError` when the machinery failed (LibreOffice died or timed out): the job is
retried with backoff, and fails only when the retries are used up.
"""

from __future__ import annotations


class ConversionError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermanentError(ConversionError):
    pass


class TransientError(ConversionError):
    pass
