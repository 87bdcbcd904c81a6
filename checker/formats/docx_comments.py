"""Word comments (批注) added to a .docx package, touching nothing else.

Only four parts change: ``word/document.xml`` gains ``w:commentRangeStart``/
``w:commentRangeEnd`` and a ``w:commentReference`` run per comment (runs are
split at the anchor offsets, each half keeping its ``w:rPr``);
``word/comments.xml`` is created or extended; its relationship and content
type are added when absent. Every other member of the zip is copied byte for
byte, in the same order: styles, numbering, headers, images, tracked changes
stay as they were. ECMA-376 Part 1 §17.13.4 describes comments.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from checker.formats.docx_paragraphs import (
    W_NS,
    body_paragraphs,
    last_run,
    qn,
    split_before,
)

MAIN = "word/document.xml"
COMMENTS = "word/comments.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
)
_COMMENTS_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
)
_SAFE = {"resolve_entities": False, "load_dtd": False, "no_network": True}
#: Fixed time for new zip members: the same input gives the same bytes.
EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment on body paragraph ``paragraph`` (0-based, reader order),
    anchored on characters ``start..end`` of its runs, or on the whole
    paragraph when ``start`` is None. ``lines`` become the comment's paragraphs.
    """

    paragraph: int
    start: int | None
    end: int | None
    lines: tuple[str, ...]


def _parse(xml: bytes):
    return etree.fromstring(xml, etree.XMLParser(huge_tree=True, **_SAFE))


def _dump(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_comments(
    data: bytes, comments: list[Comment], author: str, initials: str
) -> bytes:
    """The package with ``comments`` added; raise ValueError if it is no .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        parts = {m.filename: archive.read(m) for m in members}
    if MAIN not in parts:
        raise ValueError(f"缺少 {MAIN}")
    document = _parse(parts[MAIN])
    store = _parse(parts[COMMENTS]) if COMMENTS in parts else _new_comments()
    first_id = 1 + max((_id(c) for c in store.iter(qn("w:comment"))), default=-1)
    paragraphs = list(body_paragraphs(document.find(qn("w:body"))))
    for n, comment in enumerate(comments):
        cid = str(first_id + n)
        _anchor(paragraphs[comment.paragraph], comment, cid)
        store.append(_comment_element(cid, comment.lines, author, initials))
    changed = {MAIN: _dump(document), COMMENTS: _dump(store)}
    if COMMENTS not in parts:
        changed[RELS] = _with_relationship(parts.get(RELS))
        changed[TYPES] = _with_content_type(parts[TYPES])
    return _write(members, parts, changed)


def _id(comment) -> int:
    try:
        return int(comment.get(qn("w:id"), "-1"))
    except ValueError:
        return -1


def _anchor(p, comment: Comment, cid: str) -> None:
    start = p.makeelement(qn("w:commentRangeStart"), {qn("w:id"): cid})
    end = p.makeelement(qn("w:commentRangeEnd"), {qn("w:id"): cid})
    ref_run = p.makeelement(qn("w:r"), {})
    ref_run.append(p.makeelement(qn("w:commentReference"), {qn("w:id"): cid}))
    if comment.start is None or comment.end is None:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
        p.append(ref_run)
        return
    # The end first: splitting there leaves the start offset where it was.
    after_end = split_before(p, comment.end)
    if after_end is None:
        _after_last(p, end)
    else:
        after_end.addprevious(end)
    end.addnext(ref_run)
    at_start = split_before(p, comment.start)
    (at_start if at_start is not None else end).addprevious(start)


def _after_last(p, element) -> None:
    run = last_run(p)
    if run is None:
        p.append(element)
    else:
        run.addnext(element)


def _new_comments():
    return etree.Element(qn("w:comments"), nsmap={"w": W_NS})


def _comment_element(cid: str, lines: tuple[str, ...], author: str, initials: str):
    attrs = {qn("w:id"): cid, qn("w:author"): author, qn("w:initials"): initials}
    comment = etree.Element(qn("w:comment"), attrs, nsmap={"w": W_NS})
    for line in lines:
        p = etree.SubElement(comment, qn("w:p"))
        run = etree.SubElement(p, qn("w:r"))
        text = etree.SubElement(run, qn("w:t"))
        text.text = line
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


def _with_relationship(xml: bytes | None) -> bytes:
    root = (
        _parse(xml)
        if xml
        else etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})
    )
    taken = {rel.get("Id") for rel in root}
    n = len(taken) + 1
    while f"rId{n}" in taken:
        n += 1
    etree.SubElement(
        root,
        f"{{{_PKG_REL}}}Relationship",
        Id=f"rId{n}",
        Type=_COMMENTS_REL,
        Target="comments.xml",
    )
    return _dump(root)


def _with_content_type(xml: bytes) -> bytes:
    root = _parse(xml)
    etree.SubElement(
        root,
        f"{{{_CT_NS}}}Override",
        PartName="/" + COMMENTS,
        ContentType=_COMMENTS_TYPE,
    )
    return _dump(root)


def _write(members, parts: dict[str, bytes], changed: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            data = changed.pop(member.filename, parts[member.filename])
            archive.writestr(member, data, compress_type=member.compress_type)
        for name, data in changed.items():  # new parts
            archive.writestr(zipfile.ZipInfo(name, EPOCH), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
