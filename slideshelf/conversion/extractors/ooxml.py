"""Slide text of an OOXML presentation (PPTX, PPTM, PPSX, POTX), read with lxml alone.

python-pptx builds an object for every part and shape; reading the few parts we need
straight from the ZIP with lxml is several times faster and gives us the same text.
"""

from __future__ import annotations

import math
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors.ooxml_chart import chart_table
from slideshelf.conversion.extractors.ooxml_chartex import chartex_table, chartex_title
from slideshelf.conversion.types import DeckText, SlideText
from slideshelf.lib.alt_texts import alt_text
from slideshelf.lib.i18n import gettext_noop
from slideshelf.lib.titles import is_field_text

MAX_PART_BYTES = 50 * 1024 * 1024

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_CX = "{http://schemas.microsoft.com/office/drawing/2014/chartex}"  # Office 2016's charts
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

# ISO Strict OOXML names the same elements in other namespaces; renaming them up front
# lets one reader serve both.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/presentationml/main", _P[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", _A[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/chart", _C[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/diagram", _DGM[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", _R[1:-1].encode()),
)
_TITLE_TYPES = frozenset({"title", "ctrTitle"})
# The slide number, the notes page's header and its picture of the slide: not content.
_SKIP_TYPES = frozenset({"sldNum", "hdr", "sldImg"})
# A footer and a typed date are the author's words, read after the body; never a heading.
_FOOTER_TYPES = frozenset({"ftr", "dt"})
# Fields whose text the program writes in as the slide is shown: not what the author wrote.
_AUTO_FIELDS = ("slidenum", "datetime")
DEFAULT_SIZE = 18.0  # points: PowerPoint's text size when nothing says otherwise
_SHAPES = frozenset({_P + "sp", _P + "pic", _P + "graphicFrame", _P + "cxnSp"})
_XFRM_OFF = (f"{_P}spPr/{_A}xfrm/{_A}off", f"{_P}xfrm/{_A}off")  # shapes; graphic frames

Pos = tuple[float, float]  # (x, y) in EMU on the slide
Affine = tuple[float, float, float, float]  # x' = ax*x + bx, y' = ay*y + by


@dataclass(frozen=True)
class _Item:
    """One readable thing on a slide, with where it sits (None: unknown)."""

    kind: str  # "title", "body", "footer", "table" or "alt"
    text: str
    pos: Pos | None
    heading: str = ""  # a text box's first line, and its font size in points
    size: float = 0.0


class _Package:
    """The ZIP, its relationships and its layouts, each read at most once."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        # OPC part names are case-insensitive, and some writers prefix them with "/".
        self.names = {name.lstrip("/").lower(): name for name in archive.namelist()}
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}
        self._placeholders: dict[str, dict[str, Pos]] = {}
        self._body_sizes: dict[str, float] = {}

    def xml(self, part: str) -> etree._Element | None:
        name = self.names.get(part.lower())
        if name is None:
            return None
        info = self.archive.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise PermanentError(gettext_noop("The part %(part)s is too large to read."), part=part)
        try:
            data = self.archive.read(info)
            if b"purl.oclc.org/ooxml" in data:
                for strict, transitional in _STRICT:
                    data = data.replace(strict, transitional)
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise PermanentError(
                gettext_noop("The part %(part)s is not well-formed XML: %(details)s"),
                part=part,
                details=str(exc),
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise PermanentError(
                gettext_noop("The part %(part)s is damaged and cannot be unpacked."), part=part
            ) from None
        if b"AlternateContent" in data:
            _keep_one_alternative(root)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (relationship type's last word, target part name)."""
        if part not in self._rels:
            folder, base = posixpath.split(part)
            root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
            found: dict[str, tuple[str, str]] = {}
            for rel in root.iter(_PKG_REL) if root is not None else ():
                if rel.get("TargetMode") == "External":
                    continue
                found[rel.get("Id", "")] = (
                    rel.get("Type", "").rsplit("/", 1)[-1],
                    _resolve(folder, rel.get("Target", "")),
                )
            self._rels[part] = found
        return self._rels[part]

    def related(self, part: str, rel_type: str) -> str | None:
        return next((t for kind, t in self.rels(part).values() if kind == rel_type), None)

    def target(self, part: str, rel_id: str | None) -> etree._Element | None:
        """The root of the part a relationship id of `part` points at."""
        name = self.rels(part).get(rel_id or "", ("", ""))[1]
        return self.xml(name) if name else None

    def placeholders(self, part: str) -> dict[str, Pos]:
        """Positions of a layout's or master's placeholders, keyed "idx:N" and "type:T"."""
        if part not in self._placeholders:
            found: dict[str, Pos] = {}
            root = self.xml(part)
            for ph in root.iter(_P + "ph") if root is not None else ():
                shape = ph.getparent().getparent().getparent()  # ph < nvPr < nvSpPr < sp
                pos = _offset(shape, (1.0, 0.0, 1.0, 0.0)) if shape is not None else None
                if pos is not None:
                    found.setdefault(f"idx:{ph.get('idx', '0')}", pos)
                    found.setdefault(f"type:{_master_type(ph.get('type', 'body'))}", pos)
            self._placeholders[part] = found
        return self._placeholders[part]

    def body_size(self, slide: str) -> float:
        """The font size (points) a slide's placeholders inherit from its master's body style."""
        layout = self.related(slide, "slideLayout")
        master = (self.related(layout, "slideMaster") if layout else None) or ""
        if master not in self._body_sizes:
            root = self.xml(master) if master else None
            style = f"{_P}txStyles/{_P}bodyStyle/{_A}lvl1pPr/{_A}defRPr"
            found = root.find(style) if root is not None else None
            self._body_sizes[master] = _points(found) or DEFAULT_SIZE
        return self._body_sizes[master]


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute ("/ppt/...") or relative to the part."""
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def _keep_one_alternative(root: etree._Element) -> None:
    """Replace each mc:AlternateContent by its first Choice (else its Fallback), so the same
    shape is never read twice. The Choice is the richer shape: an Office 2016 chart's
    (Requires="cx1") holds its data, its Fallback only a picture of it or a line saying that
    this PowerPoint cannot show it."""
    for block in list(root.iter(_MC + "AlternateContent")):
        parent = block.getparent()
        chosen = block.find(_MC + "Choice")
        chosen = chosen if chosen is not None else block.find(_MC + "Fallback")
        if parent is not None:
            for child in reversed(list(chosen) if chosen is not None else []):
                block.addnext(child)
            parent.remove(block)


def _master_type(ph_type: str) -> str:
    # Masters only have generic placeholders; a centred title or subtitle inherits from them.
    return {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(ph_type, ph_type)


def _offset(shape: etree._Element, affine: Affine) -> Pos | None:
    for path in _XFRM_OFF:
        off = shape.find(path)
        if off is not None:
            ax, bx, ay, by = affine
            return ax * _emu(off, "x") + bx, ay * _emu(off, "y") + by
    return None


def _emu(el: etree._Element | None, attr: str) -> int:
    try:
        return int(el.get(attr, "0")) if el is not None else 0
    except ValueError:
        return 0  # a damaged coordinate costs only the reading order


def _child_affine(group: etree._Element, affine: Affine) -> Affine:
    """Map a group's child coordinates to slide coordinates (groups have their own space)."""
    xfrm = group.find(f"{_P}grpSpPr/{_A}xfrm")
    if xfrm is None:
        return affine

    def val(name: str, attr: str) -> int:
        return _emu(xfrm.find(_A + name), attr)

    sx = val("ext", "cx") / val("chExt", "cx") if val("chExt", "cx") else 1.0
    sy = val("ext", "cy") / val("chExt", "cy") if val("chExt", "cy") else 1.0
    bx, by = val("off", "x") - val("chOff", "x") * sx, val("off", "y") - val("chOff", "y") * sy
    ax, pbx, ay, pby = affine
    return ax * sx, ax * bx + pbx, ay * sy, ay * by + pby


def _paragraphs(body: etree._Element | None, sep: str = "\n") -> str:
    """Non-empty paragraphs of a text body, a line break (a:br) starting a new line."""
    lines: list[str] = []
    for para in body.iter(_A + "p") if body is not None else ():
        text = "".join(
            "\n" if n.tag == _A + "br" else (n.text or "")
            for n in para.iter(_A + "t", _A + "br")
            if not _is_auto_field(n.getparent())
        )
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return sep.join(lines)


def _is_auto_field(el: etree._Element | None) -> bool:
    """Whether `el` is a slide-number or date field (a:fld), wherever it stands."""
    return el is not None and el.tag == _A + "fld" and el.get("type", "").startswith(_AUTO_FIELDS)


def _points(rpr: etree._Element | None) -> float | None:
    size = rpr.get("sz", "") if rpr is not None else ""
    return int(size) / 100 if size.isdigit() else None  # hundredths of a point


def _first_line(body: etree._Element) -> tuple[str, float | None]:
    """A text body's first line, and the largest font size its paragraph or its box sets."""
    for para in body.iter(_A + "p"):
        line = _paragraphs(para).partition("\n")[0]
        if line:
            sizes = [s for r in para.iter(_A + "rPr") if (s := _points(r)) is not None]
            listed = _points(body.find(f"{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr"))
            return line, max(sizes, default=listed)
    return "", None


def _table(tbl: etree._Element) -> str:
    rows = []
    for tr in tbl.iter(_A + "tr"):
        # An hMerge cell is the hidden continuation of the cell on its left.
        cells = [
            _paragraphs(tc, " ")
            for tc in tr.iter(_A + "tc")
            if tc.get("hMerge") not in ("1", "true")
        ]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _graphic_items(
    pkg: _Package, part: str, frame: etree._Element, pos: Pos | None
) -> Iterator[_Item]:
    data = frame.find(f"{_A}graphic/{_A}graphicData")
    if data is None:
        return
    if (tbl := data.find(_A + "tbl")) is not None:
        yield _Item("table", _table(tbl), pos)
    elif (ids := data.find(_DGM + "relIds")) is not None:
        yield _Item("body", _paragraphs(pkg.target(part, ids.get(_R + "dm"))), pos)
    elif (chart := data.find(_C + "chart")) is not None:
        space = pkg.target(part, chart.get(_R + "id"))
        yield _Item("body", _chart_title(space), pos)
        yield _Item("table", chart_table(space), pos)
    elif (chart := data.find(_CX + "chart")) is not None:
        space = pkg.target(part, chart.get(_R + "id"))
        yield _Item("body", chartex_title(space), pos)
        yield _Item("table", chartex_table(space), pos)


def _chart_title(root: etree._Element | None) -> str:
    title = root.find(f"{_C}chart/{_C}title") if root is not None else None
    if root is None or title is None:
        return ""
    if title.find(_C + "tx") is None:
        # A title with no text of its own shows the name of the chart's only series.
        series = list(root.iter(_C + "ser"))
        title = series[0].find(_C + "tx") if len(series) == 1 else None
        if title is None:
            return ""
    # Typed-in titles are rich text; titles linked to a cell keep the cell's value cached.
    cached = " ".join(v.text or "" for v in title.iter(_C + "v"))
    return _paragraphs(title, " ") or " ".join(cached.split())


def _shape_items(
    pkg: _Package, part: str, shape: etree._Element, ph: etree._Element | None, pos: Pos | None
) -> Iterator[_Item]:
    ph_type = ph.get("type", "body") if ph is not None else ""
    if ph_type in _SKIP_TYPES:
        return
    if shape.tag == _P + "graphicFrame":
        yield from _graphic_items(pkg, part, shape, pos)
    body = shape.find(_P + "txBody")
    text = _paragraphs(body)
    if text and body is not None:
        kind = "title" if ph_type in _TITLE_TYPES else "body"
        if ph_type in _FOOTER_TYPES:
            yield _Item("footer", text, pos)
            return
        line, size = _first_line(body)
        if size is None:  # inherited: from the master for a placeholder, else the default
            size = pkg.body_size(part) if ph is not None else DEFAULT_SIZE
        yield _Item(kind, text, pos, line, size)
    c_nv_pr = shape.find(f"*/{_P}cNvPr")
    if c_nv_pr is not None:
        # The description is the alt text; a picture's title stands in for it.
        title = c_nv_pr.get("title", "") if shape.tag == _P + "pic" else ""
        if alt := alt_text(c_nv_pr.get("descr", ""), title):
            yield _Item("alt", alt, pos)


def _walk(
    pkg: _Package, part: str, tree: etree._Element, affine: Affine, top: bool
) -> Iterator[_Item]:
    for el in tree:
        if el.tag == _P + "grpSp":
            yield from _walk(pkg, part, el, _child_affine(el, affine), top=False)
        elif el.tag in _SHAPES:
            pos = _offset(el, affine)
            ph = el.find(f"*/{_P}nvPr/{_P}ph")
            if pos is None and top and ph is not None:
                pos = _inherited_position(pkg, part, ph)
            yield from _shape_items(pkg, part, el, ph, pos)


def _inherited_position(pkg: _Package, slide: str, ph: etree._Element) -> Pos | None:
    """A placeholder without its own xfrm sits where its layout (or master) puts it."""
    layout = pkg.related(slide, "slideLayout")
    if layout is None:
        return None
    on_layout = pkg.placeholders(layout)
    ph_type = ph.get("type", "body")
    pos = on_layout.get(f"idx:{ph.get('idx', '0')}") or on_layout.get(
        f"type:{_master_type(ph_type)}"
    )
    master = pkg.related(layout, "slideMaster") if pos is None else None
    return pkg.placeholders(master).get(f"type:{_master_type(ph_type)}") if master else pos


def _reading_order(items: list[_Item], band: float) -> list[_Item]:
    """Top band first, then left to right; a thing of unknown place follows its predecessor."""
    keyed: list[tuple[Pos, int, _Item]] = []
    last: Pos = (0.0, 0.0)
    for n, item in enumerate(items):
        last = item.pos or last
        keyed.append((last, n, item))
    keyed.sort(key=lambda k: (k[0][1], k[0][0], k[1]))
    ordered: list[_Item] = []
    row: list[tuple[Pos, int, _Item]] = []
    for entry in keyed:
        if row and entry[0][1] - row[0][0][1] > band:
            ordered += [e[2] for e in sorted(row, key=lambda k: (k[0][0], k[1]))]
            row = []
        row.append(entry)
    return ordered + [e[2] for e in sorted(row, key=lambda k: (k[0][0], k[1]))]


def _notes(pkg: _Package, slide: str) -> str:
    part = pkg.related(slide, "notesSlide")
    root, texts = pkg.xml(part) if part else None, []
    for ph in root.iter(_P + "ph") if root is not None else ():
        if ph.get("type") == "body":
            shape = ph.getparent().getparent().getparent()
            texts.append(_paragraphs(shape.find(_P + "txBody") if shape is not None else None))
    return "\n".join(t for t in texts if t)


def _heading(items: list[_Item]) -> str:
    """The first line of the largest text, the topmost of equals; a date or number is none."""
    lines = [i for i in items if i.kind == "body" and i.heading and not is_field_text(i.heading)]
    if not lines:
        return ""
    return min(lines, key=lambda i: (-i.size, i.pos[1] if i.pos else math.inf)).heading


def _slide(pkg: _Package, part: str, root: etree._Element, band: float) -> SlideText:
    tree = root.find(f"{_P}cSld/{_P}spTree")
    found = [] if tree is None else list(_walk(pkg, part, tree, (1.0, 0.0, 1.0, 0.0), top=True))
    items = _reading_order(found, band)

    def joined(kind: str, sep: str = "\n") -> str:
        return sep.join(i.text for i in items if i.kind == kind and i.text)

    # A title is one heading even when its box wraps or holds a line break.
    title = " ".join(joined("title", " ").split())
    return SlideText(
        title=title,
        heading="" if title else _heading(items),
        body="\n".join(text for text in (joined("body"), joined("footer")) if text),
        notes=_notes(pkg, part),
        alt_texts=tuple(i.text for i in items if i.kind == "alt"),
        tables=tuple(i.text for i in items if i.kind == "table" and i.text),
        hidden=root.get("show") in ("0", "false"),
    )


def extract_deck(path: str) -> DeckText:
    """Every slide of the presentation at `path`, in the order of its slide list."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _extract(_Package(archive))
    except (zipfile.BadZipFile, OSError):
        raise PermanentError(
            gettext_noop("The file is a damaged ZIP package and cannot be opened.")
        ) from None


def _extract(pkg: _Package) -> DeckText:
    pres_part = pkg.related("", "officeDocument") or "ppt/presentation.xml"
    pres = pkg.xml(pres_part)
    if pres is None or pres.tag != _P + "presentation":
        raise PermanentError(
            gettext_noop("The file has no presentation part (ppt/presentation.xml) to read.")
        )
    # Shapes whose tops are within a twentieth of the slide's height share a line.
    band = (_emu(pres.find(_P + "sldSz"), "cy") or 6858000) / 20
    rels = pkg.rels(pres_part)
    slides = []
    for sld_id in pres.iterfind(f"{_P}sldIdLst/{_P}sldId"):
        part = rels.get(sld_id.get(_R + "id", ""), ("", ""))[1]
        # A listed slide whose part is missing cannot be shown either.
        if (root := pkg.xml(part) if part else None) is not None:
            slides.append(_slide(pkg, part, root, band))
    core = pkg.xml(pkg.related("", "core-properties") or "docProps/core.xml")
    title = core.findtext(_DC_TITLE) if core is not None else None
    return DeckText(slides=tuple(slides), title=(title or "").strip())
