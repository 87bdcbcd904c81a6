"""Positions a person can find: section path, quote, paragraph, page, grouping."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass

import docx
import jsonschema
from click.testing import CliRunner
from conftest import seed_path, seed_text
from readers_fixtures import docx_typed

from checker.cli import main
from checker.engine import check_document
from checker.formats import Summary, make_writer
from checker.formats.schema import report_schema
from checker.source import Source, load_source

TOOL = {"name": "fazhi-check", "version": "0"}


def check_json(path) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    return json.loads(result.stdout)["documents"][0]


def test_findings_carry_section_path_and_quote() -> None:
    doc = check_json(seed_path("003"))
    sequence = [f for f in doc["findings"] if f["rule"] == "enumeration/sequence"]
    assert [(f["section"], f["quote"]) for f in sequence] == [
        ("一、/(五)", "三加强协调配合,确保法律"),
        ("一、/(七)", "三法律顾问、普法志愿者和"),
    ]
    reasons = next(f for f in doc["findings"] if f["rule"] == "content/reasons-missing")
    assert reasons["section"] == "二、"
    # text files count lines: no paragraph or page
    assert "paragraph" not in reasons and "page" not in reasons


def test_findings_without_text_quote_the_place() -> None:
    doc = check_json(seed_path("001"))
    missing_date = next(f for f in doc["findings"] if f["rule"] == "meta/date-format")
    assert missing_date["text"] == "" and missing_date["quote"] == "特此报告。"


def test_word_paragraphs_are_counted_as_on_screen(tmp_path) -> None:
    """Blank paragraphs take a line in the reader, not a number on screen."""
    text = seed_text("000").replace("\n", "\n\n")  # a blank paragraph after each
    path = tmp_path / "report.docx"
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)
    doc = check_json(path)
    item = next(
        f for f in doc["findings"] if f["rule"] == "numbering/missing-punctuation"
    )
    plain = tmp_path / "plain.docx"
    plain.write_bytes(docx_typed(seed_text("000")))
    same = next(
        f
        for f in check_json(plain)["findings"]
        if f["rule"] == "numbering/missing-punctuation"
    )
    assert item["line"] > same["line"]  # the reader's count includes the blanks
    assert item["paragraph"] == same["paragraph"] == 10
    assert item["section"] == "一、/(一)/2"
    jsonschema.validate({"documents": [doc]}, _documents_schema())
    evidence = doc["checklist"][0]["evidence"]
    assert evidence["paragraph"] < evidence["line"]


@dataclass(frozen=True)
class PagedSource(Source):
    """A Source as the PDF reader gives it once it knows each line's page."""

    pages: tuple[int, ...] = ()


def test_pages_where_the_source_knows_them() -> None:
    text = seed_text("003")
    pages = tuple(1 + i // 10 for i in range(text.count("\n") + 1))
    plain = load_source(text.encode(), "r.pdf")
    source = PagedSource(
        "r.pdf", plain.text, format="pdf", line_label="段", pages=pages
    )
    report = check_document(source)
    sequence = [f for f in report.findings if f.rule == "enumeration/sequence"]
    assert [f.page for f in sequence] == [2, 3]  # lines 17 and 23
    out = io.StringIO()
    writer = make_writer("text", out, TOOL, lambda _: [], ["r.pdf"])
    writer.begin()
    writer.document(report)
    writer.end(Summary())
    assert "第2、3页（共2处）  [警告] 列举“三”缺少“是”字" in out.getvalue()


def test_identical_findings_are_grouped_in_text_only() -> None:
    path = seed_path("001")  # eleven "()" markers lost their numerals
    text = CliRunner().invoke(main, ["check", str(path)]).stdout
    assert "第13、15、17…行（共11处）  [错误] 序号“()”括号内缺少数字" in text
    assert "原文（首处）：()主要领导亲自落实" in text
    doc = check_json(path)
    lost = [f for f in doc["findings"] if f["rule"] == "numbering/missing-numeral"]
    assert len(lost) == 11


def _documents_schema() -> dict:
    schema = report_schema()
    return {
        "$defs": schema["$defs"],
        "type": "object",
        "properties": {
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}}
        },
    }


def test_a_finding_in_a_word_table_names_its_cell(tmp_path) -> None:
    """check's text output and JSON say 表格第N行第M列, as annotate's comments do."""
    document = docx.Document()
    document.add_paragraph("某镇2023年度法治政府建设情况报告")
    document.add_paragraph("一、主要举措和成效")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(1, 1).text = "XX镇完成备案审查12件"
    path = tmp_path / "表格.docx"
    document.save(path)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    doc = json.loads(result.stdout)["documents"][0]
    (placeholder,) = [f for f in doc["findings"] if f["rule"] == "content/placeholder"]
    assert placeholder["cell"] == {"row": 2, "column": 2}
    text = CliRunner().invoke(main, ["check", str(path)]).stdout
    assert re.search(r"第\d+段（表格第2行第2列）.*残留模板占位符“XX”", text)
