"""``--format xlsx``: the supervisor's workbook, opened with openpyxl."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from conftest import SEEDS
from scorecard import batch, write

from checker.cli import main
from checker.formats.rows import FINDING_HEADERS, REPORT_HEADERS

SHEETS = ["汇总", "问题明细", "清单统计", "规则统计", "无法检查"]
RISKY = '=HYPERLINK("x","点我")+1.txt'


def rows(book, sheet: str) -> list[tuple]:
    return list(book[sheet].iter_rows(values_only=True))


def column(book, sheet: str, header: str) -> list:
    head, *body = rows(book, sheet)
    at = head.index(header)
    return [row[at] for row in body]


def no_formula_anywhere(path: Path) -> None:
    book = openpyxl.load_workbook(path)  # not read-only: cells keep data_type
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_a_folder_becomes_a_typed_filterable_workbook(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    shutil.copytree(SEEDS, folder)
    shutil.copy(next(SEEDS.glob("002_*")), folder / RISKY)
    (folder / "空.txt").write_bytes(b"")
    target = tmp_path / "汇总.xlsx"
    result = CliRunner().invoke(
        main, ["check", str(folder), "--format", "xlsx", "-o", str(target), "-j", "1"]
    )
    assert result.exit_code == 2 and result.stdout == ""  # 空.txt is unreadable
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == SHEETS
    card = rows(book, "汇总")
    assert card[0] == REPORT_HEADERS and len(card) == 1 + 7
    assert book["汇总"].auto_filter.ref == f"A1:O{len(card)}"
    assert book["汇总"].freeze_panes == "A2"
    files = [Path(name).name for name in column(book, "汇总", "文件")]
    assert files == sorted(files)  # input order: discovery sorts paths
    assert RISKY in files  # written as text, as it was named
    first = dict(zip(card[0], card[1], strict=True))
    assert first["单位"] == "南城街道办事处" and first["年度"] == 2018
    assert (first["错误"], first["结论"]) == (1, "不通过")
    assert first["不足原因"] == "部分" and first["第一责任人"] == "缺"
    assert isinstance(first["提示"], int)
    assert book["汇总"]["F2"].fill.fgColor.rgb.endswith("C6EFCE")  # 有: green
    detail = rows(book, "问题明细")
    assert detail[0] == FINDING_HEADERS
    assert all(row[4] for row in detail[1:])  # every rule named in Chinese
    assert any(row[2].startswith("一、/(一)/2 第18行") for row in detail[1:])
    assert rows(book, "无法检查")[1][1] == "文件为空"
    no_formula_anywhere(target)


def test_xlsx_needs_an_output_file() -> None:
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "须用 -o 指定输出文件" in result.stderr


def test_a_thousand_reports_one_row_each_and_one_per_finding(tmp_path: Path) -> None:
    reports = batch(1000)
    target = write("xlsx", reports, tmp_path / "汇总.xlsx")
    book = openpyxl.load_workbook(target, read_only=True)
    card = rows(book, "汇总")[1:]
    assert [row[3] for row in card] == [report.path for report in reports]
    assert len(rows(book, "问题明细")) - 1 == sum(len(r.findings) for r in reports)
    assert len(rows(book, "无法检查")) - 1 == 10
    items = rows(book, "清单统计")[1:]
    assert len(items) == 5 and all(sum(row[2:8:2]) == 990 for row in items)
    assert items[0][3] == 1  # measures: present in every checked report (100%)
    assert 0 < items[1][3] < 1  # shortcomings: a share, not a count
    ranked = rows(book, "规则统计")[1:]
    assert [row[2] for row in ranked] == sorted(
        (row[2] for row in ranked), reverse=True
    )
    assert all(isinstance(row[1], int) for row in card if row[13] != "无法检查")
