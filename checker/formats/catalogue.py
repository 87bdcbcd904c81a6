"""``rules --format json``: the rule catalogue, for audit systems and tooling.

One object per pack: its basis, which items it requires or recommends, and
every rule with its severity, texts, option values (as a pack writes them),
the arguments its messages may use and its first failing and passing example.
"""

from __future__ import annotations

import re
from typing import Any

from checker.engine import Pack, Rule
from checker.engine.example import first_examples
from checker.formats.schema import SCHEMA_VERSION


def catalogue(packs: list[Pack], tool: dict[str, str]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool,
        "packs": [pack_json(pack) for pack in packs],
    }


def pack_json(pack: Pack) -> dict[str, Any]:
    return {
        "id": pack.id,
        "name": pack.name,
        "basis": pack.basis,
        "required_items": list(pack.required_items),
        "recommended_items": list(pack.recommended_items),
        "rules": [rule_json(rule) for rule in pack.rules],
    }


def rule_json(rule: Rule) -> dict[str, Any]:
    failing, passing = first_examples(rule.id)
    options = {name: _plain(value) for name, value in rule.options.items()}
    return {
        "id": rule.id,
        "check": rule.check,
        "severity": rule.severity,
        "summary": rule.summary,
        "message": rule.message,
        "basis": rule.basis,
        "hint": rule.hint,
        "limits": rule.limits,
        "options": options,
        "args": rule.args,
        "examples": {
            "fail": failing.text if failing else None,
            "pass": passing.text if passing else None,
        },
    }


def _plain(value: Any) -> Any:
    """An option value as a pack writes it: patterns as text, lists as lists."""
    if isinstance(value, re.Pattern):
        return value.pattern
    if isinstance(value, tuple):
        return [_plain(entry) for entry in value]
    return value
