"""Per-rule cases (tests/cases/<area>/<rule>.yaml) and the meta-tests on them.

Rules that compare reports (batch/*, history/*) have ``batch_cases`` instead,
run by tests/test_batch_cases.py; the meta-test accepts either kind.

Every case runs through the engine: a ``fail`` case must give exactly its
findings of its rule (line, column, severity, rendered message), a ``pass``
case none. Every rule of every bundled pack must have at least one of each.
"""

from __future__ import annotations

import pytest

from checker.engine import check_document, load_pack, pack_names
from checker.engine.example import Case, all_rule_ids, batch_cases_of, cases_of
from checker.source import Source

CASES = [case for rule in all_rule_ids() for case in cases_of(rule)]
BUNDLED_RULES = sorted({r.id for name in pack_names() for r in load_pack(name).rules})


def findings_of(case: Case) -> list[tuple[int, int, str, str]]:
    report = check_document(
        Source("例.txt", case.text), rules=case.rules, year=case.year
    )
    return [
        (f.line, f.column, f.severity, f.message)
        for f in report.findings
        if f.rule == case.rule
    ]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}: {c.name}" for c in CASES])
def test_case(case: Case) -> None:
    expected = list(case.findings) if case.failing else []
    if case.failing:
        assert expected, "a failing case must list the findings it expects"
    assert findings_of(case) == expected


@pytest.mark.parametrize("rule_id", BUNDLED_RULES)
def test_every_rule_has_a_failing_and_a_passing_case(rule_id: str) -> None:
    # Rules that compare reports have batch cases (tests/test_batch_cases.py).
    cases = cases_of(rule_id) or batch_cases_of(rule_id)
    assert any(c.failing for c in cases), f"{rule_id}: no failing case"
    assert any(not c.failing for c in cases), f"{rule_id}: no passing case"


def test_no_case_file_names_a_rule_no_pack_has() -> None:
    assert set(all_rule_ids()) <= set(BUNDLED_RULES)
