"""Golden decisions per seed: what the checker decided, not how it words it.

Each golden records the checklist statuses (with where each item was found)
and every finding's rule, position, severity and arguments, so rewording a
message in a pack changes no golden, while a changed decision always does.

After a deliberate change run ``FAZHI_REGEN=1 pytest tests/test_golden.py``:
it writes ``*.json.new`` beside each golden that differs and still fails.
Read the diff, then move the ``.new`` file over the golden.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from checker.engine import Report, check_document
from checker.source import load_source

GOLDEN = Path(__file__).parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def decisions(report: Report) -> dict:
    return {
        "status": report.status.value,
        "ruleset": report.ruleset.id if report.ruleset else None,
        "year": report.meta.year,
        "checklist": [
            {
                "id": item.id,
                "status": item.status,
                "line": item.evidence.line if item.evidence else None,
                "path": item.evidence.path if item.evidence else None,
            }
            for item in report.checklist
        ],
        "findings": [
            {
                "rule": f.rule,
                "line": f.line,
                "column": f.column,
                "severity": f.severity,
                "args": dict(f.args),
            }
            for f in report.findings
        ],
    }


def render(path: Path) -> str:
    name = path.relative_to(ROOT).as_posix()
    report = check_document(load_source(path.read_bytes(), name))
    return json.dumps(decisions(report), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem[:3] for p in SEED_FILES])
def test_seed_matches_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    actual = render(path)
    expected = golden.read_text(encoding="utf-8") if golden.is_file() else None
    if actual != expected and os.environ.get("FAZHI_REGEN"):
        golden.with_suffix(".json.new").write_text(actual, encoding="utf-8")
    assert expected is not None, f"no golden: run FAZHI_REGEN=1, read {golden}.new"
    assert actual == expected, f"decisions changed: FAZHI_REGEN=1 writes {golden}.new"
