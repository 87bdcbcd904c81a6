"""The closing block: 特此报告, the 落款 (signing unit) and the 成文日期.

GB/T 9704-2012 puts the issuing unit's name (发文机关署名) after the text and
the 成文日期 under it; typed reports often put both on one line, separated by
full-width spaces ("XX区人民政府　　2021年2月8日"). A joint report has several
signing units, one a line. Web copies follow the closing with page furniture
(上一篇, 地址, Copyright …) or an attachment list; once a closing is found,
what follows it is not report text.
"""

from __future__ import annotations

import re

from checker.parse.numbering import RawLine

SIGNOFF = re.compile(r"^特此(?:报告|汇报)[。.]?$")
UNIT_SUFFIX = re.compile(
    r"(?:人民政府|政府|办事处|委员会|办公室|局|委|厅|署|镇|乡|街道|县|市|区|所|中心|部|院|处|站)$"
)
_DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{8}|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|\S{0,4}\s*年\s+月\s+日)"
)
#: 成文日期 in the forms DOMAIN.md §4 lists (right and wrong), or left blank.
DATE_LINE = re.compile(rf"^{_DATE}$")
#: Unit and date on one line: at least two spaces, a tab or a full-width space
#: between them (one half-width space also occurs in web copies).
_UNIT_DATE = re.compile(rf"^(\S.*?)(?:[ \t\u3000\u00a0]+)({_DATE})$")
_PUNCTUATION = re.compile(r"[，,。；;：:！!？?]")
_MAX_UNITS = 3  # joint reports: 中共XX县委 / XX县人民政府 / …
_ANCHOR_WINDOW = 15  # a closing followed by furniture sits in the last lines


def closing_roles(text: str, lines: list[RawLine], start: int, stop: int) -> dict:
    """Line index -> signoff | signature | date | signature-date, read backwards
    from the line before ``stop`` down to ``start``."""
    closing: dict[int, str] = {}
    stage, units = 0, 0  # the rank of the last role taken; signing units seen
    for i in range(stop - 1, start - 1, -1):
        content = _text(text, lines[i])
        if not content:
            continue
        role = closing_role(content, lines[i])
        rank = _RANK.get(role, 0)
        another_unit = role == "signature" and stage == 2 and units < _MAX_UNITS
        if rank <= stage and not another_unit:
            break
        stage, units = rank, units + (rank == 2)
        closing[i] = role
        if stage == 3:
            break
    return closing


_RANK = {"date": 1, "signature-date": 2, "signature": 2, "signoff": 3}


def closing_role(content: str, line: RawLine) -> str | None:
    if DATE_LINE.match(content):
        return "date"
    if SIGNOFF.match(content):
        return "signoff"
    if line.marker is None and is_unit(content):
        return "signature"
    found = _UNIT_DATE.match(content)
    if found and line.marker is None and is_unit(found.group(1)):
        return "signature-date"
    return None


def date_offset(text: str, line: RawLine) -> int:
    """Where the date starts on a signature-date line."""
    found = _UNIT_DATE.match(text[line.body : line.end])
    return line.body + (found.start(2) if found else 0)


def anchored_end(text: str, lines: list[RawLine], start: int) -> int | None:
    """The line after a 落款 + 成文日期 near the end that more lines follow.

    Whatever follows a signed and dated closing (footer, links, an attachment
    list) is not report text, however it is worded.
    """
    seen = 0
    for i in range(len(lines) - 1, start - 1, -1):
        content = _text(text, lines[i])
        if not content:
            continue
        seen += 1
        if seen > _ANCHOR_WINDOW:
            return None
        role = closing_role(content, lines[i])
        if role == "signature-date" or (role == "date" and _signed(text, lines, i)):
            return i + 1 if seen > 1 else None
    return None


def _signed(text: str, lines: list[RawLine], date: int) -> bool:
    for i in range(date - 1, -1, -1):
        content = _text(text, lines[i])
        if content:
            return closing_role(content, lines[i]) == "signature"
    return False


def is_unit(content: str) -> bool:
    return (
        len(content) <= 40
        and UNIT_SUFFIX.search(content) is not None
        and _PUNCTUATION.search(content) is None
    )


def _text(text: str, line: RawLine) -> str:
    return text[line.start : line.end].strip()
