"""Rule packs (rules/*.yaml): loading, ``extends`` with overrides, validation.

A pack is a mapping with ``id``, ``name``, ``basis``, optional ``extends`` (another
pack's name), ``required_items`` (checklist items the regulation requires) and
``rules``: a mapping from rule id to ``check``, ``severity``, ``summary``,
``message``, ``basis``, ``hint`` and ``options``. A rule in an extending pack
replaces the parent's fields one by one (options are merged key by key), so a
pack can change only a severity or one option. Any problem becomes a
:class:`PackError` whose text is one line: ``FILE:LINE: 问题（规则 ID）``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.checks import CHECKS
from checker.checks.hit import SEVERITIES
from checker.checks.items import ITEMS
from checker.resources import data_dir

_RULE_KEYS = ("check", "severity", "summary", "message", "basis", "hint", "options")
_PACK_KEYS = ("id", "name", "basis", "extends", "required_items", "rules")


class PackError(Exception):
    """A pack that cannot be used; ``str()`` is the one-line Chinese message."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    check: str
    severity: str
    summary: str
    message: str
    basis: str
    hint: str
    options: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    name: str
    basis: str
    path: str
    required_items: tuple[str, ...]
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def resolve(name_or_path: str) -> Path:
    """A pack name (``fazhi-2019``) from rules/, or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or os.sep in name_or_path:
        if not candidate.is_file():
            raise PackError(f"{name_or_path}: 找不到规则包文件")
        return candidate
    path = data_dir("rules") / f"{name_or_path}.yaml"
    if not path.is_file():
        names = "、".join(pack_names())
        raise PackError(f"未知规则包“{name_or_path}”（可用：{names}）")
    return path


def pack_names() -> list[str]:
    return sorted(p.stem for p in data_dir("rules").glob("*.yaml"))


def read(path: Path, seen: tuple[str, ...] = ()) -> Pack:
    """Load, merge with the packs it extends, and validate one pack file."""
    label = _label(path)
    data, lines = _compose(path, label)
    for key in data:
        if key not in _PACK_KEYS:
            raise PackError(f'{label}:{lines[(key,)]}: 未知字段 "{key}"')
    rules: dict[str, dict[str, Any]] = {}
    rule_lines: dict[str, tuple[str, int]] = {}
    parent_items: tuple[str, ...] = ()
    if "extends" in data:
        parent_path = resolve(str(data["extends"]))
        if str(parent_path) in seen:
            raise PackError(f"{label}:{lines[('extends',)]}: extends 形成循环")
        parent = read(parent_path, (*seen, str(path)))
        parent_items = parent.required_items
        for rule in parent.rules:
            rules[rule.id] = {k: getattr(rule, k) for k in _RULE_KEYS}
            rules[rule.id]["options"] = dict(rule.options)
            rule_lines[rule.id] = (_label(Path(parent.path)), 1)
    own = data.get("rules") or {}
    if not isinstance(own, dict):
        raise PackError(f"{label}:{lines[('rules',)]}: rules 应为以规则编号为键的映射")
    for rule_id, fields in own.items():
        _merge(rules, rule_id, fields, label, lines)
        rule_lines[rule_id] = (label, lines[("rules", rule_id)])
    items = tuple(data.get("required_items", parent_items))
    for item in items:
        if item not in ITEMS:
            raise PackError(
                f'{label}:{lines[("required_items",)]}: 未知清单项 "{item}"'
            )
    built = tuple(_build(rid, f, rule_lines[rid], lines) for rid, f in rules.items())
    for key in ("id", "basis"):
        if not data.get(key):
            raise PackError(f"{label}:1: 缺少字段 {key}")
    return Pack(
        str(data["id"]),
        str(data.get("name", data["id"])),
        str(data["basis"]),
        str(path),
        items,
        built,
    )


def _merge(rules: dict, rule_id: str, fields: Any, label: str, lines: dict) -> None:
    where = f"{label}:{lines[('rules', rule_id)]}"
    if not isinstance(fields, dict):
        raise PackError(f"{where}: 规则 {rule_id} 应为映射")
    target = rules.setdefault(rule_id, {"options": {}})
    for key, value in fields.items():
        if key not in _RULE_KEYS:
            line = lines[("rules", rule_id, key)]
            raise PackError(f'{label}:{line}: 未知字段 "{key}"（规则 {rule_id}）')
        if key == "options":
            if not isinstance(value, dict):
                raise PackError(f"{where}: options 应为映射（规则 {rule_id}）")
            target["options"] = {**target.get("options", {}), **value}
        else:
            target[key] = value


def _build(rule_id: str, f: dict, origin: tuple[str, int], lines: dict) -> Rule:
    label, line = origin

    def at(*key: str) -> int:
        return lines.get(("rules", rule_id, *key), line)

    for key in _RULE_KEYS[:-1]:
        if not f.get(key):
            raise PackError(f"{label}:{line}: 缺少字段 {key}（规则 {rule_id}）")
    check = CHECKS.get(f["check"])
    if check is None:
        raise PackError(
            f'{label}:{at("check")}: 未知检查类型 "{f["check"]}"（规则 {rule_id}）'
        )
    if f["severity"] not in SEVERITIES:
        raise PackError(
            f'{label}:{at("severity")}: 级别 "{f["severity"]}" 无效，'
            f"应为 error、warning 或 info（规则 {rule_id}）"
        )
    options = dict(check.DEFAULTS)
    for key, value in f.get("options", {}).items():
        if key not in check.DEFAULTS:
            raise PackError(
                f'{label}:{at("options", key)}: 未知选项 "{key}"（规则 {rule_id}）'
            )
        if not _same_type(value, check.DEFAULTS[key]):
            raise PackError(
                f'{label}:{at("options", key)}: 选项 "{key}" 类型应为 '
                f"{type(check.DEFAULTS[key]).__name__}（规则 {rule_id}）"
            )
        if key.endswith("_severity") and value not in (*SEVERITIES, ""):
            raise PackError(
                f'{label}:{at("options", key)}: 选项 "{key}" 应为 error、'
                f"warning、info 或空（规则 {rule_id}）"
            )
        options[key] = value
    texts = {k: str(f[k]) for k in ("summary", "message", "basis", "hint")}
    return Rule(rule_id, f["check"], f["severity"], options=options, **texts)


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _label(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _compose(path: Path, label: str) -> tuple[dict[str, Any], dict[tuple, int]]:
    """Parse YAML keeping the line of every mapping key (PyYAML node API)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise PackError(f"{label}:{line}: YAML 语法错误：{error.problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{label}: 无法读取：{error}") from None
    lines: dict[tuple, int] = {}
    data = _value(node, (), lines) if node is not None else {}
    if not isinstance(data, dict):
        raise PackError(f"{label}:1: 规则包应为映射")
    return data, lines


def _value(node: yaml.Node, key: tuple, lines: dict[tuple, int]) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            name = key_node.value
            lines[(*key, name)] = key_node.start_mark.line + 1
            result[name] = _value(value_node, (*key, name), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, key, lines) for item in node.value]
    return yaml.SafeLoader(" ").construct_object(node)  # scalar: int, bool, str
