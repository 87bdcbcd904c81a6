"""Word .docx to text: one paragraph per line, Word's list numbers included.

Paragraphs are read in document order, those inside tables (and content
controls) included, so a line number is a paragraph number (``段``). A soft
line break inside a paragraph becomes a space for the same reason.

Heading styles (标题 1 / Heading 1 …) are kept as a hint in
:class:`WordParagraph` but change nothing in the text: a heading without a
number stays unnumbered, because inventing "一、" would hide the very defect a
proofreader is looking for.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from docx.oxml.ns import qn

from checker.source.decode import InputError
from checker.source.wordnum import Numbering

#: Most text a .docx may expand to; real reports are well under 5 MB of XML.
MAX_UNZIPPED = 100 * 1024 * 1024
#: Deflate rarely beats 100:1 on real XML; zip bombs reach 1000:1 and more.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small members may compress extremely well
_BOMB = "压缩包解压后过大（疑似 zip 炸弹）"
_HEADING = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_SOFT_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " "})


@dataclass(frozen=True, slots=True)
class WordParagraph:
    text: str  # Word's list marker, if any, then the paragraph's text
    style: str = ""
    heading_level: int | None = None  # from a 标题 N / Heading N style
    numbered: bool = False  # the marker came from Word's list numbering


def corrupt(path: str, why: str) -> InputError:
    return InputError(path, f"Word 文件已损坏或不是有效的 .docx（{why}）")


def check_zip(data: bytes, path: str) -> None:
    """Refuse broken archives and zip bombs before python-docx inflates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise corrupt(path, f"压缩包无法打开：{exc}") from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise corrupt(path, "缺少 word/document.xml")
    if sum(m.file_size for m in members) > MAX_UNZIPPED:
        raise InputError(path, _BOMB)
    for m in members:
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_RATIO * max(
            1, m.compress_size
        ):
            raise InputError(path, _BOMB)
    _read_capped(archive, members, path)


def _read_capped(archive: zipfile.ZipFile, members, path: str) -> None:
    """Inflate for real: sizes in the zip directory are claims, not facts."""
    total = 0
    try:
        for member in members:
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_UNZIPPED:
                        raise InputError(path, _BOMB)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        zlib.error,  # a damaged deflate stream (found by tests/test_input_fuzz.py)
    ) as exc:
        raise corrupt(path, f"解压失败：{exc}") from None


def read_docx(data: bytes, path: str) -> list[WordParagraph]:
    """Paragraphs of a .docx in document order; raise InputError in Chinese."""
    check_zip(data, path)
    if re.search(rb"<!DOCTYPE", _xml_parts(data), re.IGNORECASE):
        # Word never writes a DTD; one in a .docx is an entity attack, not a report.
        raise corrupt(path, "含有 DTD 声明，已拒绝")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        numbering = Numbering(_numbering_element(document))
        styles = _StyleIndex(document)
        body = document.element.body
        return [_paragraph(p, numbering, styles) for p in _paragraphs(body)]
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many types for broken packages
        raise corrupt(path, f"{type(exc).__name__}: {str(exc)[:80]}") from None


def _xml_parts(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(
            archive.read(m)[:4096]
            for m in archive.namelist()
            if m.endswith((".xml", ".rels"))
        )


def _numbering_element(document):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None  # a document without lists has no numbering part


def _paragraphs(container):
    """w:p elements in reading order, descending into tables and content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child
        elif child.tag in (
            qn("w:tbl"),
            qn("w:tr"),
            qn("w:tc"),
            qn("w:sdt"),
            qn("w:sdtContent"),
        ):
            yield from _paragraphs(child)


class _StyleIndex:
    """Paragraph styles by id: name, inherited numPr and outline level."""

    def __init__(self, document) -> None:
        self._styles = {}
        for style in document.styles.element.findall(qn("w:style")):
            self._styles[style.get(qn("w:styleId"))] = style

    def name(self, style_id: str | None) -> str:
        style = self._styles.get(style_id)
        name = style.find(qn("w:name")) if style is not None else None
        return name.get(qn("w:val")) if name is not None else (style_id or "")

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl a style gives its paragraphs, following basedOn."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            num_id, ilvl = _num_pr(style.find(qn("w:pPr")))
            if num_id is not None:
                return num_id, ilvl
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None, None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
    return (
        num_id.get(qn("w:val")) if num_id is not None else None,
        int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else None,
    )


def _paragraph(p, numbering: Numbering, styles: _StyleIndex) -> WordParagraph:
    ppr = p.find(qn("w:pPr"))
    style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = style_el.get(qn("w:val")) if style_el is not None else None
    num_id, ilvl = _num_pr(ppr)
    style_num, style_ilvl = styles.num_pr(style_id)
    if num_id is None:
        num_id = style_num
    if ilvl is None:
        ilvl = style_ilvl if style_ilvl is not None else 0
    marker, suffix = numbering.marker(num_id, ilvl) if num_id else ("", "")
    # Runs in text boxes belong to other paragraphs; deleted text is w:delText.
    runs = p.xpath(".//w:r[not(ancestor::w:txbxContent)]")
    text = "".join(r.text for r in runs).translate(_SOFT_BREAKS)
    if (
        marker
        and suffix != "nothing"
        and not marker.endswith(("、", ".", "．", "）", ")"))
    ):
        marker += " "  # Word's tab or space after a bare numeral
    name = styles.name(style_id)
    heading = _HEADING.match(name.strip())
    return WordParagraph(
        text=marker + text,
        style=name,
        heading_level=int(heading.group(1)) if heading else None,
        numbered=bool(marker),
    )
