"""Word .docx to text: one paragraph per line, Word's list numbers included.

The package XML is read directly (lxml): ``word/document.xml`` is streamed
with ``iterparse`` and each paragraph freed once read, ``numbering.xml`` and
``styles.xml`` are parsed whole (they are small). python-docx builds an object
model of everything first; reading only what a line needs is several times
faster on real submissions. No parser resolves entities, loads a DTD or
touches the network, and a part that declares a DTD is refused: Word never
writes one, so one in a .docx is an entity attack, not a report.

Paragraphs are read in document order, those inside tables (and content
controls) included, so a line number is a paragraph number (``段``). A soft
line break inside a paragraph becomes a space for the same reason. Text boxes
belong to no line of the body and are skipped, deleted text (``w:delText``)
too.

Heading styles (标题 1 / Heading 1 …) are kept as a hint in
:class:`WordParagraph` but change nothing in the text: a heading without a
number stays unnumbered, because inventing "一、" would hide the very defect a
proofreader is looking for.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from checker.source.archive import ArchiveError, BombError, Budget, open_zip
from checker.source.decode import InputError
from checker.source.wordnum import W_NS, Numbering, NumberingError, qn
from checker.source.wordstyle import StyleIndex, num_pr

MAIN = "word/document.xml"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HEADING = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_SOFT_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " "})
_DTD = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
#: lxml options for every part: no entities, no DTD, no network, no huge nodes.
SAFE = {"resolve_entities": False, "load_dtd": False, "no_network": True}

_P, _R, _BODY, _PPR = qn("w:p"), qn("w:r"), qn("w:body"), qn("w:pPr")
_TC, _TR = qn("w:tc"), qn("w:tr")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_PTAB, _HYPHEN, _TXBX = qn("w:ptab"), qn("w:noBreakHyphen"), qn("w:txbxContent")
_CONTAINERS = frozenset(
    qn(t) for t in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent")
)
_BR_TYPE, _PSTYLE, _VAL = qn("w:type"), qn("w:pStyle"), qn("w:val")
_IN_RUN = (_T, _TAB, _BR, _CR, _PTAB, _HYPHEN)
_OUTSIDE_TEXT_BOXES = etree.XPath(
    ".//w:r[not(ancestor::w:txbxContent)]/*", namespaces={"w": W_NS}
)


@dataclass(frozen=True, slots=True)
class WordParagraph:
    text: str  # Word's list marker, if any, then the paragraph's text
    style: str = ""
    heading_level: int | None = None  # from a 标题 N / Heading N style
    numbered: bool = False  # the marker came from Word's list numbering
    #: (row, column), 1-based, of the table cell holding it; None outside tables.
    cell: tuple[int, int] | None = None


def corrupt(path: str, why: str) -> InputError:
    return InputError(path, f"Word 文件已损坏或不是有效的 .docx（{why}）")


def read_docx(data: bytes, path: str) -> list[WordParagraph]:
    """Paragraphs of a .docx in document order; raise InputError in Chinese."""
    try:
        return _read(data)
    except BombError as exc:
        raise InputError(path, str(exc)) from None
    except ArchiveError as exc:
        raise corrupt(path, exc.why) from None
    except NumberingError as exc:
        raise InputError(
            path, f"Word 自动编号的起始值不合理（{exc.start}），文件可能已损坏"
        ) from None
    except etree.LxmlError as exc:
        raise corrupt(path, f"XML 有误：{str(exc)[:80]}") from None
    except Exception as exc:  # never a traceback for a report, whatever it holds
        raise corrupt(path, f"{type(exc).__name__}: {str(exc)[:80]}") from None


def _read(data: bytes) -> list[WordParagraph]:
    archive, members = open_zip(data)
    names = {m.filename for m in members}
    if MAIN not in names:
        raise ArchiveError(f"缺少 {MAIN}")
    budget = Budget()
    parts = _related_parts(archive, names, budget)
    numbering = Numbering(_part(archive, parts.get("numbering"), budget))
    styles = StyleIndex(lambda: _part(archive, parts.get("styles"), budget))
    main = _guarded(budget.read(archive, MAIN))
    return [_paragraph(p, numbering, styles, _cell(p)) for p in _body_paragraphs(main)]


def _cell(p) -> tuple[int, int] | None:
    """Row and column of the innermost table cell holding ``p`` (rows of a
    table and cells of a row stay in the tree while it is read)."""
    cell = next((a for a in p.iterancestors(_TC)), None)
    if cell is None:
        return None
    row = cell.getparent()
    column = sum(1 for _ in cell.itersiblings(_TC, preceding=True)) + 1
    line = sum(1 for _ in row.itersiblings(_TR, preceding=True)) + 1
    return line, column


def _guarded(xml: bytes) -> bytes:
    if _DTD.search(xml, 0, 4096):
        raise ArchiveError("含有 DTD 声明，已拒绝")
    return xml


def _related_parts(
    archive: zipfile.ZipFile, names: set[str], budget: Budget
) -> dict[str, str]:
    """numbering.xml and styles.xml as the main part's relationships name them."""
    parts = {"numbering": "word/numbering.xml", "styles": "word/styles.xml"}
    rels = _part(archive, "word/_rels/document.xml.rels", budget, names)
    for rel in rels.iter(f"{_REL_NS}Relationship") if rels is not None else ():
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind in parts and rel.get("TargetMode") != "External":
            parts[kind] = (
                target.lstrip("/") if target.startswith("/") else ("word/" + target)
            )
    return {kind: name for kind, name in parts.items() if name in names}


def _part(archive, name: str | None, budget: Budget, names: set[str] | None = None):
    """A small part parsed whole, or None when the package has none."""
    if name is None or (names is not None and name not in names):
        return None
    parser = etree.XMLParser(huge_tree=False, **SAFE)
    return etree.fromstring(_guarded(budget.read(archive, name)), parser)


def _body_paragraphs(xml: bytes) -> Iterator:
    """w:p elements of the body in reading order, tables and content controls
    included; each is freed once the caller has read it."""
    for _, p in etree.iterparse(io.BytesIO(xml), events=("end",), tag=_P, **SAFE):
        parent = p.getparent()
        ancestor = parent
        while ancestor is not None and ancestor.tag in _CONTAINERS:
            ancestor = ancestor.getparent()
        if ancestor is None or ancestor.tag != _BODY:
            continue  # a paragraph in a text box: part of its anchor's paragraph
        yield p
        p.clear(keep_tail=True)
        while p.getprevious() is not None:
            del parent[0]


def _text(p) -> str:
    has_boxes = next(p.iter(_TXBX), None) is not None
    inner = _OUTSIDE_TEXT_BOXES(p) if has_boxes else p.iter(_IN_RUN)
    out = []
    for el in inner:
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif el.getparent().tag != _R:
            continue  # w:tab in w:tabs is a tab stop, not a character
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag == _CR or (
            tag == _BR and el.get(_BR_TYPE, "textWrapping") == "textWrapping"
        ):
            out.append("\n")
        elif tag == _HYPHEN:
            out.append("-")
    text = "".join(out)
    # isprintable() is a fast test for the rare break or control character.
    return text if text.isprintable() else text.translate(_SOFT_BREAKS)


def _paragraph(
    p, numbering: Numbering, styles: StyleIndex, cell: tuple[int, int] | None
) -> WordParagraph:
    ppr = p.find(_PPR)
    style_el = ppr.find(_PSTYLE) if ppr is not None else None
    style_id = style_el.get(_VAL) if style_el is not None else None
    num_id, ilvl = num_pr(ppr)
    style_num, style_ilvl = styles.num_pr(style_id)
    if num_id is None:
        num_id = style_num
    if ilvl is None:
        ilvl = style_ilvl if style_ilvl is not None else 0
    marker, suffix = numbering.marker(num_id, ilvl) if num_id else ("", "")
    if (
        marker
        and suffix != "nothing"
        and not marker.endswith(("、", ".", "．", "）", ")"))
    ):
        marker += " "  # Word's tab or space after a bare numeral
    name = styles.name(style_id)
    heading = _HEADING.match(name.strip())
    return WordParagraph(
        text=marker + _text(p),
        style=name,
        heading_level=int(heading.group(1)) if heading else None,
        numbered=bool(marker),
        cell=cell,
    )
