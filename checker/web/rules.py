"""The rules page: every bundled pack's rules with what ``explain`` tells.

Built from the engine's own pieces (packs, ``first_examples``, the check
types' option kinds), once per server process: the examples are the rules'
test cases, checked here as ``explain`` checks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.checks import CHECKS
from checker.engine import LineUnit, Pack, Rule, check_document, load_pack, pack_names
from checker.engine.example import Case, first_examples
from checker.formats.labels import SEVERITY, position
from checker.source import Source


@dataclass(frozen=True, slots=True)
class RuleView:
    id: str
    severity: str
    summary: str
    basis: str
    check: str
    options: str
    failing: str | None
    found: tuple[str, ...]  # what the rule reports on the failing example
    passing: str | None
    hint: str


@dataclass(frozen=True, slots=True)
class PackView:
    id: str
    name: str
    basis: str
    rules: tuple[RuleView, ...]


@cache
def catalogue() -> tuple[PackView, ...]:
    """All bundled packs, in name order, with their rules explained."""
    return tuple(_pack(load_pack(name)) for name in pack_names())


def _pack(pack: Pack) -> PackView:
    return PackView(
        pack.id, pack.name, pack.basis, tuple(_rule(r, pack) for r in pack.rules)
    )


def _rule(rule: Rule, pack: Pack) -> RuleView:
    failing, passing = first_examples(rule.id)
    found = _run(failing, rule, pack) if failing else []
    return RuleView(
        id=rule.id,
        severity=SEVERITY[rule.severity],
        summary=rule.summary,
        basis=rule.basis,
        check=rule.check,
        options=_options(rule),
        failing=failing.text.rstrip("\n") if failing else None,
        found=tuple(
            f"{position(f.line, f.column, LineUnit.LINE)} [{SEVERITY[f.severity]}] "
            f"{f.message}"
            for f in found
        ),
        passing=passing.text.rstrip("\n") if passing else None,
        hint=found[0].hint if found else rule.describe(rule.hint),
    )


def _run(case: Case, rule: Rule, pack: Pack) -> list:
    report = check_document(Source("例", case.text), rules=pack.path, year=case.year)
    return [f for f in report.findings if f.rule == rule.id]


def _options(rule: Rule) -> str:
    kinds = CHECKS[rule.check].OPTIONS
    if not kinds:
        return "无"
    return "；".join(f"{k}＝{kinds[k].show(v)}" for k, v in rule.options.items())
