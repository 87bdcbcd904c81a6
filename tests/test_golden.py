"""Golden JSON per seed: the engine's document object, compared whole.

Regenerate after a deliberate change with ``FAZHI_REGEN=1 pytest tests/test_golden.py``
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from checker.engine.check import check_document
from checker.source.load import load_source

GOLDEN = Path(__file__).parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def render(path: Path) -> str:
    name = path.relative_to(ROOT).as_posix()
    doc = check_document(load_source(path.read_bytes(), name))
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem[:3] for p in SEED_FILES])
def test_seed_matches_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    actual = render(path)
    if os.environ.get("FAZHI_REGEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), "missing golden file: run with FAZHI_REGEN=1"
    assert actual == golden.read_text(encoding="utf-8")
