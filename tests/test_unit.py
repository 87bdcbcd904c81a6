"""Canonical unit names: one name per reporting unit, so reports group."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker.checks.unit import canonical_unit
from checker.cli import main


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("南城街道办事处", "南城街道办事处"),
        ("南城街道", "南城街道办事处"),
        ("南城街道办", "南城街道办事处"),
        ("某县人民政府", "某县人民政府"),
        ("某县政府", "某县人民政府"),
        ("某县", "某县人民政府"),
        ("小王庄镇", "小王庄镇人民政府"),
        (" 某 县 政府 ", "某县人民政府"),
        ("某县司法局", "某县司法局"),
        ("某县人民政府办公室", "某县人民政府办公室"),
        ("安宁市人民政府县街街道", "安宁市人民政府县街街道办事处"),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_one_canonical_name_per_unit(
    written: str | None, canonical: str | None
) -> None:
    assert canonical_unit(written) == canonical


def test_json_documents_carry_the_canonical_unit() -> None:
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()[:-1]]
    units = {doc["path"].rsplit("/", 1)[-1][:3]: doc["unit"] for doc in lines}
    assert units["000"] == "南城街道办事处"
    assert units["001"] == "肇东市人民政府"  # from the title "肇东市…"
    assert lines[0]["meta"]["unit"] == "南城街道办事处"  # as written, unchanged
