"""Reading a waiver file (TOML): ``[[waiver]]`` entries, validated with lines.

::

    [[waiver]]
    rule = "content/thin-section"     # rule id, area or ALL
    unit = "南城街道办事处"            # and/or file = "收件/南城*.docx"
    reason = "机构改革，部分职责已划转"
    approved_by = "李四（法治督察处）"
    until = 2025-06-30                # a TOML date: the last day it holds

Every entry needs ``rule``, ``reason``, ``approved_by``, ``until`` and at least
one of ``unit`` and ``file``: a waiver is accountable or it is not accepted.
A problem is :class:`~checker.cli.config.ConfigError` ``FILE:LINE: 原因（键）``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from checker.cli.config import ConfigError, tomllib
from checker.engine.waiver import Waiver

_TEXTS = ("rule", "reason", "approved_by")
_KEYS = (*_TEXTS, "until", "unit", "file")


def read_waivers(path: str) -> tuple[Waiver, ...]:
    """The waivers of ``path``; raises ConfigError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: 无法读取豁免清单（{error}）") from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = found.group(1) if found else max(text.count("\n"), 1)
        raise ConfigError(f"{path}:{line}: TOML 语法错误（{error}）") from None
    lines = text.splitlines()
    starts = [i + 1 for i, s in enumerate(lines) if re.match(r"\s*\[\[\s*waiver", s)]
    for key in data:
        if key != "waiver":
            raise ConfigError(f"{path}:{_line(lines, key, 0)}: 未知的键（{key}）")
    entries = data.get("waiver", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}:1: 应为 [[waiver]] 表的数组（waiver）")
    return tuple(
        _waiver(path, lines, entry, n, starts[n - 1] if n <= len(starts) else 1)
        for n, entry in enumerate(entries, 1)
    )


def _waiver(path: str, lines: list[str], entry: Any, n: int, start: int) -> Waiver:
    def fail(reason: str, key: str) -> ConfigError:
        at = _line(lines, key, start) if key else start
        return ConfigError(
            f"{path}:{at}: {reason}（waiver[{n}]{'.' + key * bool(key)}）"
        )

    if not isinstance(entry, dict):
        return _raise(fail("应为表", ""))
    for key in entry:
        if key not in _KEYS:
            raise fail("未知的键", key)
    for key in _TEXTS:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail("缺少或不是文字", key if key in entry else "")
    until = entry.get("until")
    if not isinstance(until, dt.date) or isinstance(until, dt.datetime):
        raise fail("缺少或不是日期（如 2025-06-30）", "until" if until else "")
    for key in ("unit", "file"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            raise fail("应为文字", key)
    if not entry.get("unit") and not entry.get("file"):
        raise fail("须写明 unit 或 file（豁免哪些报告）", "")
    return Waiver(
        rule=entry["rule"].strip(),
        reason=entry["reason"].strip(),
        approved_by=entry["approved_by"].strip(),
        until=until,
        unit=entry.get("unit", ""),
        file=entry.get("file", ""),
        where=f"{Path(path).name}:{start}",
    )


def _raise(error: ConfigError) -> Waiver:
    raise error


def _line(lines: list[str], key: str, start: int) -> int:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for i in range(max(start - 1, 0), len(lines)):
        if pattern.match(lines[i]):
            return i + 1
    return start or 1
