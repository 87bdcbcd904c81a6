"""A PDF page's text to lines in reading order, running headers dropped.

PDFium gives a page's text with the line breaks it detected and a box for
every character. :func:`segments` cuts each of its lines where a wide gap
separates two characters (PDFium bridges it with a generated space), so the
two columns of a two-column page never share a :class:`Segment`. Then
segments on one baseline become one line, two-column pages are read column
by column, and what sits in the top or bottom margin apart from the text
block is dropped when it recurs on other pages (running headers, footers,
"第 3 页") or reads as a page number ("— 3 —").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from checker.source.reflow import PAGE_NUMBER, Line

#: The share of the page height, top and bottom, where headers and footers sit.
BAND = 0.12
#: A header or footer stands this many line pitches away from the text block.
GAP_PITCHES = 1.8
#: A page needs this many lines before anything on it is dropped by position.
MIN_LINES = 4
#: A gap wider than this many character heights separates two segments.
GAP_EMS = 2.0
_NUMBER = re.compile(r"\d+")
_BREAK = re.compile(r"\r\n|\n|\r")
Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True, slots=True)
class Segment:
    """Text in one rectangle of a page, in PDF points (origin bottom left)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float


def segments(text: str, box: Callable[[int], Box]) -> list[Segment]:
    """The page text ``text`` (index i is PDFium's character i) cut into
    segments; ``box(i)`` is character i's box, asked for only at the ends of
    lines and beside spaces."""
    out: list[Segment] = []
    start = 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        out.extend(_cut(text, start, end, box))
        start = match.end() if match else end
    return out


def _cut(text: str, start: int, end: int, box: Callable[[int], Box]) -> list[Segment]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return []
    pieces, first = [], start
    for i in range(start + 1, end - 1):
        if text[i] == " " and not text[i - 1].isspace():
            before, after = box(i - 1), box(i + 1)
            em = max(before[3] - before[1], 1.0)
            if after[0] - before[2] > GAP_EMS * em:
                pieces.append((first, i))
                first = i + 1
    pieces.append((first, end))
    return [_segment(text, a, b, box) for a, b in pieces]


def _segment(text: str, a: int, b: int, box: Callable[[int], Box]) -> Segment:
    while text[a].isspace():
        a += 1
    left, bottom, _, top = box(a)
    right = box(b - 1)[2]
    return Segment(text[a:b], left, bottom, right, top)


@dataclass(frozen=True, slots=True)
class Page:
    """A page's lines in reading order; ``margins`` indexes those standing
    apart in the top or bottom margin, which may be headers or footers."""

    lines: list[Line]
    margins: frozenset[int] = frozenset()


def page_lines(segments: list[Segment], height: float, page: int) -> Page:
    """The page's lines in reading order, marking those in the margins."""
    segments = [s for s in segments if s.text.strip()]
    columns = _columns(segments)
    if columns is not None:
        rows = [[s] for s in columns]
    else:
        rows = _rows(segments)
    lines = [_line(row, page) for row in rows]
    boxes = [(min(s.bottom for s in row), max(s.top for s in row)) for row in rows]
    apart = _chrome(boxes, height, lines)
    return Page(lines, frozenset(i for i, drop in enumerate(apart) if drop))


def without_chrome(pages: list[Page]) -> list[list[Line]]:
    """Lines of every page, less margin lines that recur on another page
    (running headers and footers, page numbers counted up) or read as a page
    number. A title standing alone at the top of the first page stays."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(page.lines[i].text) for i in page.margins})
    return [
        [
            line
            for i, line in enumerate(page.lines)
            if i not in page.margins
            or not (seen[_key(line.text)] >= 2 or PAGE_NUMBER.match(line.text))
        ]
        for page in pages
    ]


def _key(text: str) -> str:
    return _NUMBER.sub("#", "".join(text.split()))


def _rows(segments: list[Segment]) -> list[list[Segment]]:
    """Consecutive segments on one baseline, in PDFium's order, make one row."""
    rows: list[list[Segment]] = []
    for segment in segments:
        last = rows[-1][-1] if rows else None
        if last is not None and _same_row(last, segment):
            rows[-1].append(segment)
        else:
            rows.append([segment])
    return [sorted(row, key=lambda s: s.left) for row in rows]


def _same_row(a: Segment, b: Segment) -> bool:
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap > 0.5 * min(a.top - a.bottom, b.top - b.bottom)


def _line(row: list[Segment], page: int) -> Line:
    text = row[0].text.strip()
    for before, segment in zip(row, row[1:], strict=False):
        em = max(segment.top - segment.bottom, 1.0)
        # Segments split by a font change touch; a visible gap was a space.
        gap = " " if segment.left - before.right > 0.5 * em else ""
        text = text + gap + segment.text.strip()
    first = row[0]
    return Line(text, first.left, row[-1].right, page)


def _columns(segments: list[Segment]) -> list[Segment] | None:
    """Segments column by column if the page is set in two columns, else None."""
    if len(segments) < 8:
        return None
    left_edge = min(s.left for s in segments)
    mid = (left_edge + max(s.right for s in segments)) / 2
    left = [s for s in segments if s.right <= mid]
    right = [s for s in segments if s.left >= mid]
    spanning = [s for s in segments if s.left < mid < s.right]
    if min(len(left), len(right)) < 4 or len(spanning) > 0.2 * len(segments):
        return None
    # A column's lines start at one x; right-aligned signatures and dates do not.
    starts = Counter(round(s.left) for s in right).most_common(1)[0][1]
    if starts < 0.5 * len(right):
        return None
    top = max(s.top for s in left + right)
    above = [s for s in spanning if s.bottom >= top - 1]
    below = [s for s in spanning if s.bottom < top - 1]

    def down(group: list[Segment]) -> list[Segment]:
        return sorted(group, key=lambda s: (-s.top, s.left))

    return down(above) + down(left) + down(right) + down(below)


def _chrome(
    boxes: list[tuple[float, float]], height: float, lines: list[Line]
) -> list[bool]:
    """Which lines may be headers or footers: in the top or bottom band of
    the page, set apart from the text block by a gap of several line pitches,
    and narrower than half of it."""
    drop = [False] * len(boxes)
    if len(boxes) < MIN_LINES or height <= 0:
        return drop
    order = sorted(range(len(boxes)), key=lambda i: -boxes[i][1])
    pitches = [
        boxes[a][0] - boxes[b][0] for a, b in zip(order, order[1:], strict=False)
    ]
    steps = sorted(p for p in pitches if p > 1)  # a second column shares baselines
    if not steps:
        return drop
    gap = GAP_PITCHES * steps[len(steps) // 2]
    for ends, inward in ((order, 1), (order[::-1], -1)):
        for k in (0, 1):  # a header may have two lines (title and rule)
            i, j = ends[k], ends[k + 1]
            bottom, top = boxes[i]
            in_band = (
                bottom >= height * (1 - BAND) if inward == 1 else top <= height * BAND
            )
            apart = abs(boxes[i][0] - boxes[j][0]) > gap
            if not (in_band and apart and _short(lines[i], lines)):
                break
            drop[i] = True
    return drop


def _short(line: Line, lines: list[Line]) -> bool:
    """Narrower than half the text block: a header, never a body line."""
    widest = max((w.right or 0) - (w.x or 0) for w in lines)
    return (line.right or 0) - (line.x or 0) < 0.5 * widest
