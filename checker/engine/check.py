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
from checker.checks.unit import canonical_unit
from checker.engine.overlay import Overlay, narrow
from checker.engine.pack import Pack, read, resolve
from checker.engine.position import Locator
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

_PACKS: dict[tuple[str, Overlay | None], Pack] = {}
_UNKNOWN_YEAR = "（未识别报告年度，按2019年及以后的规定检查）"


def load_pack(name_or_path: str, overlay: Overlay | None = None) -> Pack:
    """A validated pack by name (``fazhi-2019``) or path, narrowed by
    ``overlay`` if given; raises PackError."""
    path = resolve(name_or_path)
    key = (str(path), overlay or None)
    if key not in _PACKS:
        base = _PACKS.get((str(path), None)) or read(path)
        _PACKS[(str(path), None)] = base
        _PACKS[key] = narrow(base, overlay) if overlay else base
    return _PACKS[key]


def regime_note(pack: Pack, year: int | None) -> str:
    """Say so when a chosen pack follows another regime than the report's year.

    A custom pack extends fazhi-2019 or fazhi-2015 (or neither); a 2016 report
    judged by a pack built on the 2019 regulation is told, not silently scored.
    """
    if year is None:
        return ""
    due = select_pack(year)
    regimes = [name for name in pack.lineage if name in ("fazhi-2015", "fazhi-2019")]
    if not regimes or regimes[0] == due:
        return ""
    used = regimes[0]
    return f"（注意：{year}年度的报告应适用 {due}，所选规则包 {pack.id} 基于 {used}）"


def select_pack(year: int | None) -> str:
    """The pack for a report year: 2019+ (or unknown) 督察工作规定, earlier 纲要."""
    return "fazhi-2015" if year is not None and year < 2019 else "fazhi-2019"


def check_document(
    source: Source,
    *,
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
    overlay: Overlay | None = None,
) -> Report:
    """Check one report read from any format."""
    return check_source(
        source, rules=rules, year=year, fail_on=fail_on, overlay=overlay
    )[0]


def check_source(
    source: Source,
    *,
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
    overlay: Overlay | None = None,
) -> tuple[Report, Document]:
    """The report and the parsed document (batch fingerprints read the tree)."""
    doc = parse(source.text)
    where = Locator(doc, source)
    report_year = year or doc.meta.year
    pack = load_pack(rules or select_pack(report_year), overlay)
    findings, checklist = apply_rules(pack, doc, report_year)
    basis = pack.basis + (_UNKNOWN_YEAR if report_year is None and not rules else "")
    basis += regime_note(pack, report_year) if rules else ""
    report = Report(
        path=source.path,
        status=status_of(findings, fail_on),
        sha256=source.sha256,
        format=source.format,
        line_unit=LineUnit.PARAGRAPH if source.line_label == "段" else LineUnit.LINE,
        meta=replace(doc.meta, year=report_year),
        ruleset=Ruleset(pack.id, basis),
        checklist=tuple(_item_status(item, where) for item in checklist),
        findings=tuple(where.finding(finding) for finding in findings),
        unit=canonical_unit(doc.meta.unit),
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


def _item_status(item: ItemResult, where: Locator) -> ItemStatus:
    evidence = None
    if item.status != "missing":
        evidence = where.evidence(Evidence(item.text, item.path, item.line, item.note))
    return ItemStatus(item.id, item.name, item.status, item.required, evidence)
