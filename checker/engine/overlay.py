"""Narrowing a pack for one run: ``--select``, ``--ignore``, ``--severity``.

Applied on top of the pack chosen by report year (ruff's select/ignore): the
regulation decides which pack applies, the user decides which of its rules to
see and how loudly. A selector is a rule id (``meta/signature``), an area
(``numbering`` or ``numbering/``) or ``ALL``; one that matches no rule of the
pack is an error, so a typo never silently turns a rule off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.checks.option import SEVERITIES
from checker.engine.pack import Pack, PackError


@dataclass(frozen=True, slots=True)
class Overlay:
    select: tuple[str, ...] = ()  # empty: every rule of the pack
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()  # (selector, severity)

    def __bool__(self) -> bool:
        return bool(self.select or self.ignore or self.severities)


def narrow(pack: Pack, overlay: Overlay) -> Pack:
    """The pack with only the selected, not ignored rules, severities changed."""
    ids = [rule.id for rule in pack.rules]
    for selector in (
        *overlay.select,
        *overlay.ignore,
        *(s for s, _ in overlay.severities),
    ):
        if not any(matches(selector, rule_id) for rule_id in ids):
            raise PackError(f"规则包 {pack.id} 中没有与“{selector}”对应的规则")
    for _, severity in overlay.severities:
        if severity not in SEVERITIES:
            raise PackError(f"级别“{severity}”无效，应为 error、warning 或 info")
    rules = []
    for rule in pack.rules:
        if overlay.select and not any(matches(s, rule.id) for s in overlay.select):
            continue
        if any(matches(s, rule.id) for s in overlay.ignore):
            continue
        for selector, severity in overlay.severities:  # the last match wins
            if matches(selector, rule.id):
                rule = replace(rule, severity=severity)
        rules.append(rule)
    return replace(pack, rules=tuple(rules))


def matches(selector: str, rule_id: str) -> bool:
    if selector == "ALL":
        return True
    area = selector.rstrip("/")
    return rule_id == selector or ("/" not in area and rule_id.startswith(area + "/"))
