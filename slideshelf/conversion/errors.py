"""The two ways a conversion stops early.

A stage raises `PermanentError` when the file itself is the problem (corrupt, encrypted,
unsupported): the deck fails once, with the message shown to its owner. It raises
`TransientError` when the machinery failed (LibreOffice died or timed out): the job is
retried with backoff, and fails only when the retries are used up.

The message is an English msgid marked with `gettext_noop` where it is written, with
`%(name)s` placeholders for `params`; it is translated only when shown (see `messages.py`).
"""

from __future__ import annotations

from typing import Any

from slideshelf.conversion.messages import Message, english


class ConversionError(Exception):
    def __init__(self, message: str, **params: Any) -> None:
        self.msgid = message
        self.params = params
        self.message = english(self.as_message())
        super().__init__(self.message)

    def as_message(self) -> Message:
        """The message as stored on the deck, to be shown in each reader's language."""
        return {"msgid": self.msgid, "params": self.params}

    def __reduce__(self) -> tuple[Any, ...]:
        # Pages are rendered in a process pool: keep msgid and params across the pickle.
        return (_rebuild, (type(self), self.msgid, self.params))


def _rebuild(cls: type[ConversionError], msgid: str, params: dict[str, Any]) -> ConversionError:
    return cls(msgid, **params)


class PermanentError(ConversionError):
    def as_message(self) -> Message:
        """The message, marked final: the same file would fail the same way again, so only a
        new file helps, never a retry."""
        return super().as_message() | {"final": True}


class TransientError(ConversionError):
    pass
