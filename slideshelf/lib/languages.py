"""A deck's language as a visitor reads it: its name, in the visitor's language."""

from __future__ import annotations

from django.utils.translation import get_language_info


def language_name(code: str) -> str:
    """The language's name in the visitor's language; the code when Django does not know it
    (language detection knows some Django has no name for: "zh", "la", "mt", …)."""
    for candidate in (code, code.split("-")[0]) if code else ():
        try:
            return str(get_language_info(candidate)["name_translated"]).capitalize()
        except KeyError:
            continue
    return code
