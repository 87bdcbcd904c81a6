"""``--format csv-findings`` end to end: one row per finding of the seeds."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from conftest import SEEDS

from checker.cli import main


def run(fmt: str) -> str:
    return CliRunner().invoke(main, ["check", str(SEEDS), "--format", fmt]).stdout


def test_one_row_per_finding_with_section_and_rule_name() -> None:
    documents = [json.loads(line) for line in run("jsonl").splitlines()[:-1]]
    header, *rows = csv.reader(io.StringIO(run("csv-findings").lstrip("\ufeff")))
    assert len(rows) == sum(len(doc["findings"]) for doc in documents)
    found = [dict(zip(header, row, strict=True)) for row in rows]
    lost = next(row for row in found if row["规则"] == "numbering/missing-punctuation")
    assert lost["位置"] == "一、/(一)/2 第18行第1列"
    assert lost["规则名称"].startswith("序号后缺少标点")
    assert lost["单位"] == "南城街道办事处"
