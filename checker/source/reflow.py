"""Undo a PDF's line wrapping: give back the paragraphs the drafter typed.

A PDF keeps only printed lines. An official document sets 28 characters a
line (GB/T 9704-2012), so most lines of a body paragraph end at the right
margin, mid-sentence, and a keyword such as 第一责任人 can be split across two
of them. A line that reaches the margin and does not end a sentence is joined
to the next (``_continues`` says when a heading goes on). The margin is
measured, not assumed: it is the width most lines share, each line measured
from the text block's left edge to its last character where PDFium gave the
geometry (:class:`_Width`), else by its text. When no width is shared widely
enough (a PDF whose lines are already paragraphs) nothing is joined.

Where the PDF shows it, indentation decides instead: Word and typesetters
indent the first line of each paragraph by two characters (公文 do), so a line
that starts at the left margin after a full line goes on from it, and an
indented one starts a new paragraph. That tells a heading which just fills
its line from a long title or a run-in body ("1.标题。正文…") that wraps.

Page numbers ("— 3 —", "-3-", "第3页") at the top or bottom of a page are
dropped (by position in :mod:`.pdflayout`, here by pattern too), so that a
paragraph running over a page break is joined too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from wcwidth import wcswidth

from checker.parse.numbering import match_marker

#: Lines at least this wide (display columns) can be full lines.
MIN_FULL = 24
#: A full line may stop this many columns short of the margin (a CJK
#: character that did not fit, half-width digits and punctuation).
SLACK = 3
#: The share of candidate lines that must agree on the margin.
AGREEMENT = 0.3
#: After a sentence end at the margin the paragraph may or may not go on; the
#: line is left alone, since a split between sentences costs nothing, while a
#: join could swallow 特此报告。 or the signature into the paragraph above.
_SENTENCE_END = tuple("。！？!?：:")
PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－]\s*\d{1,3}\s*[—–\-－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_HEADINGS = ("L1", "L2", "L3", "L4", "L4_CIRCLED")
_ITEMS = (*_HEADINGS, "ENUM")


#: An indent smaller than this (points) is jitter, not a paragraph indent.
INDENT = 6.0


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line: the x (points) of its first character and of the end of
    its last one, if known, and the page it is printed on (1-based)."""

    text: str
    x: float | None = None
    right: float | None = None
    page: int = 0


def reflow(pages: list[list[Line]]) -> tuple[str, bool, tuple[int, ...]]:
    """The text of the pages as paragraphs, whether any line was joined, and
    the page each output line starts on."""
    lines = [line for page in pages for line in _without_page_number(page)]
    width = _Width.of(lines)
    margin = _margin([width(line) for line in lines])
    if margin is None:
        return "\n".join(x.text for x in lines), False, tuple(x.page for x in lines)
    indents = _indents(lines)
    out: list[str] = []
    starts: list[int] = []
    for previous, line in zip([Line(""), *lines], lines, strict=False):
        goes_on = (
            _goes_on(previous, line, margin, indents, width)
            if indents is not None
            else _continues(previous, line, margin, width)
        )
        if out and goes_on:
            # No space: Chinese has none between characters, and a number
            # split at the margin ("100" / "%") must close up again.
            out[-1] = out[-1].rstrip() + line.text.lstrip()
        else:
            out.append(line.text.lstrip())  # an indent is layout, not text
            starts.append(line.page)
    return "\n".join(out), len(out) < len(lines), tuple(starts)


def _without_page_number(page: list[Line]) -> list[Line]:
    lines = list(page)
    while lines and not lines[-1].text.strip():
        lines.pop()
    while lines and not lines[0].text.strip():
        lines.pop(0)
    for end in (-1, 0):
        if lines and PAGE_NUMBER.match(lines[end].text):
            lines.pop(end)
    return lines


class _Width:
    """How wide a line is, in display columns (a CJK character is two).

    With geometry the width is measured from the text block's left edge to the
    line's last character, so a first-line indent counts and letter-spaced or
    justified lines reach the margin they reach; without, it is the text's
    display width.
    """

    def __init__(self, left: float | None = None, column: float = 0.0) -> None:
        self.left, self.column = left, column

    @classmethod
    def of(cls, lines: list[Line]) -> _Width:
        placed = [x for x in lines if x.x is not None and x.right is not None]
        if not placed or len(placed) < len(lines):
            return cls()
        left = Counter(round(x.x) for x in placed).most_common(1)[0][0]
        ratios = sorted(
            (x.right - x.x) / _text_width(x.text)
            for x in placed
            if _text_width(x.text) >= 10
        )
        if not ratios:
            return cls()
        return cls(left, ratios[len(ratios) // 2])

    def __call__(self, line: Line) -> float:
        if self.left is None or line.right is None or line.x is None:
            return _text_width(line.text)
        # Proportional Latin glyphs are narrower than a column: a line of them
        # that the typesetter counted as full may end short of the margin.
        indent = max(line.x - self.left, 0.0) / self.column
        printed = (line.right - self.left) / self.column
        return max(printed, _text_width(line.text) + indent)

    @property
    def geometric(self) -> bool:
        return self.left is not None


@dataclass(frozen=True, slots=True)
class _Indents:
    left: float  # the left margin, where wrapped lines start
    step: float  # the usual first-line indent: two characters

    def columns(self, line: Line) -> int | None:
        """Display columns of indent before the line; None if centred or set
        right (a title, a signature), which never run on into the next line."""
        if line.x is None or line.x < self.left + INDENT:
            return 0
        if abs(line.x - self.left - self.step) < INDENT:
            return 4
        return None


def _indents(lines: list[Line]) -> _Indents | None:
    """How the PDF indents paragraphs, if it does; else None."""
    xs = [round(line.x) for line in lines if line.x is not None and line.text.strip()]
    if not xs:
        return None
    left = Counter(xs).most_common(1)[0][0]
    indented = [x - left for x in xs if x >= left + INDENT]
    if len(indented) < max(2, 0.05 * len(xs)):
        return None
    return _Indents(left, Counter(indented).most_common(1)[0][0])


def _goes_on(
    previous: Line, line: Line, margin: float, indents: _Indents, width: _Width
) -> bool:
    """With indentation known: a line at the left margin after a full line."""
    before = indents.columns(previous)
    if before is None or not line.text.strip() or indents.columns(line) != 0:
        return False
    indent = 0 if width.geometric else before  # geometry already counts it
    return width(previous) + indent >= margin - SLACK


@lru_cache(maxsize=4096)  # asked three or four times for each line
def _text_width(line: str) -> int:
    return max(wcswidth(line.strip()), len(line.strip()))


def _margin(widths: list[float]) -> int | None:
    counts = Counter(round(w) for w in widths if w >= MIN_FULL)
    candidates = sum(counts.values())
    if candidates < 5:
        return None
    best = max(counts, key=lambda w: (_near(counts, w), w))
    return best if _near(counts, best) >= AGREEMENT * candidates else None


def _near(widths: Counter, margin: int) -> int:
    return sum(n for w, n in widths.items() if margin - SLACK <= w <= margin)


def _continues(previous: Line, line: Line, margin: int, width: _Width) -> bool:
    """Whether ``line`` goes on from the full line ``previous``.

    A body line at the margin always goes on, even into "3." ("…；2.适当酝酿；"
    / "3.按照程序提议"): a paragraph does not stop short of punctuation. A
    heading title at the margin goes on only into the short, unpunctuated
    tail of a long title; otherwise it just filled the line and what follows
    is its body. A run-in heading ("（一）标题。正文…") is a body line.
    """
    if not line.text.strip() or width(previous) < margin - SLACK:
        return False
    if previous.text.rstrip().endswith(_SENTENCE_END):
        return False
    if _opens(previous.text, _HEADINGS) and "。" not in previous.text:
        return (
            not _opens(line.text, _ITEMS)
            and width(line) < margin - SLACK
            and not line.text.rstrip().endswith(_SENTENCE_END)
        )
    return True


def _opens(line: str, kinds: tuple[str, ...]) -> bool:
    """Whether the line starts with a marker of one of these grammar kinds."""
    text = line.lstrip()
    return match_marker(text, 0, kinds) is not None
