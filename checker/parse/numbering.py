"""Numbering markers: the Lark grammar (grammars/report.lark) and what a marker means.

The grammar splits every line into indent, marker candidate and rest. This module
turns a marker's text into level, number, style and defects, and reuses the
grammar's own terminals to find markers inside a line (run-in enumerations,
headings whose line breaks were lost), so the syntax lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer

from checker.parse.scan import scan
from checker.resources import grammar_path

_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: Grammar terminal -> heading level (None: enumeration).
LEVELS = {
    "L1": 1,
    "L2": 2,
    "L3": 3,
    "L3_BARE": 3,
    "L4": 4,
    "L4_CIRCLED": 4,
    "ENUM": None,
    "ENUM_LOST": None,
}

#: Marker defects, with the Chinese description shown to users.
DEFECTS = {
    "punctuation": "序号后标点不规范",
    "missing-punctuation": "序号后缺少标点",
    "missing-numeral": "括号内缺少序号",
    "half-width-bracket": "使用了半角括号",
    "mixed-bracket": "括号全角半角混用",
    "missing-shi": "“X是”缺少“是”字",
    "digit-numeral": "汉字序号逐位书写（一〇）",
}

# GB/T 9704-2012 §7.3.3: what follows the numeral at each level.
_STANDARD_PUNCT = {1: "、", 3: "."}


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker as written: ``（一）``, ``2`` (lost full stop), ``三是``."""

    kind: str  # grammar terminal: L1 .. L4_CIRCLED, ENUM, ENUM_LOST
    text: str
    start: int  # offset in the document text
    level: int | None  # 1-4 for headings, None for an enumeration item
    number: int | None  # None when the numeral was lost: （）
    style: str  # the marker with its numeral replaced by N: "（N）", "N、"
    defects: tuple[str, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_heading(self) -> bool:
        return self.level is not None


@dataclass(frozen=True, slots=True)
class RawLine:
    """One physical line: offsets of its indent, marker candidate and rest."""

    start: int  # first character of the line
    body: int  # first character after the indent
    end: int  # end of the line's text, before its line break
    stop: int  # after the line break
    marker: Marker | None


def cn_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 九十九 -> 99; spelt digit by digit: 一〇 -> 10."""
    if not text:
        return None
    if "十" not in text:
        if len(text) == 1:
            return _CN_DIGITS.get(text)
        digits = [_CN_DIGITS.get(c, 0 if c == "〇" else -1) for c in text]
        return None if -1 in digits else int("".join(map(str, digits)))
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (_CN_DIGITS.get(ones, 0) if ones else 0)


_NUMERAL = re.compile(r"[一二三四五六七八九十〇]+|[0-9０-９]+|[\u2460-\u2473]")


def make_marker(kind: str, text: str, start: int) -> Marker:
    """Read level, number, style and defects off a marker's text."""
    level = LEVELS[kind]
    found = _NUMERAL.search(text)
    number: int | None = None
    style = text
    spelt = False
    if found:
        numeral = found.group()
        if kind == "L4_CIRCLED":
            number = ord(numeral) - 0x2460 + 1
        elif numeral[0] in "一二三四五六七八九十":
            number = cn_number(numeral)
            spelt = len(numeral) == 2 and "十" not in numeral
        else:
            number = int(numeral.translate(_FULLWIDTH_DIGITS))
        style = text[: found.start()] + "N" + text[found.end() :]
    style = style.replace(" ", "").replace("\u3000", "")
    defects = _defects(kind, style, number) + (("digit-numeral",) if spelt else ())
    return Marker(kind, text, start, level, number, style, defects)


def _defects(kind: str, style: str, number: int | None) -> tuple[str, ...]:
    defects: list[str] = []
    if kind in ("L2", "L4"):
        opening, closing = style[0], style[style.index(")" if ")" in style else "）")]
        if number is None:
            defects.append("missing-numeral")
        if opening == "(" and closing == ")":
            defects.append("half-width-bracket")
        elif (opening == "(") != (closing == ")"):
            defects.append("mixed-bracket")
        if not style.endswith((")", "）")):
            defects.append("punctuation")
    elif kind == "L1" and not style.endswith(_STANDARD_PUNCT[1]):
        defects.append("punctuation")
    elif kind == "L3" and not style.endswith((".", "．")):
        defects.append("punctuation")
    elif kind == "L3_BARE":
        defects.append("missing-punctuation")
    elif kind == "ENUM_LOST":
        defects.append("missing-shi")
    return tuple(defects)


class _Lines(Transformer):
    """Build RawLine records inside the LALR parser (no parse tree is kept)."""

    def start(self, lines: list[RawLine]) -> list[RawLine]:
        return lines

    def line(self, items: list) -> RawLine:
        eol: Token = items[-1]
        first = items[0]
        start = first.start_pos if isinstance(first, Token) else eol.start_pos
        body = eol.start_pos
        marker = None
        for item in items[:-1]:
            if isinstance(item, Token):  # INDENT
                body = item.end_pos
            else:
                marker, body = item
        if isinstance(first, tuple):
            start = first[1]
        return RawLine(start, body, eol.start_pos, eol.end_pos, marker)

    def heading(self, items: list[Token]) -> tuple[Marker, int]:
        tok = items[0]
        return make_marker(tok.type, str(tok), tok.start_pos), tok.start_pos

    enum = heading

    def para(self, items: list[Token]) -> tuple[None, int]:
        return None, items[0].start_pos


@lru_cache(maxsize=1)
def _grammar_text() -> str:
    return grammar_path().read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        _grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=_Lines(),
        cache=True,  # saves ~25 ms of grammar analysis at every start-up
    )


def parse_lines(text: str) -> list[RawLine]:
    """Split ``text`` into classified lines: the grammar's terminals, scanned
    as Lark's contextual lexer would (checker.parse.scan, held equal to
    :func:`parse_lines_lark` by a property test).

    Never raises on any input: the grammar accepts every sequence of lines.
    """
    source = text if text.endswith(("\n", "\r")) else text + "\n"
    lines = [
        RawLine(start, body, end, stop, _marker(source, kind, first, last))
        for start, body, end, stop, kind, first, last in scan(source, _terminals())
    ]
    return _trim(lines, source, text)


def _marker(text: str, kind: str | None, start: int, end: int) -> Marker | None:
    return None if kind is None else make_marker(kind, text[start:end], start)


@lru_cache(maxsize=1)
def _terminals() -> tuple:
    return tuple(_parser().terminals)


def parse_lines_lark(text: str) -> list[RawLine]:
    """The same with the Lark LALR parser: the reference the scan is held to."""
    source = text if text.endswith(("\n", "\r")) else text + "\n"
    return _trim(_parser().parse(source), source, text)


def _trim(lines: list[RawLine], source: str, text: str) -> list[RawLine]:
    """The line break added to a text that had none is not the text's."""
    if source is not text and lines:
        last = lines[-1]
        lines[-1] = RawLine(last.start, last.body, last.end, len(text), last.marker)
    return lines


@lru_cache(maxsize=1)
def inline_patterns() -> dict[str, re.Pattern[str]]:
    """The grammar's marker terminals, compiled for matching inside a line."""
    parser = _parser()
    return {
        t.name: re.compile(t.pattern.to_regexp())
        for t in parser.terminals
        if t.name in LEVELS
    }


def match_marker(text: str, pos: int, kinds: tuple[str, ...]) -> Marker | None:
    """The first of ``kinds`` whose terminal matches ``text`` at ``pos``."""
    patterns = inline_patterns()
    for kind in kinds:
        found = patterns[kind].match(text, pos)
        if found:
            return make_marker(kind, found.group(), pos)
    return None
