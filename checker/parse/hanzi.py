"""Traditional to simplified characters, offset for offset (DOMAIN.md §5).

Mirror sites serve reports in traditional characters (舉措, 責任人, 由於). Every
keyword the parser and the rule packs match is written in simplified
characters, so text is folded first. OpenCC's t2s dictionaries (bundled in the
``opencc`` wheel, no network) do the conversion; most reports have no
traditional character at all, so a C-speed search for one comes first and the
conversion runs only when it finds one.

Callers use offsets into the folded text as offsets into the original, so the
fold must keep the length: when a phrase conversion would change it, each
character is converted on its own instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# The CJK blocks OpenCC's character table covers: Extension A and the URO.
_FIRST, _LAST = 0x3400, 0xA000


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    """Each traditional character -> its simplified one, and a search for any."""
    chars = [chr(i) for i in range(_FIRST, _LAST)]
    # One call for all ~27,000 characters (a few ms); the line breaks keep
    # them from forming phrases.
    simplified = _converter().convert("\n".join(chars)).split("\n")
    table = {
        ord(t): s
        for t, s in zip(chars, simplified, strict=True)
        if t != s and len(s) == 1
    }
    pattern = re.compile("[" + "".join(map(chr, table)) + "]")
    return table, pattern


def has_traditional(text: str) -> bool:
    return _table()[1].search(text) is not None


def fold(text: str) -> str:
    """``text`` in simplified characters, of the same length."""
    table, pattern = _table()
    if pattern.search(text) is None:
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return text.translate(table)
