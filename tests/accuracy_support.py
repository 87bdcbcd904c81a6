"""Shared by the accuracy tests: run a report through the engine and read back
what users see (the decisions in the Report, the meta as JSON shows it)."""

from __future__ import annotations

from pathlib import Path

from checker.engine import Report, check_document
from checker.formats.json_ import meta_json
from checker.source import Source

CORPUS = Path(__file__).parent / "corpus"
COMPLIANT = sorted((CORPUS / "compliant").glob("*.txt"))

Finding = tuple[str, int, str]  # (rule, line, severity)


def check(text: str, **options: object) -> Report:
    return check_document(Source("report.txt", text), **options)


def findings(text: str, **options: object) -> list[Finding]:
    """(rule, line, severity) of every finding, sorted."""
    return sorted((f.rule, f.line, f.severity) for f in check(text, **options).findings)


def messages(text: str, rule: str) -> list[str]:
    return [f.message for f in check(text).findings if f.rule == rule]


def meta(text: str) -> dict[str, object]:
    return meta_json(check(text).meta)


def statuses(text: str) -> dict[str, str]:
    return {item.id: item.status for item in check(text).checklist}


def serious(found: list[Finding]) -> list[Finding]:
    """The findings that fail a report or warn its reader."""
    return [f for f in found if f[2] in ("error", "warning")]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle``."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1
