"""Rule cases as data (tests/cases/*.yaml): text in, findings out.

Each file lists the ``rules`` it tests; each case gives ``text``, optional
``year``, ``rules`` (a pack), ``only`` (narrower rule list) and the expected
``findings`` as [rule, line, severity], in the engine's order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.engine.check import check_document
from checker.source.decode import Source

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[tuple[str, list[str], dict]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{path.stem}: {case['name']}", data["rules"], case))
    return cases


CASES = load_cases()


@pytest.mark.parametrize(("name", "rules", "case"), CASES, ids=[c[0] for c in CASES])
def test_case(name: str, rules: list[str], case: dict) -> None:
    source = Source("case.txt", case["text"])
    doc = check_document(source, rules=case.get("rules"), year=case.get("year"))
    found = [
        [f["rule"], f["line"], f["severity"]]
        for f in doc["findings"]
        if f["rule"] in case.get("only", rules)
    ]
    assert found == [list(f) for f in case["findings"]]
