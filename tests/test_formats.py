"""Report writers on hand-made documents: what each format looks like."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from wcwidth import wcswidth

from checker.checks.items import ITEM_IDS, ITEMS
from checker.engine import (
    Finding,
    ItemStatus,
    LineUnit,
    Report,
    Ruleset,
    Status,
    error_report,
    load_pack,
)
from checker.formats import (
    BINARY_FORMATS,
    FORMATS,
    Summary,
    make_writer,
    summary_lines,
    write_all,
)
from checker.formats.schema import jsonl_line_schema, report_schema
from checker.parse.meta import Meta

TOOL = {"name": "fazhi-check", "version": "0.1.0"}
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def document(path: str, statuses: str = "ppmpm", severities: str = "ew") -> Report:
    """A checked report: statuses p/a/m per item, one finding per severity letter."""
    names = {"p": "present", "a": "partial", "m": "missing"}
    levels = {"e": "error", "w": "warning", "i": "info"}
    return Report(
        path=path,
        status=Status.FAIL if "e" in severities else Status.PASS,
        sha256="0" * 64,
        format="txt",
        line_unit=LineUnit.LINE,
        meta=Meta(
            title="关于2022年法治政府建设情况的报告",
            unit="某县人民政府",
            year=2022,
            date="2023-01-20",
        ),
        ruleset=Ruleset("fazhi-2019", "法治政府建设与责任落实督察工作规定"),
        checklist=tuple(
            ItemStatus(item.id, item.name, names[code], True)
            for item, code in zip(ITEMS, statuses, strict=True)
        ),
        unit="某县人民政府",
        findings=tuple(
            Finding(
                rule=RULE_IDS[n],
                severity=levels[code],
                line=3 + n,
                column=1,
                text="二、",
                message="序号不连续",
                basis="GB/T 9704",
                hint="改为连续序号",
                args=(("marker", "二、"),),
            )
            for n, code in enumerate(severities)
        ),
    )


def error(path: str, reason: str = "文件为空") -> Report:
    return error_report(path, reason)


RULE_IDS = ("numbering/sequence", "meta/title", "content/placeholder")
DOCS = [document("a/甲.txt"), document("b.txt", "ppppp", "w"), error("c.txt")]
SEQUENCE = load_pack("fazhi-2019").rule("numbering/sequence")


def render(fmt: str, docs: list[Report] = DOCS) -> str:
    out = io.StringIO()
    write_all(fmt, out, TOOL, docs, lambda _: [SEQUENCE])
    return out.getvalue()


@pytest.mark.parametrize("docs", [DOCS, []])
def test_json_is_streamed_yet_identical_to_one_dump(docs: list[Report]) -> None:
    text = render("json", docs)
    report = json.loads(text)
    assert text == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    jsonschema.validate(report, report_schema())
    assert [doc["path"] for doc in report["documents"]] == [d.path for d in docs]


def test_jsonl_has_a_line_per_document_then_the_summary() -> None:
    lines = [json.loads(line) for line in render("jsonl").splitlines()]
    assert len(lines) == 4
    for line in lines:
        jsonschema.validate(line, jsonl_line_schema())
    assert lines[-1]["summary"]["total"] == 3
    assert lines[-1]["schema_version"] == "1"


def test_summary_counts_documents_items_and_rules() -> None:
    summary = Summary()
    for doc in DOCS:
        summary.add(doc)
    data = summary.to_dict()
    assert (data["total"], data["pass"], data["fail"], data["error"]) == (3, 1, 1, 1)
    assert data["checklist"]["first-responsible"] == {
        "present": 1,
        "partial": 0,
        "missing": 1,
    }
    assert data["rules"] == {"numbering/sequence": 2, "meta/title": 1}
    assert list(data["checklist"]) == list(ITEM_IDS)
    assert "共 3 份报告：通过 1 份，不通过 1 份，无法检查 1 份。" in summary_lines(
        summary
    )


def test_csv_opens_in_excel_utf8_with_bom() -> None:
    text = render("csv")
    assert text.startswith("\ufeff文件,")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["文件", "单位", "年度", "规则包"]
    # 雷同 and 上年延续 are empty: these reports were not compared.
    assert rows[1] == [
        *("a/甲.txt", "某县人民政府", "2022", "fazhi-2019"),
        *("✓", "✓", "✗", "✓", "✗", "1", "1", "0", "", "", "不通过"),
    ]
    assert rows[3][0] == "c.txt" and rows[3][-1] == "无法检查：文件为空"


def test_table_marks_items_and_ends_with_the_summary() -> None:
    text = render("table")
    row = next(line for line in text.splitlines() if line.startswith("b.txt"))
    assert row.split() == [
        *("b.txt", "✓", "✓", "✓", "✓", "✓", "0", "1", "通过", "某县人民政府")
    ]
    assert "无法检查：文件为空" in text
    # rules are named in Chinese beside their ids
    assert text.rstrip().endswith(
        "numbering/sequence（同级序号跳号、重复或倒序）：2 份"
    )


def test_table_rows_stream_aligned_by_display_width() -> None:
    out = io.StringIO()
    writer = make_writer("table", out, TOOL, names=[d.path for d in DOCS])
    writer.begin()
    writer.document(DOCS[0])
    assert "a/甲.txt" in out.getvalue()  # written at once, not at the end
    for doc in DOCS[1:]:
        writer.document(doc)
    writer.end(Summary())
    header, rule, *rows = out.getvalue().splitlines()[:5]
    verdict_at = {
        wcswidth(line[: line.rindex(last)])
        for line, last in [
            (header, "结论"),
            (rows[0], "不通过"),
            (rows[1], "通过"),
            (rows[2], "无法检查"),
        ]
    }
    assert len(verdict_at) == 1  # the 结论 column starts at one display column
    assert rule.split() == ["-" * n for n in map(len, rule.split())]


def test_sarif_validates_against_the_official_schema() -> None:
    log = json.loads(render("sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "warning"]
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "a/%E7%94%B2.txt"
    assert first["region"] == {
        "startLine": 3,
        "startColumn": 1,
        "snippet": {"text": "二、"},
    }
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["help"]["text"] == SEQUENCE.hint  # no {argument} left unfilled
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["basis"] == SEQUENCE.basis
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "c.txt：文件为空"


@pytest.mark.parametrize(
    "fmt", [f for f in FORMATS if f != "text" and f not in BINARY_FORMATS]
)
def test_output_is_deterministic(fmt: str) -> None:
    assert render(fmt) == render(fmt)


def test_xlsx_is_byte_identical_for_the_same_reports(tmp_path) -> None:
    """No creation time stamped in: two runs, one workbook."""
    made = []
    for _ in (1, 2):
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        write_all("xlsx", out, TOOL, DOCS, lambda _: [SEQUENCE])
        out.flush()
        made.append(raw.getvalue())
    assert made[0] == made[1] and made[0][:2] == b"PK"


def test_csv_cells_never_start_a_formula() -> None:
    risky = [document(name) for name in ("=1+1.txt", "+SUM(A1).txt", "@x.txt")]
    risky.append(error("-2.txt", "\tcmd"))
    rows = list(csv.reader(io.StringIO(render("csv", risky)[1:])))
    assert [r[0] for r in rows[1:]] == [
        "'=1+1.txt",
        "'+SUM(A1).txt",
        "'@x.txt",
        "'-2.txt",
    ]
    findings = list(csv.reader(io.StringIO(render("csv-findings", risky)[1:])))
    cells = [cell for r in findings for cell in r]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_csv_findings_is_one_row_per_finding_with_the_rule_named() -> None:
    rows = list(csv.reader(io.StringIO(render("csv-findings")[1:])))
    header, *body = rows
    assert header[:6] == ["单位", "文件", "位置", "规则", "规则名称", "级别"]
    assert len(body) == sum(len(doc.findings) for doc in DOCS) == 3
    first = dict(zip(header, body[0], strict=True))
    assert first["规则"] == "numbering/sequence"
    assert first["规则名称"] == SEQUENCE.summary
    assert (first["单位"], first["位置"], first["级别"]) == (
        "某县人民政府",
        "第3行第1列",
        "错误",
    )
