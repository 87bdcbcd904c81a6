"""The grammar's lines without the LALR machinery: a fast path derived from it.

``grammars/report.lark`` says every line is ``INDENT? item? EOL``, an item is
a marker and the rest of the line, or the rest alone. Lark's contextual lexer
then tries, at each point of a line, the terminals the parser allows there, in
Lark's own order (priority, then widest pattern, then longest definition,
then name) and takes the first that matches. This module does exactly that
with the grammar's own terminals (their regexes taken from the compiled
parser, never written again) in three states: line start, after the indent,
after the marker. It skips the parse table and a transformer call per token,
about a third of the time a report's parse took.

Equivalence with the Lark parse is a property test (tests/test_scan.py) on
generated text and the real reports; ``numbering.parse_lines_lark`` is the
reference it is held to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: What the grammar allows at each point of a line (see the module docstring).
_MARKERS = ("L1", "L2", "L3", "L3_BARE", "L4", "L4_CIRCLED", "ENUM", "ENUM_LOST")
_AT_START = ("INDENT", *_MARKERS, "REST", "EOL")
_AFTER_INDENT = (*_MARKERS, "REST", "EOL")
_AFTER_MARKER = ("REST", "EOL")

Line = tuple[int, int, int, int, str | None, int, int]


@lru_cache(maxsize=1)
def _scanners(terminals: tuple[Any, ...]) -> tuple[re.Pattern[str], ...]:
    """One alternation per state, in the order Lark's lexer tries them."""
    by_name = {t.name: t for t in terminals}

    def scanner(names: tuple[str, ...]) -> re.Pattern[str]:
        ordered = sorted(
            (by_name[name] for name in names),
            key=lambda t: (
                -t.priority,
                -t.pattern.max_width,
                -len(t.pattern.value),
                t.name,
            ),
        )
        return re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in ordered)
        )

    return tuple(scanner(s) for s in (_AT_START, _AFTER_INDENT, _AFTER_MARKER))


def scan(text: str, terminals: tuple[Any, ...]) -> list[Line]:
    """Each line of ``text`` (which ends in a line break) as (start, body, end,
    stop, marker kind or None, marker start, marker end): what the grammar's
    transformer (numbering._Lines) builds from the Lark parse."""
    at_start, after_indent, after_marker = _scanners(terminals)
    lines: list[Line] = []
    pos, size = 0, len(text)
    while pos < size:
        found = at_start.match(text, pos)
        body = pos
        if found.lastgroup == "INDENT":
            body = found.end()
            found = after_indent.match(text, body)
        kind, marker = found.lastgroup, (None, 0, 0)
        if kind in _MARKERS:
            marker = (kind, found.start(), found.end())
            found = after_marker.match(text, found.end())
            kind = found.lastgroup
        if kind == "REST":
            found = after_marker.match(text, found.end())  # the line break
        lines.append((pos, body, found.start(), found.end(), *marker))
        pos = found.end()
    return lines
