"""Shared by the accuracy tests: run a report through the engine and read back
what users see. The engine's return type may change (dict -> typed Report);
only this module reads it."""

from __future__ import annotations

from pathlib import Path

from checker.engine.check import check_document
from checker.source.decode import Source

CORPUS = Path(__file__).parent / "corpus"
COMPLIANT = sorted((CORPUS / "compliant").glob("*.txt"))

Finding = tuple[str, int, str]  # (rule, line, severity)


def check(text: str, **options: object) -> object:
    return check_document(Source("report.txt", text), **options)


def _get(obj: object, key: str) -> object:
    return obj[key] if isinstance(obj, dict) else getattr(obj, key)


def findings(text: str, **options: object) -> list[Finding]:
    """(rule, line, severity) of every finding, sorted."""
    doc = check(text, **options)
    return sorted(
        (_get(f, "rule"), _get(f, "line"), _get(f, "severity"))
        for f in _get(doc, "findings")
    )


def messages(text: str, rule: str) -> list[str]:
    doc = check(text)
    return [
        _get(f, "message") for f in _get(doc, "findings") if _get(f, "rule") == rule
    ]


def meta(text: str) -> dict[str, object]:
    value = _get(check(text), "meta")
    return value if isinstance(value, dict) else value.as_dict()


def statuses(text: str) -> dict[str, str]:
    return {_get(c, "id"): _get(c, "status") for c in _get(check(text), "checklist")}


def serious(found: list[Finding]) -> list[Finding]:
    """The findings that fail a report or warn its reader."""
    return [f for f in found if f[2] in ("error", "warning")]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of ``needle``."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1
