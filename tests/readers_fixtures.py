"""Fixture builders for the reader tests: real formats written in code.

Nothing here is a committed binary: python-docx writes Word files (with real
numbering.xml list definitions), the stdlib writes GBK web pages and zips, and
reportlab writes PDFs with its built-in CID font STSong-Light (no font files).
"""

from __future__ import annotations

import html
import io
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from checker.parse.numbering import parse_lines
from checker.source.wordnum import format_number

W_NS = nsdecls("w")

#: One list definition: 一、 / （一） / 1. — GB/T 9704 levels as Word numbers them.
ABSTRACT_XML = f"""
<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""


def add_list(
    document,
    abstract_xml: str = ABSTRACT_XML,
    num_id: int = 90,
    abstract_id: int = 90,
    overrides: str = "",
) -> str:
    """Add an abstractNum and a num to the document's numbering part; return numId."""
    numbering = document.part.numbering_part.element
    if not numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract_id}']"):
        first_num = numbering.find(qn("w:num"))
        abstract = parse_xml(abstract_xml)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )
    return str(num_id)


def number_paragraph(paragraph, num_id: str, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_typed(text: str) -> bytes:
    """Each non-blank line of ``text`` as one paragraph, numbers typed by hand."""
    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    return to_bytes(document)


def docx_auto(text: str) -> tuple[bytes, str]:
    """Level-1/2 headings numbered by Word's list feature instead of typed.

    A typed marker becomes automatic only where Word's counter would print the
    same number (so gaps and repeats stay typed, as a drafter's would). Returns
    the .docx and the text Word would display: markers as Word renders them
    (full-width （一） where the seed typed (一)).
    """
    document = docx.Document()
    num_id = add_list(document)
    counters = [0, 0]
    shown: list[str] = []
    for raw in parse_lines(text):
        line = text[raw.start : raw.end]
        if not line.strip():
            continue
        auto = _auto_level(raw, counters)
        if auto is None:
            document.add_paragraph(line)
            shown.append(line)
            continue
        rest = text[raw.marker.end : raw.end]
        number_paragraph(document.add_paragraph(rest), num_id, auto)
        numeral = format_number(counters[auto], "chineseCounting")
        shown.append((f"{numeral}、" if auto == 0 else f"（{numeral}）") + rest)
    return to_bytes(document), "\n".join(shown)


def _auto_level(raw, counters: list[int]) -> int | None:
    marker = raw.marker
    if marker is None or marker.start != raw.body:
        return None
    if (
        marker.kind == "L1"
        and marker.style == "N、"
        and marker.number == counters[0] + 1
    ):
        counters[0], counters[1] = counters[0] + 1, 0
        return 0
    if (
        marker.kind == "L2"
        and marker.style in ("(N)", "（N）")
        and counters[0]
        and marker.number == counters[1] + 1
    ):
        counters[1] += 1
        return 1
    return None


def html_gbk(text: str) -> bytes:
    """A saved government web page in GBK: chrome, scripts, one <p> per line."""
    body = "\n".join(
        f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
    )
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>法治政府建设情况报告_政府网站</title>"
        "<style>p { text-indent: 2em }</style>"
        '<script>var nav = "一、首页 二、政务公开";</script></head>\n<body>'
        f'<div class="content">\n{body}\n</div>'
        "<noscript>请启用脚本</noscript></body></html>"
    )
    # "gb2312" pages really hold GBK/GB18030; the seeds use characters beyond GB2312.
    return page.encode("gb18030")


def pdf_lines(lines: list[str], font_size: float = 6) -> bytes:
    """A PDF with one text line per line, on a page wide enough not to wrap."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width = max([len(line) for line in lines] + [40]) * font_size + 72
    height = len(lines) * font_size * 1.5 + 72
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setFont("STSong-Light", font_size)
    y = height - 36
    for line in lines:
        pdf.drawString(36, y, line)
        y -= font_size * 1.5
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_of(text: str) -> bytes:
    return pdf_lines([line for line in text.splitlines() if line.strip()])


def scanned_pdf() -> bytes:
    """An image-only PDF, as a scanner produces: no text layer at all."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(200, 200))
    pdf.rect(20, 20, 160, 160, fill=1)  # stands in for the scanned page image
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def zip_members(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """Small on disk, 16 MB of zeros inside: a ratio no Word file has."""
    return zip_members(
        {"word/document.xml": b"<w/>", "word/media/a.bin": bytes(16 << 20)}
    )


def corrupt_docx() -> bytes:
    """A real .docx cut in half, as an interrupted download leaves it."""
    data = docx_typed("一、总体情况\n正文")
    return data[: len(data) // 2]


#: GB/T 9704-2012 page: A4, 28 characters a line, 22 lines a page (3号 = 16 pt).
CHARS_PER_LINE, LINES_PER_PAGE, POINT = 28, 22, 16


def wrap(paragraph: str, columns: int = CHARS_PER_LINE * 2) -> list[str]:
    """Break a paragraph where a typesetter would: by width, a CJK character
    taking two columns and an ASCII one one, with no care for words."""
    from wcwidth import wcwidth

    lines, line, used = [], "", 0
    for char in paragraph:
        width = max(wcwidth(char), 1)
        if used + width > columns:
            lines.append(line)
            line, used = "", 0
        line += char
        used += width
    return [*lines, line] if line else lines


def pdf_a4(text: str, indent: bool = True) -> bytes:
    """The report as an official document PDF: paragraphs wrapped at 28
    characters, 22 lines a page, a "— N —" page number under each page. With
    ``indent`` each paragraph's first line is indented two characters, as Word
    and 公文 set them; without, every line starts at the margin (as many PDFs
    printed from web pages do)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = []  # (x offset, text)
    for paragraph in (p.strip() for p in text.splitlines() if p.strip()):
        first = 4 if indent else 0  # two characters, in columns
        head = wrap(paragraph, CHARS_PER_LINE * 2 - first)[0]
        lines.append((first * POINT / 2, head))
        lines.extend((0, rest) for rest in wrap(paragraph[len(head) :]))
    buffer = io.BytesIO()
    width, height = 595, 842
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    for page, start in enumerate(range(0, len(lines), LINES_PER_PAGE), 1):
        pdf.setFont("STSong-Light", POINT)
        y = height - 72
        for x, line in lines[start : start + LINES_PER_PAGE]:
            pdf.drawString(72 + x, y, line)
            y -= POINT * 1.8
        pdf.drawCentredString(width / 2, 40, f"— {page} —")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
