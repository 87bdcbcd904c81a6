"""Findings: small sortable value objects produced by the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Severities, most severe first.
SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: where (offset into the text), what, and message args.

    ``severity`` overrides the rule's severity for this one hit (level-skip uses it
    to make a tolerated skip informational).
    """

    offset: int
    text: str
    args: dict[str, object] = field(default_factory=dict, compare=False)
    severity: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    line: int
    column: int
    rule: str
    severity: str
    text: str
    message: str
    basis: str
    hint: str

    def as_dict(self) -> dict[str, object]:
        # Not dataclasses.asdict: that deep-copies every field, and the JSON
        # key order differs from the sort order of the fields.
        return {key: getattr(self, key) for key in _JSON_KEYS}


_JSON_KEYS = ("rule", "severity", "line", "column", "text", "message", "basis", "hint")
