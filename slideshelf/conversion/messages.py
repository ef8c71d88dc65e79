"""Conversion messages, stored untranslated and shown in each reader's language.

The worker has no visitor, so a failure is stored as `{"msgid": ..., "params": {...}}`: the
English text with `%(name)s` placeholders (marked with `gettext_noop` where it is written, so
`makemessages` finds it) and its parameters. A parameter is a number, a string shown as it is
(a file name, a program's own error text), or a message of its own: a fixed phrase such as
"a PNG image", or the reason a replacement was refused. Only messages are translated, so a file
that happens to be called "Done" keeps its name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext

Message = dict[str, Any]


def message(msgid: str, **params: Any) -> Message:
    """A message to store; `msgid` must already be marked with `gettext_noop`."""
    return {"msgid": msgid, "params": params}


def english(error_message: Message) -> str:
    """The message in English, as logs, the command line and the `error` column show it."""
    return _render(error_message, str, lambda number: f"{number:,}")


def translated(error_message: Message, fallback: str = "") -> str:
    """The message in the active language; `fallback` for rows stored before messages were."""
    if not error_message.get("msgid"):
        return fallback
    try:
        return _render(
            error_message, gettext, lambda number: number_format(number, force_grouping=True)
        )
    except (KeyError, TypeError, ValueError):
        # A translation with a mistyped placeholder must not break the page: show the English.
        return english(error_message)


def _render(
    error_message: Message, translate: Callable[[str], str], number: Callable[[Any], str]
) -> str:
    text = translate(error_message["msgid"])
    params = error_message.get("params") or {}
    if not params:
        return text
    values = {}
    for name, value in params.items():
        if isinstance(value, dict):
            values[name] = _render(value, translate, number)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = number(value)
        else:
            values[name] = str(value)
    return text % values
