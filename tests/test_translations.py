from __future__ import annotations

import datetime
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from slideshelf.presentations.models import Collection, Presentation
from tests.conftest import CORPUS, REPO
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)

CATALOGUE = REPO / "slideshelf/locale/sv/LC_MESSAGES/django.po"
PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"


@dataclass
class Entry:
    msgid: str = ""
    plural: str = ""
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False
    context: str = ""


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r'\\(["\\n])', lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def read_po(path: Path) -> list[Entry]:
    """A tiny reader: enough of the PO format for what makemessages writes."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, target = Entry(), None
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            elif line.startswith("#~"):
                target = None  # an obsolete entry
                entry.msgid = ""
                break
            elif line.startswith("msgctxt"):
                entry.context = _unquote(line)
            elif line.startswith("msgid_plural"):
                entry.plural, target = _unquote(line), "plural"
            elif line.startswith("msgid"):
                entry.msgid, target = _unquote(line), "msgid"
            elif line.startswith("msgstr"):
                entry.msgstrs.append(_unquote(line))
                target = "msgstr"
            elif line.startswith('"') and target == "msgid":
                entry.msgid += _unquote(line)
            elif line.startswith('"') and target == "plural":
                entry.plural += _unquote(line)
            elif line.startswith('"') and target == "msgstr":
                entry.msgstrs[-1] += _unquote(line)
        if entry.msgid:
            entries.append(entry)
    return entries


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\([a-z_]+\)s|\{[a-z_]+\}", text))


def test_swedish_catalogue_has_no_untranslated_or_fuzzy_entries():
    header = CATALOGUE.read_text(encoding="utf-8").split("\n\n")[0]
    entries = read_po(CATALOGUE)
    assert len(entries) > 40, "the catalogue looks empty: is the reader out of date?"
    assert "#, fuzzy" not in header
    assert [e.msgid for e in entries if e.fuzzy] == []
    assert [e.msgid for e in entries if not all(e.msgstrs)] == []
    assert [e.msgid for e in entries if e.plural and len(e.msgstrs) != 2] == []
    for entry in entries:
        # A singular may leave out the number ("the last day"), a plural form may not.
        one, *many = entry.msgstrs
        assert placeholders(one) <= placeholders(entry.msgid + entry.plural), entry.msgid
        for msgstr in many:
            assert placeholders(msgstr) == placeholders(entry.plural), entry.msgid
        if not entry.plural:
            assert placeholders(one) == placeholders(entry.msgid), entry.msgid


def test_compiled_catalogue_matches_the_po_file():
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in read_po(CATALOGUE):
        if entry.plural:
            assert compiled.ngettext(entry.msgid, entry.plural, 1) == entry.msgstrs[0]
            assert compiled.ngettext(entry.msgid, entry.plural, 5) == entry.msgstrs[1]
        elif entry.context:
            assert compiled.pgettext(entry.context, entry.msgid) == entry.msgstrs[0]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstrs[0], "run make messages"


def _template_msgids(source: str) -> set[str]:
    found = set(re.findall(r"""{%\s*translate\s+(?:"([^"]+)"|'([^']+)')""", source))
    msgids = {a or b for a, b in found}
    for block in re.findall(r"{%\s*blocktranslate\b[^%]*%}(.*?){%\s*(?:plural|end)", source, re.S):
        msgids.add(re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", block))
    return msgids


def test_every_template_string_is_in_the_swedish_catalogue():
    templates = [
        path
        for path in (REPO / "slideshelf").rglob("templates/**/*.html")
        if "demo" not in path.parts
    ]
    wanted = set().union(*(_template_msgids(p.read_text()) for p in templates))
    # makemessages doubles a literal % in {% translate %}; the tag undoes it when rendering.
    known = {entry.msgid.replace("%%", "%") for entry in read_po(CATALOGUE)}
    assert "Speaker notes" in wanted, "the template scan is out of date"
    assert sorted(wanted - known) == [], "run make messages and translate the new strings"


@pytest.fixture
def deck(media):
    first = convert_now(upload(PDF, title="Umlaute", tags=["tyska"]))
    convert_now(upload(PDF, title="Mehr Umlaute", tags=["tyska"]))
    return first


def test_presentation_page_is_in_swedish_for_swedish_visitors(client, deck):
    html = client.get(deck.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<html lang="sv">' in html
    assert "En presentation över ämnet: Umlaute" in html
    assert "Presentationens avskrift" in html
    assert "Liknande presentationer" in html
    assert "Hoppa till innehållet" in html
    assert "1 bild" in html
    assert "Similar presentations" not in html


def test_presentation_page_is_in_english_for_english_visitors(client, deck):
    html = client.get(deck.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "A presentation on the topic: Umlaute" in html
    assert "The presentation's transcript" in html
    assert "Similar presentations" in html
    assert "Presentationens avskrift" not in html


def test_language_link_sets_the_cookie_and_returns_to_the_page(client, deck):
    response = client.get("/language/sv/?next=/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    assert settings.LANGUAGE_COOKIE_NAME == "django_language"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv">' in html and "Senaste presentationerna" in html


def test_language_link_never_sends_visitors_off_site(client, db):
    for target in ("https://evil.example/", "//evil.example/"):
        response = client.get("/language/en/", {"next": target})
        assert response["Location"] == "/", target


def test_dates_are_written_in_the_visitors_language(client, deck):
    moment = datetime.datetime(2026, 3, 5, 12, tzinfo=datetime.UTC)
    Presentation.objects.update(created_at=moment)
    event = Collection.objects.create(name="Vårmötet", slug="varmotet", date=moment.date())
    Presentation.objects.filter(pk=deck.pk).update(collection=event)
    assert timezone.is_aware(moment)
    for url in ("/", "/c/varmotet/", deck.get_absolute_url()):
        swedish = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert ">5 mars 2026</time>" in swedish, url
        assert ">March 5, 2026</time>" in english, url
