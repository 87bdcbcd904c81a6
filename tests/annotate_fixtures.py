"""Helpers for the annotate tests: a rich Word file, reading comments back,
normalising document.xml, and LibreOffice with a private profile."""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from lxml import etree
from readers_fixtures import W_NS, add_list, number_paragraph, to_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def rich_docx() -> bytes:
    """Auto-numbered headings, a bold run, a table, blank paragraphs, tracked
    changes and a header: what a drafter's real file has."""
    document = docx.Document()
    num_id = add_list(document)
    document.sections[0].header.paragraphs[0].text = "某镇人民政府文件"
    document.add_paragraph("某镇2021年度法治政府建设情况报告")
    document.add_paragraph("")
    number_paragraph(document.add_paragraph("主要举措和成效"), num_id, 0)
    heading = document.add_paragraph()
    heading.add_run("加强").bold = True
    heading.add_run("XX")
    heading.add_run("建设")
    number_paragraph(heading, num_id, 1)
    document.add_paragraph("共办理案件××件，依法履职。")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(
        table._cells, ["项目", "数量", "案件", "（此处填写具体数据）"], strict=True
    ):
        cell.text = text
    document.add_paragraph("")
    changed = document.add_paragraph("全年")
    changed._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="901" w:author="起草人" w:date="2022-01-04T00:00:00Z">'
            "<w:r><w:t>新增</w:t></w:r></w:ins>"
        )
    )
    changed._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="902" w:author="起草人" w:date="2022-01-04T00:00:00Z">'
            "<w:r><w:delText>删除</w:delText></w:r></w:del>"
        )
    )
    changed.add_run("制度12项。")
    number_paragraph(document.add_paragraph("存在的不足和原因"), num_id, 0)
    document.add_paragraph("一是制度不健全。主要原因是重视不够。")
    number_paragraph(document.add_paragraph("下一年度主要安排"), num_id, 0)
    document.add_paragraph("2022年继续推进依法行政。")
    document.add_paragraph("某镇人民政府")
    document.add_paragraph("2022年1月5日")
    return to_bytes(document)


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def comments(data: bytes) -> dict[str, list[str]]:
    """Comment id -> its paragraphs' text, from word/comments.xml."""
    root = etree.fromstring(part(data, "word/comments.xml"))
    return {
        c.get(f"{W}id"): ["".join(p.itertext()) for p in c.iter(f"{W}p")]
        for c in root.iter(f"{W}comment")
    }


def anchored(data: bytes) -> dict[str, str]:
    """Comment id -> the body text between its range start and end; each id
    must have exactly one start, one end and one reference."""
    root = etree.fromstring(part(data, "word/document.xml"))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        ids = [el.get(f"{W}id") for el in root.iter(f"{W}{tag}")]
        assert len(ids) == len(set(ids)), tag
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ranges[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            done[el.get(f"{W}id")] = "".join(open_ranges.pop(el.get(f"{W}id")))
        elif el.tag == f"{W}t":
            for texts in open_ranges.values():
                texts.append(el.text or "")
    assert not open_ranges
    return done


def without_comments(xml: bytes) -> bytes:
    """document.xml with the comment anchors removed and split runs joined
    again (adjacent runs with the same properties), in canonical form."""
    root = etree.fromstring(xml)
    for el in list(root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
        el.getparent().remove(el)
    for ref in list(root.iter(f"{W}commentReference")):
        run = ref.getparent()
        run.getparent().remove(run)
    for t in root.iter(f"{W}t"):
        t.attrib.pop(XML_SPACE, None)
    for parent in list(root.iter()):
        _join_runs(parent)
    return etree.tostring(root, method="c14n")


def _props(run) -> bytes:
    rpr = run.find(f"{W}rPr")
    return b"" if rpr is None else etree.tostring(rpr, method="c14n")


def _join_runs(parent) -> None:
    children = list(parent)
    for left, right in zip(children, children[1:], strict=False):
        if (
            left.tag == right.tag == f"{W}r"
            and dict(left.attrib) == dict(right.attrib)
            and _props(left) == _props(right)
        ):
            at = len(right.findall(f"{W}rPr"))
            for child in [c for c in left if c.tag != f"{W}rPr"]:
                right.insert(at, child)
                at += 1
            parent.remove(left)
    for run in parent.iter(f"{W}r"):
        texts = [c for c in run if c.tag == f"{W}t"]
        for a, b in zip(texts, texts[1:], strict=False):
            if a.getnext() is b:
                b.text = (a.text or "") + (b.text or "")
                run.remove(a)


def soffice_convert(files: list[Path], fmt: str, outdir: Path) -> None:
    """The real LibreOffice, with its own profile and HOME: other processes
    may run soffice at the same time."""
    home = outdir / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    profile = (outdir / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )


def odt_spans(odt: bytes) -> list[str]:
    """The text each LibreOffice annotation spans (between ``office:annotation``
    and its ``office:annotation-end``), the annotation's own text left out."""
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    root = etree.fromstring(part(odt, "content.xml"))
    spans: dict[str, list[str]] = {}
    order: list[str] = []
    inside_note = 0

    def add(text: str | None) -> None:
        if text and not inside_note:
            for name in spans:
                if name not in closed:
                    spans[name].append(text)

    closed: set[str] = set()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if el.tag == f"{office}annotation":
            if event == "start":
                name = el.get(f"{office}name")
                spans[name] = []
                order.append(name)
                inside_note += 1
            else:
                inside_note -= 1
                add(el.tail)
            continue
        if event == "start":
            if el.tag == f"{office}annotation-end":
                closed.add(el.get(f"{office}name"))
            add(el.text)
        else:
            add(el.tail)
    return ["".join(spans[name]) for name in order]
