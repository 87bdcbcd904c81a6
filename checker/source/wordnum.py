"""Word automatic list numbering rendered as the marker Word prints.

A heading numbered by Word's list feature has no "一、" in its text: the
paragraph (or its style) carries ``w:numPr`` (numId, ilvl), ``numbering.xml``
maps numId to an abstractNum whose levels give ``numFmt`` (chineseCounting,
decimal ...), ``lvlText`` ("%1、", "（%1）"), ``start`` and restart rules.
ECMA-376 Part 1 §17.9 describes these elements.

Counters are kept per numId: Word's "restart numbering" creates a new numId
with a ``startOverride``, "continue numbering" reuses the numId. A level's
counter restarts when a higher level of the same list advances, unless
``lvlRestart`` says otherwise. Bullets and ``none`` levels render nothing:
they are not numbering markers in the GB/T 9704 sense.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

#: WordprocessingML's namespace; ``qn("w:numFmt")`` is the Clark name lxml uses.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: A list that starts beyond this is not a report's: Word's own dialog stops far
#: below it, and a start of 5,000,000,000 in lowerLetter renders each marker as
#: 192 million letters. Such a file is refused (:class:`NumberingError`).
MAX_START = 100_000
#: Longest numeral rendered for one placeholder (lowerLetter repeats its letter).
MAX_NUMERAL = 16
#: Longest marker rendered: lvlText is a few characters ("（%2）"), never more.
MAX_MARKER = 64
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = re.compile(r"%([1-9])")


@functools.cache
def qn(tag: str) -> str:
    """``w:numFmt`` -> ``{namespace}numFmt``."""
    return f"{{{W_NS}}}{tag.partition(':')[2]}"


class NumberingError(ValueError):
    """numbering.xml states an absurd list start; ``start`` is the value."""

    def __init__(self, start: int) -> None:
        super().__init__(start)
        self.start = start


def chinese_counting(
    n: int, digits: str = "零一二三四五六七八九", units: str = "十百千"
) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (chineseCountingThousand)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        # 10-19 read 十, 十一 … rather than 一十, 一十一.
        if not (value == 10 and digit == 1 and n < 20):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def chinese_digits(n: int) -> str:
    """Word's plain chineseCounting spells digits: 10 → 一〇, 11 → 一一.

    Drafters meet this as "编号到十变成了一〇"; the marker is kept as Word prints
    it, so the checker sees what the reader of the printed page sees.
    """
    return "".join(_DIGITS[int(d)] for d in str(n)) if n > 0 else str(n)


def _roman(n: int) -> str:
    table = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    if n >= 4000:  # no Roman numeral for it; Word prints the decimal too
        return str(n)
    out = ""
    for value, letters in table:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * min((n - 1) // 26 + 1, MAX_NUMERAL)


def format_number(n: int, fmt: str) -> str:
    """The numeral for counter ``n`` in Word number format ``fmt``."""
    if fmt in ("chineseCounting", "taiwaneseCounting", "japaneseCounting"):
        return chinese_digits(n)
    if fmt in (
        "chineseCountingThousand",
        "taiwaneseCountingThousand",
        "koreanCounting",
    ):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographTraditional", "ideographLegalTraditional"):
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if (
        fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese")
        and 1 <= n <= 20
    ):
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letter(n) if fmt == "lowerLetter" else _letter(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    return str(n)  # decimal, ordinal … and formats we do not know


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # lvlRestart: None = after any higher level
    suffix: str = "tab"
    legal: bool = False  # isLgl: all placeholders as decimal


@dataclass(slots=True)
class _List:
    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _start(value: str | None) -> int:
    start = _int(value, 1)
    if not 0 <= start <= MAX_START:
        raise NumberingError(start)
    return start


def _level(lvl) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    return Level(
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText") or "",
        start=_start(_val(lvl, "w:start")),
        restart=None if restart is None else _int(restart, 0),
        suffix=_val(lvl, "w:suff") or "tab",
        legal=lvl.find(qn("w:isLgl")) is not None
        and _val(lvl, "w:isLgl") not in ("0", "false"),
    )


def _levels(lvl_parent) -> dict[int, Level]:
    return {
        _int(lvl.get(qn("w:ilvl")), 0): _level(lvl)
        for lvl in lvl_parent.findall(qn("w:lvl"))
    }


class Numbering:
    """Counters for one document; call :meth:`marker` for each paragraph in order."""

    def __init__(self, numbering_element) -> None:
        self._lists: dict[str, _List] = {}
        if numbering_element is None:
            return
        abstract = {
            a.get(qn("w:abstractNumId")): _levels(a)
            for a in numbering_element.findall(qn("w:abstractNum"))
        }
        for num in numbering_element.findall(qn("w:num")):
            levels = dict(abstract.get(_val(num, "w:abstractNumId"), {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = _val(override, "w:startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=_start(start))
            self._lists[num.get(qn("w:numId"))] = _List(levels)

    def marker(self, num_id: str | None, ilvl: int) -> tuple[str, str]:
        """Advance the counter; return ``(marker text, suffix)``, "" when none."""
        lst = self._lists.get(num_id or "")
        if lst is None or ilvl not in lst.levels:
            return "", ""  # numId 0 ("no numbering") or a dangling reference
        level = lst.levels[ilvl]
        if ilvl in lst.counters:
            lst.counters[ilvl] += 1
        else:
            lst.counters[ilvl] = level.start
        for deeper in [k for k in lst.counters if k > ilvl]:
            restart = lst.levels.get(deeper, Level()).restart
            if restart is None or (restart > 0 and ilvl < restart):
                del lst.counters[deeper]
        if level.fmt in ("bullet", "none"):
            return "", ""
        return self._render(lst, level), level.suffix

    def _render(self, lst: _List, level: Level) -> str:
        def numeral(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            ref = lst.levels.get(k, Level())
            n = lst.counters.get(k, ref.start)
            numeral = format_number(n, "decimal" if level.legal else ref.fmt)
            return numeral[:MAX_NUMERAL]

        return _PLACEHOLDER.sub(numeral, level.text[:MAX_MARKER])[:MAX_MARKER]
