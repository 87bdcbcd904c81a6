"""Configuration files: ``fazhi.toml``, or ``[tool.fazhi-check]`` in pyproject.toml.

Found by searching upward from the current directory (yamllint, and ruff for
its project root): in each folder ``fazhi.toml`` first, then a
``pyproject.toml`` that has the table; the first found is the only one read.
There is deliberately no per-input discovery (ruff's nearest config per file):
the inputs are reports *submitted* by the units under review, and a
``fazhi.toml`` inside a submitted folder or packet must not choose the rules
its own report is judged by. The supervisor's folder decides.

A value given on the command line overrides the file's. Paths in the file
(``rules``, ``waivers``, ``baseline``) are relative to the file's folder.
Any problem is a :class:`ConfigError`: ``FILE:LINE: 原因（键）``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from checker.checks.option import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

NAMES = ("fazhi.toml", "pyproject.toml")
TABLE = "fazhi-check"
#: Key in the file -> (parameter of ``check``, kind).
KEYS = {
    "rules": ("rules", "path"),
    "select": ("select", "list"),
    "ignore": ("ignore", "list"),
    "severity": ("severity", "severity"),
    "fail-on": ("fail_on", "flag"),
    "include": ("include", "list"),
    "exclude": ("exclude", "list"),
    "jobs": ("jobs", "flag"),
    "timeout": ("timeout", "flag"),
    "waivers": ("waivers", "path"),
    "baseline": ("baseline", "path"),
}


class ConfigError(Exception):
    """A bad configuration file: ``FILE:LINE: 原因（键）``."""


def find(start: str | None = None) -> Path | None:
    """The configuration file for a run started in ``start`` (default: cwd)."""
    folder = Path(start or os.getcwd()).resolve()
    for place in (folder, *folder.parents):
        candidate = place / "fazhi.toml"
        if candidate.is_file():
            return candidate
        candidate = place / "pyproject.toml"
        if candidate.is_file() and _has_table(candidate):
            return candidate
    return None


def _has_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject.toml is not ours to judge
    return isinstance(data.get("tool"), dict) and TABLE in data["tool"]


def load(path: Path, command: click.Command) -> dict[str, Any]:
    """The file's settings as ``check`` parameters, validated and converted."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: 无法读取配置文件（{error}）") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = found.group(1) if found else max(text.count("\n"), 1)
        raise ConfigError(f"{path}:{line}: TOML 语法错误（{error}）") from None
    section = None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get(TABLE, {})
        section = f"tool.{TABLE}"
    lines = _Lines(text, section)
    params = {p.name: p for p in command.params if p.name}
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}:{lines.of(key)}: 未知的键（{key}）")
        name, kind = KEYS[key]
        try:
            settings[name] = _convert(kind, value, params[name], path.parent)
        except (click.ClickException, ValueError) as error:
            reason = (
                error.format_message()
                if isinstance(error, click.ClickException)
                else str(error)
            )
            where = lines.of(key, _inner_key(kind, value))
            raise ConfigError(f"{path}:{where}: {reason}（{key}）") from None
    _check_selectors(settings, path, lines)
    return settings


def _check_selectors(settings: dict[str, Any], path: Path, lines: _Lines) -> None:
    """A rule name no pack has, in select/ignore/severity: FILE:LINE too."""
    from checker.cli.flags import FlagError
    from checker.cli.policy import build_overlay, validate
    from checker.engine.pack import PackError, resolve

    rules = settings.get("rules")
    try:
        if rules:
            resolve(rules)  # a bad pack is --rules' error, reported later
    except PackError:
        return
    for key, name in (("select", "select"), ("ignore", "ignore")):
        for selector in settings.get(name, ()):
            try:
                overlay = build_overlay(**{**_NONE, name: (selector,)})
                validate(overlay, rules)
            except FlagError as error:
                where = lines.of(key, selector)
                raise ConfigError(
                    f"{path}:{where}: {error.format_message()}（{key}）"
                ) from None
    for pair in settings.get("severity", ()):
        rule = pair.partition("=")[0]
        try:
            validate(build_overlay((), (), (pair,)), rules)
        except FlagError as error:
            where = lines.of("severity", rule)
            message = error.format_message()
            raise ConfigError(f"{path}:{where}: {message}（severity）") from None


_NONE: dict[str, tuple[str, ...]] = {"select": (), "ignore": (), "levels": ()}


def _convert(kind: str, value: Any, param: click.Parameter, folder: Path) -> Any:
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("应为文字的列表")
        return tuple(value)
    if kind == "severity":
        if not isinstance(value, dict):
            raise ValueError("应为表：规则 = 级别")
        for rule, level in value.items():
            if level not in SEVERITIES:
                reason = f"“{rule}”的级别“{level}”无效，应为 error、warning 或 info"
                raise ValueError(reason)
        return tuple(f"{rule}={level}" for rule, level in value.items())
    if kind == "path":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("应为文字")
        is_name = param.name == "rules" and "/" not in value and "\\" not in value
        is_name = is_name and not value.endswith((".yaml", ".yml"))
        return value if is_name else str(folder / value)
    if isinstance(value, (list, dict, bool)):
        raise ValueError("应为单个值")
    return param.type.convert(value, param, None)


def _inner_key(kind: str, value: Any) -> str | None:
    """The entry of a severity table that is wrong, to point at its line."""
    if kind == "severity" and isinstance(value, dict):
        bad = [rule for rule, level in value.items() if level not in SEVERITIES]
        return bad[0] if bad else None
    return None


class _Lines:
    """The line a key is written on (tomllib gives values, not positions)."""

    def __init__(self, text: str, section: str | None) -> None:
        self.lines = text.splitlines()
        self.start = 0
        if section:
            header = re.compile(rf"^\s*\[\s*{re.escape(section)}\s*\]")
            self.start = next(
                (i for i, line in enumerate(self.lines) if header.match(line)), 0
            )

    def of(self, key: str, inner: str | None = None) -> int:
        found = self._find(key, self.start)
        if inner is not None:
            found = self._find(inner, max(found - 1, self.start), quoted=True) or found
        return found or self.start + 1

    def _find(self, key: str, start: int, quoted: bool = False) -> int:
        name = re.escape(key)
        pattern = re.compile(rf"""(^|[\s{{,.\[])["']?{name}["']?\s*[=\]]""")
        if quoted:
            pattern = re.compile(rf"""["']{name}["']""")
        for i in range(start, len(self.lines)):
            if pattern.search(self.lines[i]):
                return i + 1
        return 0


def configure(ctx: click.Context, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with the configuration file's values where no flag was given.

    Pops ``config`` and ``no_config``; raises ConfigError.
    """
    from click.core import ParameterSource

    named, ignored = params.pop("config"), params.pop("no_config")
    if named and ignored:
        raise ConfigError("--config 与 --no-config 不能同时使用")
    if ignored:
        return params
    if named and not os.path.isfile(named):
        raise ConfigError(f"{named}: 找不到配置文件")
    path = Path(named) if named else find()
    if path is None:
        return params
    for name, value in load(path, ctx.command).items():
        if ctx.get_parameter_source(name) in (ParameterSource.DEFAULT, None):
            params[name] = value
    return params
