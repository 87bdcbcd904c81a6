"""The derived line scanner (checker.parse.scan) against the Lark parse itself.

The grammar is the one source of the numbering syntax; the scanner reuses its
terminals in Lark's lexer order, and here it must give exactly the lines the
Lark LALR parse gives: on every real report in the repository and on
generated text built from the pieces markers are made of.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parse.numbering import parse_lines, parse_lines_lark

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/corpus/**/*.txt"))

#: What markers, indents and line breaks are made of, and ordinary text.
PIECES = [
    *"一二三四五六七八九十〇",
    *"、.．，,：:",
    *"（）()",
    *"0123456789０１２",
    *"①②⑳",
    "是",
    "加强",
    "2020年",
    " ",
    "\t",
    "\u3000",
    "\u00a0",
    "\ufeff",
    "\n",
    "\r",
    "\r\n",
    "。",
    "X",
    "a",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_reports_scan_as_lark_parses_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_lines(text) == parse_lines_lark(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_generated_text_scans_as_lark_parses_it(text: str) -> None:
    assert parse_lines(text) == parse_lines_lark(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_any_text_scans_as_lark_parses_it(text: str) -> None:
    assert parse_lines(text) == parse_lines_lark(text)
