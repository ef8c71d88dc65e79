"""A deck's language as a visitor reads it: its name, in the visitor's language."""

from __future__ import annotations

from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# Languages that detection and search know and Django has no name for.
OWN_NAMES = {"yi": _("Yiddish"), "zh": _("Chinese")}


def language_name(code: str) -> str:
    """The language's name in the visitor's language; the code when neither Django nor
    slideshelf knows it (language detection knows some more: "la", "mt", …)."""
    if code in OWN_NAMES:
        return str(OWN_NAMES[code])
    for candidate in (code, code.split("-")[0]) if code else ():
        try:
            return str(get_language_info(candidate)["name_translated"]).capitalize()
        except KeyError:
            continue
    return code
