"""The body paragraphs of a Word document as the reader numbers them, with the
XML element behind every character, so a comment can be anchored at an offset.

The reader (checker.source.docx) makes paragraph N of the body, tables and
content controls included, line N of the text; text boxes belong to no line,
deleted text (``w:delText``) is not text. This module enumerates the same
paragraphs in the same order and maps each character of a paragraph's own
runs back to its ``w:t``/``w:tab``/``w:br`` element. Word's list numbers are
in the reader's line but not in the runs: the caller shifts offsets by the
rendered number's length (see :func:`checker.formats.annotate`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def qn(tag: str) -> str:
    """``w:p`` -> Clark notation."""
    prefix, local = tag.split(":")
    assert prefix == "w"
    return f"{{{W_NS}}}{local}"


_P, _R, _T, _RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr")
_TAB, _PTAB, _BR, _CR = qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
_HYPHEN, _TXBX, _BODY = qn("w:noBreakHyphen"), qn("w:txbxContent"), qn("w:body")
_CONTAINERS = frozenset(
    qn(t) for t in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent")
)
_SINGLE = {_TAB: "\t", _PTAB: "\t", _CR: " ", _HYPHEN: "-"}


@dataclass(frozen=True, slots=True)
class Piece:
    """Characters ``start..start+len(text)`` of a paragraph, held by ``element``
    (a ``w:t``, or a one-character ``w:tab``/``w:br``…) inside run ``run``."""

    start: int
    text: str
    element: object
    run: object


def body_paragraphs(body) -> Iterator:
    """``w:p`` elements of ``w:body`` in reading order, as the reader takes them."""
    for child in body.iterchildren():
        if child.tag == _P:
            yield child
        elif child.tag in _CONTAINERS:
            yield from body_paragraphs(child)


def table_cell(p) -> tuple[int, int] | None:
    """(row, column), 1-based, of the table cell holding ``p``; None outside."""
    cell = p.getparent()
    while cell is not None and cell.tag != qn("w:tc"):
        if cell.tag == _BODY:
            return None
        cell = cell.getparent()
    if cell is None:
        return None
    row = cell.getparent()
    table = row.getparent()
    rows = [r for r in table if r.tag == qn("w:tr")]
    cells = [c for c in row if c.tag == qn("w:tc")]
    return rows.index(row) + 1, cells.index(cell) + 1


def pieces(p) -> list[Piece]:
    """Every character of the paragraph's runs, in order, with its element."""
    out: list[Piece] = []
    at = 0
    for run in p.iter(_R):
        if _in_text_box(run, p):
            continue
        for el in run:
            text = _char_text(el)
            if text:
                out.append(Piece(at, text, el, run))
                at += len(text)
    return out


def paragraph_text(p) -> str:
    return "".join(piece.text for piece in pieces(p))


def _char_text(el) -> str:
    if el.tag == _T:
        return el.text or ""
    if el.tag == _BR:  # a page or column break is no character
        wrap = el.get(qn("w:type"), "textWrapping") == "textWrapping"
        return " " if wrap else ""
    return _SINGLE.get(el.tag, "")


def _in_text_box(run, p) -> bool:
    ancestor = run.getparent()
    while ancestor is not None and ancestor is not p:
        if ancestor.tag == _TXBX:
            return True
        ancestor = ancestor.getparent()
    return False


def split_before(p, offset: int):
    """Split runs so that a character run boundary falls at ``offset``; return
    the element to insert a marker *before*, or None when ``offset`` is at the
    paragraph's end (then insert after the last run).

    The new run copies the old one's ``w:rPr``, so formatting is unchanged.
    """
    for piece in pieces(p):
        if piece.start <= offset < piece.start + len(piece.text):
            return _split(piece, offset - piece.start)
    return None


def _split(piece: Piece, index: int):
    run, el = piece.run, piece.element
    content = [child for child in run if child.tag != _RPR]
    if index == 0 and content and content[0] is el:
        return run
    tail = run.makeelement(_R, dict(run.attrib))
    rpr = run.find(_RPR)
    if rpr is not None:
        tail.append(copy.deepcopy(rpr))
    moved = content[content.index(el) :]
    if index > 0:  # inside a w:t: cut its text in two
        rest = el.makeelement(_T, {XML_SPACE: "preserve"})
        rest.text = el.text[index:]
        el.text = el.text[:index]
        el.set(XML_SPACE, "preserve")
        tail.append(rest)
        moved = moved[1:]
    for child in moved:
        tail.append(child)  # lxml moves the element
    run.addnext(tail)
    return tail


def last_run(p):
    """The last run holding text of the paragraph (outside text boxes), or None."""
    found = pieces(p)
    return found[-1].run if found else None
