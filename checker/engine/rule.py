"""One rule of a pack: a check type instantiated with options and Chinese texts.

:func:`build_rule` validates everything a rule says against what its check
type declares (``OPTIONS`` kinds, ``ARGS``), so a rule cannot promise a
message argument its check never provides (Ruff's ``Violation::message`` takes
only its own fields) and cannot carry an option value the check cannot use.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from checker.checks import CHECKS
from checker.checks.option import SEVERITIES, OptionError, defaults
from checker.engine.packfile import PackError, where

#: Every hit carries the offending text; checks declare the rest in ARGS.
TEXT_ARG = {"text": "原文"}
#: Texts that a message template may fill with a hit's arguments, and those
#: shown per rule (rule lists, SARIF rule metadata) that must stand alone.
TEMPLATES = ("message", "hint")
PLAIN = ("summary", "basis")
_FORMATTER = string.Formatter()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    check: str
    severity: str
    summary: str
    message: str
    basis: str
    hint: str
    #: What the rule does not catch (Chinese; explain shows it).
    limits: str = ""
    #: Option values as the check uses them (regexes compiled), read-only.
    options: MappingProxyType = field(
        default_factory=lambda: MappingProxyType({}), hash=False, compare=False
    )
    #: Option values as the pack wrote them, for packs that extend this one.
    raw_options: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    #: Where each field was last set: (field, (file, line)) pairs.
    origin: tuple[tuple[str, tuple[str, int]], ...] = field(default=(), compare=False)

    @property
    def args(self) -> dict[str, str]:
        """The arguments this rule's hits carry, with a Chinese description."""
        return {**TEXT_ARG, **CHECKS[self.check].ARGS}

    def fields(self) -> dict[str, Any]:
        """The rule as a pack would write it (to merge an extending pack's)."""
        names = ("check", "severity", "summary", "message", "basis", "hint", "limits")
        return {
            **{name: getattr(self, name) for name in names},
            "options": dict(self.raw_options),
        }

    def render(self, template: str, args: dict[str, Any]) -> str:
        """``template`` (this rule's message or hint) filled with a hit's args."""
        return template.format_map(args)

    def describe(self, template: str) -> str:
        """``template`` with each argument named, for text about the rule itself."""
        return template.format_map({k: f"〈{v}〉" for k, v in self.args.items()})


def build_rule(rule_id: str, values: dict, origin: dict) -> Rule:
    """Validate one merged rule; raise PackError at the line that is wrong."""

    def fail(name: str, reason: str) -> PackError:
        file, line = origin.get(name, origin.get(""))
        key = ("rules", rule_id, *name.split(".")) if name else ("rules", rule_id)
        return PackError(where(file, line, reason, key))

    for name in ("check", "severity", *TEMPLATES, *PLAIN):
        if not isinstance(values.get(name), str) or not values[name].strip():
            raise fail(name if name in values else "", f"缺少字段 {name} 或不是文字")
    check = CHECKS.get(values["check"])
    if check is None:
        known = "、".join(sorted(CHECKS))
        raise fail("check", f"未知检查类型“{values['check']}”（可用：{known}）")
    if values["severity"] not in SEVERITIES:
        raise fail("severity", "级别应为 error、warning 或 info")
    limits = values.get("limits", "")
    if not isinstance(limits, str):
        raise fail("limits", "应为文字")
    if _template_problem(limits, {}):
        raise fail("limits", _template_problem(limits, {}))
    allowed = {**TEXT_ARG, **check.ARGS}
    for name in (*TEMPLATES, *PLAIN):
        problem = _template_problem(values[name], allowed if name in TEMPLATES else {})
        if problem:
            raise fail(name, problem)
    options = defaults(check.OPTIONS)
    for name, value in values.get("options", {}).items():
        kind = check.OPTIONS.get(name)
        if kind is None:
            known = "、".join(check.OPTIONS) or "无"
            raise fail(f"options.{name}", f"未知选项（该检查类型的选项：{known}）")
        try:
            options[name] = kind.convert(value)
        except OptionError as error:
            raise fail(f"options.{name}", f"选项值有误：{error}") from None
    return Rule(
        id=rule_id,
        check=values["check"],
        severity=values["severity"],
        options=MappingProxyType(options),
        limits=limits,
        raw_options=tuple(values.get("options", {}).items()),
        origin=tuple(origin.items()),
        **{name: values[name] for name in (*TEMPLATES, *PLAIN)},
    )


def _template_problem(template: str, allowed: dict[str, str]) -> str | None:
    """Why ``template`` cannot be rendered with ``allowed``; None if it can.

    Only plain ``{name}`` fields: a format spec (``{text:>2000000000}``) or a
    conversion would let a pack allocate gigabytes or print Python reprs.
    """
    try:
        parts = list(_FORMATTER.parse(template))
    except ValueError:
        return "模板中的花括号不成对（文字花括号请写作 {{ }}）"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            return f"模板只能使用 {{参数名}} 形式，不能使用“{{{name}…}}”"
        if name not in allowed:
            if not allowed:
                return f"此处不能使用参数“{{{name}}}”（规则级文字不随问题变化）"
            known = "、".join(f"{{{k}}}" for k in allowed)
            return f"该检查类型不提供参数“{{{name}}}”（可用：{known}）"
    return None
