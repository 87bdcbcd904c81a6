"""The engine: run a rule pack over one parsed report; pure, no I/O, no printing.

``check_document`` is the one entry point the commands (and worker processes)
use. Packs are cached at module level, so each process loads a pack once.
"""

from __future__ import annotations

from checker.checks import CHECKS
from checker.checks.checklist import evaluate
from checker.checks.context import context
from checker.checks.hit import Finding, Hit
from checker.engine.pack import Pack, PackError, Rule, read, resolve
from checker.parse.document import Document, parse
from checker.parse.meta import Meta
from checker.source.decode import Source

FAIL_ON = ("error", "warning", "never")
_PACKS: dict[str, Pack] = {}
_UNKNOWN_YEAR = "（未识别报告年度，按2019年及以后的规定检查）"

__all__ = [
    "PackError",
    "check_document",
    "error_document",
    "load_pack",
    "select_pack",
]


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
) -> dict:
    """Check one report; return the JSON "document" object (schema version 1)."""
    doc = parse(source.text)
    report_year = year or doc.meta.year
    pack = load_pack(rules or select_pack(report_year))
    findings, checklist = run(pack, doc, report_year)
    meta = doc.meta.as_dict()
    meta["year"] = report_year
    basis = pack.basis + (_UNKNOWN_YEAR if report_year is None and not rules else "")
    return {
        "path": source.path,
        "sha256": source.sha256,
        "format": source.format,
        "line_unit": "paragraph" if source.line_label == "段" else "line",
        "status": status_of(findings, fail_on),
        "meta": meta,
        "ruleset": {"id": pack.id, "basis": basis},
        "checklist": checklist,
        "findings": [f.as_dict() for f in findings],
    }


def error_document(path: str, reason: str) -> dict:
    """The document object for an input that could not be read."""
    return {
        "path": path,
        "sha256": None,
        "format": None,
        "status": "error",
        "error": reason,
        "meta": Meta().as_dict(),
        "ruleset": {"id": None, "basis": None},
        "checklist": [],
        "findings": [],
    }


def run(
    pack: Pack, doc: Document, year: int | None
) -> tuple[list[Finding], list[dict]]:
    """Findings (sorted) and the checklist (as dicts) for one parsed document."""
    items = tuple(evaluate(doc, pack.required_items))
    ctx = context(doc, year, items)
    findings = set()
    for rule in pack.rules:
        check = CHECKS[rule.check]
        for hit in check.check(ctx, ctx.of_kinds(check.NODES), rule.options):
            findings.add(_finding(rule, hit, doc))
    return sorted(findings), [item.as_dict() for item in items]


def status_of(findings: list[Finding], fail_on: str = "error") -> str:
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}
    if fail_on not in failing:
        raise ValueError(f"fail_on must be one of {FAIL_ON}")
    return "fail" if any(f.severity in failing[fail_on] for f in findings) else "pass"


def _finding(rule: Rule, hit: Hit, doc: Document) -> Finding:
    args = {"text": hit.text, **hit.args}
    return Finding(
        line=doc.index.line_of(hit.offset),
        column=doc.index.column_of(hit.offset),
        rule=rule.id,
        severity=hit.severity or rule.severity,
        text=hit.text,
        message=_format(rule.message, args),
        basis=rule.basis,
        hint=_format(rule.hint, args),
    )


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, args: dict) -> str:
    return template.format_map(_Args(args))
