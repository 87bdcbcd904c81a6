"""click's own messages (usage errors, help headings) in Chinese.

click marks its messages for gettext but ships no catalogues; its modules bind
``_``/``ngettext`` at import. :func:`install` rebinds those names to a lookup
in the table below, so a mistyped option reads ``错误：没有选项 '--jbos'。``
like every other message of the tool. A message missing from the table (a
newer click) stays English rather than breaking.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable

import click

MESSAGES = {
    "Error: {message}": "错误：{message}",
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "Aborted!": "已中止。",
}
PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 无效，应为 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 无效，应为 {choices} 之一。",
    "Did you mean {possibility}?": "是否要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要用：{possibilities}？）",
}
_MODULES = ("core", "exceptions", "types", "parser", "formatting", "decorators")


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    chosen = singular if count == 1 else plural
    return PLURALS.get(chosen, gettext.ngettext(singular, plural, count))


def install() -> None:
    """Rebind click's message functions (idempotent)."""
    for name in _MODULES:
        module = getattr(click, name, None)
        for attribute, function in (("_", _gettext), ("ngettext", _ngettext)):
            if module is not None and isinstance(
                getattr(module, attribute, None), Callable
            ):
                setattr(module, attribute, function)
