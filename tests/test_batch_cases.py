"""Cases of the rules that compare reports (check types with ``BATCH``).

Their case files (tests/cases/batch/, tests/cases/history/) hold
``batch_cases``: several documents checked as one batch, optionally with
earlier reports, and the findings expected on each document. The
single-document engine skips these rules; this runs them the way
``fazhi-check check --previous`` does, without worker processes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.batch.related import in_process
from checker.checks import CHECKS
from checker.engine import load_pack, pack_names
from checker.engine.example import BatchCase, batch_cases_of, cases_of
from checker.engine.waiver import waive

BATCH_RULES = sorted(
    {
        rule.id
        for name in pack_names()
        for rule in load_pack(name).rules
        if getattr(CHECKS[rule.check], "BATCH", False)
    }
)
CASES = [case for rule in BATCH_RULES for case in batch_cases_of(rule)]


def findings_of(case: BatchCase) -> list[tuple[str, str, str]]:
    reports = in_process(case.documents, case.previous)
    if case.waivers:
        reports = [waive(r, case.waivers, dt.date.today()) for r in reports]
    return sorted(
        (report.path, f.severity, f.message)
        for report in reports
        for f in report.findings
        if f.rule == case.rule
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}: {c.name}" for c in CASES])
def test_batch_case(case: BatchCase) -> None:
    expected = sorted(case.findings) if case.failing else []
    if case.failing:
        assert expected, "a failing case must list the findings it expects"
    assert findings_of(case) == expected


def test_batch_rules_are_those_applied_over_finished_reports() -> None:
    assert BATCH_RULES == [
        "batch/duplicate",
        "batch/similar",
        "config/expired-waiver",
        "history/carried-over",
    ]


@pytest.mark.parametrize("rule_id", BATCH_RULES)
def test_batch_rules_have_batch_cases_only(rule_id: str) -> None:
    assert not cases_of(rule_id), "single-document cases would never fire"
