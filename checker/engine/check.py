"""Checking one report: parse it, run the pack's rules, build the Report.

``check_document`` is the one entry point the commands (and worker processes)
use. Packs are cached at module level, so each process loads a pack once.
"""

from __future__ import annotations

from dataclasses import replace

from checker.checks import CHECKS
from checker.checks.checklist import ItemResult, evaluate
from checker.checks.context import context
from checker.checks.hit import Hit
from checker.engine.pack import Pack, read, resolve
from checker.engine.report import (
    Evidence,
    Finding,
    ItemStatus,
    LineUnit,
    Report,
    Ruleset,
    status_of,
)
from checker.engine.rule import Rule
from checker.parse import Document, parse
from checker.source import Source

_PACKS: dict[str, Pack] = {}
_UNKNOWN_YEAR = "（未识别报告年度，按2019年及以后的规定检查）"


def load_pack(name_or_path: str) -> Pack:
    """A validated pack by name (``fazhi-2019``) or path; raises PackError."""
    path = resolve(name_or_path)
    if str(path) not in _PACKS:
        _PACKS[str(path)] = read(path)
    return _PACKS[str(path)]


def select_pack(year: int | None) -> str:
    """The pack for a report year: 2019+ (or unknown) 督察工作规定, earlier 纲要."""
    return "fazhi-2015" if year is not None and year < 2019 else "fazhi-2019"


def check_document(
    source: Source,
    *,
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
) -> Report:
    """Check one report read from any format."""
    return check_source(source, rules=rules, year=year, fail_on=fail_on)[0]


def check_source(
    source: Source,
    *,
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
) -> tuple[Report, Document]:
    """The report and the parsed document (batch fingerprints read the tree)."""
    doc = parse(source.text)
    report_year = year or doc.meta.year
    pack = load_pack(rules or select_pack(report_year))
    findings, checklist = apply_rules(pack, doc, report_year)
    basis = pack.basis + (_UNKNOWN_YEAR if report_year is None and not rules else "")
    report = Report(
        path=source.path,
        status=status_of(findings, fail_on),
        sha256=source.sha256,
        format=source.format,
        line_unit=LineUnit.PARAGRAPH if source.line_label == "段" else LineUnit.LINE,
        meta=replace(doc.meta, year=report_year),
        ruleset=Ruleset(pack.id, basis),
        checklist=tuple(_item_status(item) for item in checklist),
        findings=findings,
    )
    return report, doc


def apply_rules(
    pack: Pack, doc: Document, year: int | None
) -> tuple[tuple[Finding, ...], tuple[ItemResult, ...]]:
    """Findings (sorted, without duplicates) and the checklist of one document."""
    items = tuple(evaluate(doc, pack.required_items))
    ctx = context(doc, year, items, pack.expected_items)
    findings = set()
    for rule in pack.rules:
        check = CHECKS[rule.check]
        if getattr(check, "BATCH", False):  # compares reports: checker.batch
            continue
        for hit in check.check(ctx, ctx.of_kinds(check.NODES), rule.options):
            findings.add(_finding(rule, hit, doc))
    return tuple(sorted(findings)), items


def _finding(rule: Rule, hit: Hit, doc: Document) -> Finding:
    declared = CHECKS[rule.check].ARGS
    if set(hit.args) != set(declared):  # a check that breaks its own contract
        raise ValueError(f"{rule.check}: hit args {sorted(hit.args)} != ARGS")
    args = {"text": hit.text, **hit.args}
    return Finding(
        line=doc.index.line_of(hit.offset),
        column=doc.index.column_of(hit.offset),
        rule=rule.id,
        severity=hit.severity or rule.severity,
        text=hit.text,
        message=rule.render(rule.message, args),
        basis=rule.basis,
        hint=rule.render(rule.hint, args),
        args=tuple((name, hit.args[name]) for name in declared),
    )


def _item_status(item: ItemResult) -> ItemStatus:
    evidence = None
    if item.status != "missing":
        evidence = Evidence(item.text, item.path, item.line, item.note)
    return ItemStatus(item.id, item.name, item.status, item.required, evidence)
