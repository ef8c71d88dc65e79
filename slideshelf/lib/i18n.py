"""Marking a message for translation without translating it, and without Django's settings."""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """`message` as it is, marked for `makemessages` (which finds any call by this name).

    Django's own `gettext_noop` reads `settings.USE_I18N` on its first call, so a module that
    marks its messages at import time could not be imported before settings exist: the render
    pool's fresh interpreters and the benchmarks import conversion modules that way.
    """
    return message
