"""Rule packs (rules/*.yaml): loading, ``extends`` with overrides, validation.

A pack is a mapping with ``id``, ``name``, ``basis``, optional ``extends`` (a
bundled pack's name, or a pack file's path relative to this one),
``required_items`` and ``recommended_items`` (the checklist items whose absence
is reported: the only place that says so) and ``rules``: rule id -> ``check``,
``severity``, ``summary``, ``message``, ``basis``, ``hint``, ``options``. A rule
in an extending pack replaces its parent's fields one by one (options merge
key by key), so a pack can change one severity or one option.

Everything is validated on load, so that nothing can fail per document: each
option by its declared kind, each message template against the arguments its
check provides. Any problem is a :class:`PackError`: ``FILE:LINE: 原因（键）``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.checks.items import ITEM_IDS
from checker.engine.packfile import PackError, compose, label, where
from checker.engine.rule import Rule, build_rule
from checker.resources import data_dir

_PACK_KEYS = ("id", "name", "basis", "extends", "required_items", "recommended_items")
_RULE_KEYS = (
    "check",
    "severity",
    "summary",
    "message",
    "basis",
    "hint",
    "limits",
    "options",
)
_SUFFIXES = (".yaml", ".yml")
_RULE_ID = re.compile(r"[a-z]+(?:-[a-z]+)*/[a-z]+(?:-[a-z]+)*")
MAX_EXTENDS = 8

__all__ = ["Pack", "PackError", "Rule", "pack_names", "read", "resolve"]


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    name: str
    basis: str
    path: str
    required_items: tuple[str, ...]
    recommended_items: tuple[str, ...]
    rules: tuple[Rule, ...] = field(default=())
    #: This pack's id, then the ids of the packs it extends, nearest first.
    lineage: tuple[str, ...] = ()

    @property
    def expected_items(self) -> tuple[str, ...]:
        """Items whose absence the checklist rules report."""
        return (*self.required_items, *self.recommended_items)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def pack_names() -> list[str]:
    return sorted(p.stem for p in data_dir("rules").glob("*.yaml"))


def resolve(name_or_path: str, base: Path | None = None) -> Path:
    """A bundled pack's name (``fazhi-2019``), or a pack file's path.

    A path is taken relative to ``base`` (the folder of the pack that extends
    it) or, from the command line, to the current directory; it must name a
    YAML file, so that no other file is ever read as a pack.
    """
    if "/" not in name_or_path and "\\" not in name_or_path:
        if not name_or_path.endswith(_SUFFIXES):
            path = data_dir("rules") / f"{name_or_path}.yaml"
            if path.is_file() and name_or_path in pack_names():
                return path
            names = "、".join(pack_names())
            raise PackError(f"未知规则包“{name_or_path}”（可用：{names}）")
    path = (base / name_or_path) if base else Path(name_or_path)
    if path.suffix.lower() not in _SUFFIXES:
        raise PackError(f"{name_or_path}: 规则包文件应为 .yaml 或 .yml")
    if not path.is_file():
        raise PackError(f"{name_or_path}: 找不到规则包文件")
    return path


def read(path: Path, chain: tuple[Path, ...] = ()) -> Pack:
    """Load one pack file, merged with the packs it extends, validated."""
    file = label(path)
    data, lines = compose(path)
    for key in data:
        if key not in (*_PACK_KEYS, "rules"):
            raise PackError(where(file, lines[(key,)], "未知字段", (key,)))
    parent = _parent(data, lines, path, file, chain)
    # A pack that extends another inherits its basis unless it names its own.
    for key in ("id", "basis") if parent is None else ("id",):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PackError(where(file, lines.get((key,), 1), "缺少或不是文字", (key,)))
    if "basis" in data and not isinstance(data["basis"], str):
        raise PackError(where(file, lines[("basis",)], "应为文字", ("basis",)))
    fields = _merged_rules(data, lines, file, parent)
    items = {
        key: _items(data, lines, file, key, getattr(parent, key, ()))
        for key in ("required_items", "recommended_items")
    }
    both = set(items["required_items"]) & set(items["recommended_items"])
    if both:
        at = lines.get(("recommended_items",), 1)
        reason = f"清单项“{'、'.join(sorted(both))}”不能既是必备又是推荐"
        raise PackError(where(file, at, reason, ("recommended_items",)))
    rules = tuple(build_rule(rule_id, *spec) for rule_id, spec in fields.items())
    return Pack(
        id=data["id"],
        name=str(data.get("name", data["id"])),
        basis=data.get("basis") or (parent.basis if parent else ""),
        path=str(path),
        rules=rules,
        lineage=(data["id"], *(parent.lineage if parent else ())),
        **items,
    )


def _parent(
    data: dict, lines: dict, path: Path, file: str, chain: tuple
) -> Pack | None:
    if "extends" not in data:
        return None
    at = lines[("extends",)]
    if not isinstance(data["extends"], str):
        raise PackError(where(file, at, "应为规则包名称或文件路径", ("extends",)))
    if len(chain) >= MAX_EXTENDS:
        raise PackError(
            where(file, at, f"extends 层数超过 {MAX_EXTENDS}", ("extends",))
        )
    try:
        parent_path = resolve(data["extends"], path.parent)
    except PackError as error:
        raise PackError(where(file, at, str(error), ("extends",))) from None
    if parent_path.resolve() in {p.resolve() for p in (*chain, path)}:
        raise PackError(where(file, at, "extends 形成循环", ("extends",)))
    return read(parent_path, (*chain, path))


def _merged_rules(data: dict, lines: dict, file: str, parent: Pack | None) -> dict:
    """rule id -> (fields, {field: (file, line)}): the parent's, then ours."""
    merged: dict[str, tuple[dict, dict]] = {}
    for rule in parent.rules if parent else ():
        merged[rule.id] = (rule.fields(), dict(rule.origin))
    own = data.get("rules", {})
    if not isinstance(own, dict):
        raise PackError(where(file, lines[("rules",)], "应为以规则编号为键的映射"))
    for rule_id, spec in own.items():
        key = ("rules", rule_id)
        if not _RULE_ID.fullmatch(rule_id):
            reason = "规则编号应为“领域/名称”（小写字母、数字和连字符）"
            raise PackError(where(file, lines[key], reason, key))
        if not isinstance(spec, dict):
            raise PackError(where(file, lines[key], "规则应为映射", key))
        values, origin = merged.setdefault(rule_id, ({"options": {}}, {}))
        origin.setdefault("", (file, lines[key]))
        for name, value in spec.items():
            line = lines[(*key, name)]
            if name not in _RULE_KEYS:
                raise PackError(where(file, line, "未知字段", (*key, name)))
            if name == "options":
                if not isinstance(value, dict):
                    raise PackError(where(file, line, "应为映射", (*key, name)))
                values["options"] = {**values["options"], **value}
                for option in value:
                    origin[f"options.{option}"] = (file, lines[(*key, name, option)])
            else:
                values[name] = value
                origin[name] = (file, line)
    return merged


def _items(data: dict, lines: dict, file: str, key: str, inherited: tuple) -> tuple:
    if key not in data:
        return tuple(inherited)
    value = data[key] if data[key] is not None else []
    at = lines[(key,)]
    if not isinstance(value, list):
        raise PackError(where(file, at, "应为清单项编号的列表", (key,)))
    for item in value:
        if item not in ITEM_IDS:
            known = "、".join(ITEM_IDS)
            raise PackError(
                where(file, at, f"未知清单项“{item}”（可用：{known}）", (key,))
            )
    if len(set(value)) != len(value):
        raise PackError(where(file, at, "清单项重复", (key,)))
    return tuple(value)
