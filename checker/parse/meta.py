"""Report metadata: title, report year, unit, 成文日期 and publication date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from checker.parse.hanzi import fold
from checker.parse.tree import Node

_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT.update({"○": "0", "零": "0"})

_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})\s*年")
_REPORT_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年度?\s*(?:法治政府|依法行政|法治建设|工作情况|推进法治)"
)
_LEAD_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年[，,、]")
_QUOTED = re.compile(r"《[^》]*》|〈[^〉]*〉|（[^）]*）|\([^)]*\)")
_PUBLISHED = re.compile(
    r"(?:发布日期|发布时间|更新时间|发布于|发文日期|日期)\s*[:：]?\s*"
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_TITLE_DEBRIS = re.compile(r"^[\s|｜_\-]+|[\s|｜_\-]+$")
_UNIT_FROM_TITLE = re.compile(
    r"^(?:关于)?(.+?)(?:(?:19|20)\d{2}\s*年|关于|法治政府|依法行政)"
)

_DATE_FORMS = (
    re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$"),
    re.compile(r"((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})"),
    re.compile(r"^(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None = None
    year: int | None = None
    unit: str | None = None
    date: str | None = None  # ISO 8601
    date_text: str | None = None  # as written
    published: str | None = None  # ISO 8601, from 发布日期/更新时间


def extract(order: Sequence[Node], text: str, folded: str | None = None) -> Meta:
    """Metadata from the nodes in document order (``tree.finish``)."""
    nodes: dict[str, list[Node]] = {kind: [] for kind in _KINDS}
    for node in order:
        if node.kind in nodes:
            nodes[node.kind].append(node)
    title_node = nodes["title"][0] if nodes["title"] else None
    # A title set in two lines (unit, then 关于…的报告) is one title.
    written = "".join(node.text for node in nodes["title"])
    title = _TITLE_DEBRIS.sub("", written) if title_node else None
    date_node = nodes["date"][0] if nodes["date"] else None
    signature = nodes["signature"][0].text if nodes["signature"] else None
    return Meta(
        title=title or None,
        year=_year(title, [n.text for n in nodes["preamble"]]),
        unit=signature or _unit_from_title(title),
        date=parse_date(date_node.text) if date_node else None,
        date_text=date_node.text if date_node else None,
        published=_published([fold(n.text) for n in nodes["chrome"]], folded or text),
    )


_KINDS = ("title", "preamble", "date", "signature", "chrome")


def _year(title: str | None, preamble: list[str]) -> int | None:
    if title:
        found = _YEAR.search(title) or re.search(r"((?:19|20)\d{2})", title)
        if found:
            return int(found.group(1))
    body = "\n".join(preamble)
    for pattern in (_REPORT_YEAR, _LEAD_YEAR):
        found = pattern.search(body)
        if found:
            return int(found.group(1))
    years = _YEAR.findall(_QUOTED.sub("", body))
    if years:
        return int(max(set(years), key=lambda y: (years.count(y), y)))
    return None


def _unit_from_title(title: str | None) -> str | None:
    if not title:
        return None
    found = _UNIT_FROM_TITLE.search(title)
    unit = found.group(1).strip() if found else ""
    return unit or None


def parse_date(value: str) -> str | None:
    """成文日期 in any common form -> ISO date, or None when blank or invalid."""
    value = value.strip()
    converted = "".join(_CN_DIGIT.get(ch, ch) for ch in value)
    if converted != value:
        converted = _cn_month_day(converted)
    for pattern in _DATE_FORMS:
        found = pattern.search(converted)
        if found:
            year, month, day = (int(g) for g in found.groups())
            if year < 100:
                year += 2000
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


def _cn_month_day(value: str) -> str:
    """ "2019年十二月三十一日" (digits already converted) -> "2019年12月31日"."""

    def number(match: re.Match[str]) -> str:
        part = match.group(1)
        tens, _, ones = part.partition("十")
        if "十" not in part:
            return part + match.group(2)
        return str((int(tens) if tens else 1) * 10 + (int(ones) if ones else 0)) + (
            match.group(2)
        )

    return re.sub(r"([0-9十]{1,3})([月日])", number, value)


def _published(chrome: list[str], text: str) -> str | None:
    for source in (*chrome, text[:600], text[-600:]):
        found = _PUBLISHED.search(source)
        if found:
            year, month, day = (int(g) for g in found.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None
