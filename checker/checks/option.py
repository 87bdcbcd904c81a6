"""Option kinds: what a check type accepts from a rule pack, validated on load.

A check declares ``OPTIONS = {"name": Kind(default, ...)}`` (as yamllint's
``CONF``); the pack loader calls :meth:`Option.convert` on every value a pack
gives, and on the defaults, so a misspelt value, a bad regular expression or
an unknown defect name is a ``FILE:LINE`` pack error, never a runtime one.
``convert`` returns the value the check uses (a regex compiled once).
:meth:`Option.show` is the value as ``explain`` prints it, in Chinese.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

#: Severities, most severe first.
SEVERITIES = ("error", "warning", "info")


class OptionError(ValueError):
    """A value an option does not accept; ``str()`` is the Chinese reason."""


class Option:
    """Base kind; ``default`` is given as a pack would write it."""

    expects = ""

    def __init__(self, default: Any) -> None:
        self.default = default

    def convert(self, value: Any) -> Any:
        raise NotImplementedError

    def show(self, value: Any) -> str:
        return str(value)


class Flag(Option):
    expects = "true 或 false"

    def convert(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise OptionError(f"应为 {self.expects}")
        return value

    def show(self, value: Any) -> str:
        return "是" if value else "否"


class Integer(Option):
    def __init__(self, default: int, minimum: int, maximum: int) -> None:
        super().__init__(default)
        self.minimum, self.maximum = minimum, maximum
        self.expects = f"{minimum}—{maximum} 的整数"

    def convert(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"应为{self.expects}")
        if not self.minimum <= value <= self.maximum:
            raise OptionError(f"应为{self.expects}")
        return value


class Text(Option):
    expects = "非空文字"

    def convert(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise OptionError(f"应为{self.expects}")
        return value


class OneOf(Option):
    def __init__(self, default: str, *choices: str) -> None:
        super().__init__(default)
        self.choices = choices
        self.expects = "、".join(choices) + " 之一"

    def convert(self, value: Any) -> str:
        if value not in self.choices:
            raise OptionError(f"“{value}”无效，应为{self.expects}")
        return value


class Severity(OneOf):
    """A severity; ``off=True`` also accepts "" (report nothing)."""

    def __init__(self, default: str, off: bool = False) -> None:
        super().__init__(default, *SEVERITIES, *(("",) if off else ()))
        self.expects = "error、warning、info" + ("或空（不报告）" if off else " 之一")

    def show(self, value: Any) -> str:
        return value or "不报告"


class Regex(Option):
    expects = "正则表达式"

    def convert(self, value: Any) -> re.Pattern[str]:
        if not isinstance(value, str) or not value:
            raise OptionError("应为非空的正则表达式")
        try:
            return re.compile(value)
        except re.error as error:
            raise OptionError(f"正则表达式有误：{error}") from None

    def show(self, value: Any) -> str:
        return value.pattern if isinstance(value, re.Pattern) else str(value)


class ListOf(Option):
    """A non-empty list of values of one kind."""

    def __init__(self, default: list[Any], item: Option, empty: bool = False) -> None:
        super().__init__(default)
        self.item, self.empty = item, empty
        self.expects = f"列表（每项为{item.expects}）"

    def convert(self, value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or (not value and not self.empty):
            raise OptionError(f"应为非空{self.expects}")
        converted = []
        for position, entry in enumerate(value, 1):
            try:
                converted.append(self.item.convert(entry))
            except OptionError as error:
                raise OptionError(f"第{position}项{error}") from None
        return tuple(converted)

    def show(self, value: Any) -> str:
        return "、".join(self.item.show(entry) for entry in value) or "（无）"


class MonthDay(Option):
    """A day of the year as "MM-DD" (a deadline in the following year)."""

    expects = "“MM-DD”形式的日期"

    def convert(self, value: Any) -> str:
        try:
            month, day = (int(part) for part in str(value).split("-"))
            date(2024, month, day)  # a leap year: 02-29 is a real day
        except ValueError:
            raise OptionError(f"“{value}”不是{self.expects}") from None
        return f"{month:02d}-{day:02d}"

    def show(self, value: Any) -> str:
        month, day = (int(part) for part in value.split("-"))
        return f"次年{month}月{day}日"


def defaults(options: dict[str, Option]) -> dict[str, Any]:
    """A check's default option values, converted as a pack's would be."""
    return {name: kind.convert(kind.default) for name, kind in options.items()}
