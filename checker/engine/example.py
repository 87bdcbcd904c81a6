"""Per-rule examples as data: ``cases/<area>/<rule>.yaml``, text in, findings out.

The same files are the rules' test cases (tests/test_cases.py runs every one)
and what ``explain`` shows, so an example can never drift from what the rule
does (SQLFluff's ``std_rule_cases``). Each case has ``fail`` or ``pass`` text,
optional ``year`` and ``rules`` (a pack), and for ``fail`` the ``findings`` of
its rule: line, column, severity and the rendered message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from checker.engine.waiver import Waiver
from checker.resources import data_dir


@dataclass(frozen=True, slots=True)
class Case:
    rule: str
    name: str
    text: str
    failing: bool
    year: int | None = None
    rules: str | None = None  # the pack to run it with (default: by year)
    #: Expected findings of ``rule``: (line, column, severity, message).
    findings: tuple[tuple[int, int, str, str], ...] = field(default=())


def case_file(rule_id: str) -> Path:
    area, name = rule_id.split("/", 1)
    return data_dir("cases") / area / f"{name}.yaml"


@cache
def cases_of(rule_id: str) -> tuple[Case, ...]:
    """The cases of one rule, in file order; () when it has none."""
    path = case_file(rule_id)
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(_case(rule_id, entry) for entry in data.get("cases", ()))


def first_examples(rule_id: str) -> tuple[Case | None, Case | None]:
    """The rule's first failing and first passing case (what explain shows)."""
    cases = cases_of(rule_id)
    failing = next((c for c in cases if c.failing), None)
    passing = next((c for c in cases if not c.failing), None)
    return failing, passing


def all_rule_ids() -> list[str]:
    root = data_dir("cases")
    return sorted(f"{p.parent.name}/{p.stem}" for p in root.glob("*/*.yaml"))


def _case(rule_id: str, entry: dict) -> Case:
    failing = "fail" in entry
    return Case(
        rule=rule_id,
        name=entry["name"],
        text=entry["fail" if failing else "pass"],
        failing=failing,
        year=entry.get("year"),
        rules=entry.get("rules"),
        findings=tuple(
            (f["line"], f["column"], f["severity"], f["message"])
            for f in entry.get("findings", ())
        ),
    )


@dataclass(frozen=True, slots=True)
class BatchCase:
    """A case of a rule that compares reports (check types with ``BATCH``):
    several documents (name -> text) checked as one batch, optionally with
    earlier reports (``previous``), and the findings of ``rule`` expected on
    each: (path, severity, message)."""

    rule: str
    name: str
    documents: tuple[tuple[str, str], ...]
    failing: bool
    previous: tuple[tuple[str, str], ...] = ()
    findings: tuple[tuple[str, str, str], ...] = field(default=())
    #: Accountable waivers applied to the batch (config/expired-waiver).
    waivers: tuple[Waiver, ...] = ()


@cache
def batch_cases_of(rule_id: str) -> tuple[BatchCase, ...]:
    """The batch cases of one rule (``batch_cases:`` in its case file)."""
    path = case_file(rule_id)
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(_batch_case(rule_id, entry) for entry in data.get("batch_cases", ()))


def _batch_case(rule_id: str, entry: dict) -> BatchCase:
    failing = "fail" in entry
    return BatchCase(
        rule=rule_id,
        name=entry["name"],
        documents=tuple(entry["fail" if failing else "pass"].items()),
        failing=failing,
        previous=tuple(entry.get("previous", {}).items()),
        findings=tuple(
            (f["path"], f["severity"], f["message"]) for f in entry.get("findings", ())
        ),
        waivers=tuple(
            Waiver(**{**w, "where": f"第{n}项"})
            for n, w in enumerate(entry.get("waivers", ()), 1)
        ),
    )
