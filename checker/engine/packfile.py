"""Reading one rule pack file: safe YAML, the line of every key, hard limits.

Packs come from supervisors, not only from us, so reading one must neither run
code (safe scalars only: no ``!!python/…`` tags) nor let a few hundred bytes
take minutes and gigabytes (nested aliases expand exponentially: the walk
counts every node it builds) or blow the stack (a recursive alias, deep
nesting). Every problem is a :class:`PackError` that names the file and line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

#: A bundled pack has a few hundred nodes; a supervisor's a few thousand.
MAX_NODES = 20_000
MAX_DEPTH = 20
MAX_BYTES = 1024 * 1024

#: A key path such as ("rules", "numbering/sequence", "options") -> its line.
Lines = dict[tuple[str, ...], int]


class PackError(Exception):
    """A pack that cannot be used; ``str()`` is one line: ``FILE:LINE: 原因``."""


def label(path: Path) -> str:
    """How a pack file is named in messages: relative to here when shorter."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if len(relative) <= len(str(path)) else str(path)


def where(file: str, line: int, reason: str, key: tuple[str, ...] = ()) -> str:
    """The one-line message: ``FILE:LINE: 原因（键）``."""
    return f"{file}:{line}: {reason}" + (f"（{'.'.join(key)}）" if key else "")


def compose(path: Path) -> tuple[dict[str, Any], Lines]:
    """The pack's mapping and the line of each key; raises PackError."""
    file = label(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PackError(where(file, 1, f"规则包文件过大（上限 {MAX_BYTES} 字节）"))
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = f"YAML 语法错误：{error.problem or error.context}"
        raise PackError(where(file, mark.line + 1 if mark else 1, reason)) from None
    except yaml.YAMLError:
        raise PackError(where(file, 1, "YAML 语法错误")) from None
    except UnicodeDecodeError:
        raise PackError(where(file, 1, "不是 UTF-8 编码的文本")) from None
    except OSError as error:
        raise PackError(f"{file}: 无法读取（{error.strerror or error}）") from None
    lines: Lines = {}
    walk = _Walk(file, lines)
    data = walk.value(node, ()) if node is not None else {}
    if not isinstance(data, dict):
        raise PackError(where(file, 1, "规则包应为映射（键: 值）"))
    return data, lines


class _Walk:
    """Python values from the node graph, within the node and depth budgets."""

    def __init__(self, file: str, lines: Lines) -> None:
        self.file, self.lines, self.count = file, lines, 0

    def value(self, node: yaml.Node, key: tuple[str, ...]) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise PackError(where(self.file, line, "内容过多（YAML 别名展开过大？）"))
        if len(key) > MAX_DEPTH:
            raise PackError(where(self.file, line, "嵌套过深（YAML 别名循环？）"))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, key) for item in node.value]
        try:  # scalars only: str, int, float, bool, null
            return yaml.SafeLoader("").construct_object(node)
        except yaml.YAMLError:
            reason = f"不支持的 YAML 标签 {node.tag}"
            raise PackError(where(self.file, line, reason, key)) from None

    def _mapping(self, node: yaml.MappingNode, key: tuple[str, ...]) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise PackError(where(self.file, line, "键应为文字", key))
            name = str(key_node.value)
            if name in result:
                raise PackError(where(self.file, line, "键重复", (*key, name)))
            self.lines[(*key, name)] = line
            result[name] = self.value(value_node, (*key, name))
        return result
