"""``annotate``: a copy of the report with a Word comment (批注) per finding.

A drafter opens the copy in Word or WPS and sees each problem in the margin,
anchored on the offending text (the marker, the date, the placeholder) or,
where there is none, on the paragraph it is about; the checklist and the
verdict are one comment on the title.

A .docx input is changed at the package level (docx_comments): python-docx's
object model would re-serialise every part it loaded, while here only the
body, the comments part and two package lists change. Other inputs (text,
web page, PDF, legacy .doc) first become a plain .docx of the checked text,
one paragraph per line, so the same code anchors the same comments.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from checker.engine import Finding, ItemStatus, Report
from checker.formats.docx_comments import EPOCH, MAIN, Comment, add_comments
from checker.formats.docx_paragraphs import (
    body_paragraphs,
    paragraph_text,
    qn,
    table_cell,
)
from checker.formats.labels import (
    COMMENT,
    MARK,
    REQUIRED,
    SEVERITY,
    VERDICT,
    place,
)

DEFAULT_AUTHOR, DEFAULT_INITIALS = "法治报告检查", "检查"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Characters XML 1.0 cannot hold; one for one, so offsets stay put.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def annotate(
    data: bytes | None,
    text: str,
    report: Report,
    author: str = DEFAULT_AUTHOR,
    initials: str = DEFAULT_INITIALS,
) -> bytes:
    """The annotated .docx: of ``data`` when it is a .docx (``report.format``),
    else a new document of ``text``, the Source text the report was made from."""
    base = data if report.format == "docx" and data else text_docx(text, author)
    lines = _LINE_BREAK.split(text)
    body = body_map(base)
    runs = [text for text, _ in body]
    comments = [_checklist_comment(report, lines)]
    for finding in report.findings:
        cell = body[min(finding.line, len(body)) - 1][1]
        comments.append(_finding_comment(finding, report, lines, runs, cell))
    return add_comments(base, comments, author, initials)


def runs_text(data: bytes) -> list[str]:
    """The text of each body paragraph's runs, in the reader's order."""
    return [text for text, _ in body_map(data)]


def body_map(data: bytes) -> list[tuple[str, tuple[int, int] | None]]:
    """Each body paragraph's runs text and table cell (row, column) if any."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(MAIN)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    body = etree.fromstring(xml, parser).find(qn("w:body"))
    return [(paragraph_text(p), table_cell(p)) for p in body_paragraphs(body)]


def text_docx(text: str, author: str = DEFAULT_AUTHOR) -> bytes:
    """A plain Word document of ``text``: line N is paragraph N."""
    import docx
    from docx.oxml.ns import qn as docx_qn

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "宋体"  # CJK text in the template's Latin font looks broken
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(
        docx_qn("w:eastAsia"), "宋体"
    )
    document.core_properties.author = author
    document.core_properties.comments = ""
    for line in _LINE_BREAK.split(text):
        document.add_paragraph(_NOT_XML.sub(" ", line))
    saved = io.BytesIO()
    document.save(saved)
    return _fixed_times(saved.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """python-docx stamps zip members with the current time; same text, same
    bytes needs a fixed one."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, EPOCH)
            target.writestr(info, source.read(member), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _finding_comment(
    finding: Finding,
    report: Report,
    lines: list[str],
    runs: list[str],
    cell: tuple[int, int] | None,
) -> Comment:
    index = min(finding.line, len(runs)) - 1
    lines_out = _finding_lines(finding, report, cell)
    line = lines[index] if index < len(lines) else ""
    own = runs[index]
    text = finding.text.split("\n")[0]
    at = finding.column - 1
    # Only text as written can be anchored (a date may be reported as ISO);
    # Word's list number is in the reader's line but not in the runs.
    if not text or line[at : at + len(text)] != text or not line.endswith(own):
        return Comment(index, None, None, lines_out)
    start = at - (len(line) - len(own))
    start, end = max(0, start), min(len(own), start + len(text))
    if end <= start:
        return Comment(index, None, None, lines_out)
    return Comment(index, start, end, lines_out)


def _finding_lines(
    finding: Finding, report: Report, cell: tuple[int, int] | None
) -> tuple[str, ...]:
    at = place(
        finding.line,
        finding.column,
        report.line_unit,
        finding.paragraph,
        finding.page,
    )
    where = f"{finding.section} {at}".strip()
    if cell:
        where += COMMENT["cell"].format(*cell)
    return (
        f"【{SEVERITY[finding.severity]}】{finding.message}",
        COMMENT["basis"] + finding.basis,
        COMMENT["hint"] + finding.hint,
        COMMENT["where"] + where,
        COMMENT["rule"] + finding.rule,
    )


def _checklist_comment(report: Report, lines: list[str]) -> Comment:
    title = report.meta.title
    filled = [i for i, line in enumerate(lines) if line.strip()] or [0]
    at = next((i for i in filled if title and title in lines[i]), filled[0])
    ruleset = report.ruleset.id if report.ruleset else ""
    body = [COMMENT["checklist"] + ruleset]
    body += [_item_line(item, report) for item in report.checklist]
    detail = "，".join(
        f"{SEVERITY[s]} {report.count(s)}" for s in ("error", "warning", "info")
    )
    body.append(f"{COMMENT['verdict']}{VERDICT[report.status]}（{detail}）")
    return Comment(at, None, None, tuple(body))


def _item_line(item: ItemStatus, report: Report) -> str:
    head = f"{MARK[item.status]} {item.name}（{REQUIRED[item.required]}）："
    found = item.evidence
    if found is None:
        return head + COMMENT["not_found"]
    at = place(found.line, None, report.line_unit, found.paragraph, found.page)
    where = f"{at} {found.path} {found.text[:30]}".strip()
    return head + where + (f"（{found.note}）" if found.note else "")
