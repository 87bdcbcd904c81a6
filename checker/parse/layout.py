"""Where the report starts and ends: page chrome, title, addressee, closing.

Reports saved from government websites carry navigation and page furniture
before and after the text (DOMAIN.md §5); the closing block is 特此报告, the
signing unit and the 成文日期. This module assigns those roles to whole lines at
the head and the tail; everything between is the report body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.parse.closing import (
    DATE_LINE,
    SIGNOFF,
    anchored_end,
    closing_roles,
    is_unit,
)
from checker.parse.numbering import RawLine

CHROME = re.compile(
    r"字体大小|字号[:：]|【?[大中小]】|打印(?:页面|本页|文章|此页)|关闭(?:页面|窗口|本页)"
    r"|发布日期|发布时间|更新时间|发布机构|信息来源|文章来源|来源[:：]|作者[:：]"
    r"|浏览次数|点击数|阅读次数|访问量|主办单位|承办单位|协办单位|技术支持|网站标识码"
    r"|ICP|公网安备|版权所有|附件下载|附件[:：]|TOP】|返回顶部|设为首页|加入收藏|无障碍"
    r"|今天是|分享到|扫一扫|手机版|当前位置|网站地图|联系我们|政务公开网站|欢迎您?进入"
    r"|微信|微博|【打印】|【关闭】|(?:您的|您现在的|您所在的|所在)位置"
)
# Breadcrumb navigation ("首页 > 政务公开 > 法治政府建设", "首页 | 信息公开 | …"):
# it often names the report, so it must not be taken for the title.
_NAV = r"\s*(?:>>|[>＞»›→|｜/])\s*"
BREADCRUMB = re.compile(
    r"^(?:[^:：]{0,8}位置[:：]?\s*)?(?:网站)?(?:首页|主页)"
    + _NAV
    + r"|^[^>＞»›→|｜]{1,40}(?:"
    + _NAV
    + r"[^>＞»›→|｜]{1,60}){2,}$"
)
TITLE = re.compile(r"报\s*告|汇报|工作总结|法治政府建设|依法行政")  # on folded text
ADDRESSEE = re.compile(r"^[^，,。；;：:\s]{2,30}[：:]$")
ATTACHMENT = re.compile(r"^附\s*件[：:]")
_ATTACHMENTS = 10  # at most this many numbered lines in a 附件说明
_TITLE_WITHOUT_UNIT = re.compile(r"^(?:关于|(?:19|20)\d\d\s*年)")
_SHORT_CHROME = 120  # a chrome line is short; a run-together report is not chrome
_TAIL_LINE = 60  # lines after the tail chrome starts are short too


@dataclass(frozen=True, slots=True)
class Layout:
    """Roles of head and tail lines (indexes into the line list)."""

    roles: dict[int, str]  # line index -> chrome | title | addressee
    body_start: int  # first line of the body (preamble and sections)
    body_end: int  # first line after the body
    #: line index -> signoff | signature | date | signature-date (checker.parse.closing)
    closing: dict[int, str]
    #: body lines whose leading number is not a heading: the 附件说明 list
    plain: frozenset[int] = frozenset()


def line_text(text: str, line: RawLine) -> str:
    return text[line.start : line.end].strip()


def find_layout(text: str, lines: list[RawLine]) -> Layout:
    body_start, roles = _head(text, lines)
    tail_start = anchored_end(text, lines, body_start)
    if tail_start is None:
        tail_start = _tail_chrome(text, lines, body_start)
    for i in range(tail_start, len(lines)):
        if line_text(text, lines[i]):
            roles[i] = "chrome"
    closing = closing_roles(text, lines, body_start, tail_start)
    body_end = min(closing, default=tail_start)
    plain = _attachment_note(text, lines, body_start, body_end)
    return Layout(roles, body_start, body_end, closing, plain)


def _attachment_note(
    text: str, lines: list[RawLine], start: int, end: int
) -> frozenset[int]:
    """GB/T 9704-2012 §7.3.5: "附件：1.XXXX" and its "2.XXXX" lines below the
    text, before the 落款; their numbers are not headings."""
    seen = 0
    for i in range(end - 1, start - 1, -1):
        content = line_text(text, lines[i])
        if not content:
            continue
        if ATTACHMENT.match(content):
            return frozenset(range(i, end))
        seen += 1
        if seen >= _ATTACHMENTS or lines[i].marker is None:
            break
    return frozenset()


def _head(text: str, lines: list[RawLine]) -> tuple[int, dict[int, str]]:
    roles: dict[int, str] = {}
    title = _title_line(text, lines)
    seen_addressee = False
    for i, line in enumerate(lines):
        content = line_text(text, line)
        if not content:
            continue
        if title is not None and i < title:
            roles[i] = "title" if _unit_above(text, lines, i, title) else "chrome"
        elif i == title:
            roles[i] = "title"
        elif line.marker and line.marker.is_heading and line.marker.kind != "L3_BARE":
            return i, roles
        elif len(content) <= _SHORT_CHROME and _is_chrome(content):
            roles[i] = "chrome"
        elif not seen_addressee and ADDRESSEE.match(content):
            roles[i] = "addressee"
            seen_addressee = True
        else:
            return i, roles
    return len(lines), roles


def _unit_above(text: str, lines: list[RawLine], i: int, title: int) -> bool:
    """ "青山县人民政府" on the line above "关于2021年度…的报告": one title in
    two lines, as 公文 titles are set (发文机关 + 关于 + 事由 + 文种)."""
    if any(line_text(text, lines[j]) for j in range(i + 1, title)):
        return False
    return is_unit(line_text(text, lines[i])) and bool(
        _TITLE_WITHOUT_UNIT.match(line_text(text, lines[title]))
    )


def _is_chrome(content: str) -> bool:
    return CHROME.search(content) is not None or BREADCRUMB.search(content) is not None


def _title_line(text: str, lines: list[RawLine]) -> int | None:
    """The title is a short line near the top naming the report."""
    seen = 0
    for i, line in enumerate(lines):
        content = line_text(text, line)
        if not content:
            continue
        seen += 1
        if seen > 8 or len(content) > 80 or (line.marker and line.marker.is_heading):
            return None
        if BREADCRUMB.search(content):
            continue
        if TITLE.search(content) and not content.endswith(("。", "：", ":")):
            if not CHROME.search(content) or "报告" in content:
                return i
    return None


def _tail_chrome(text: str, lines: list[RawLine], body_start: int) -> int:
    """First line of the page furniture after the report, or len(lines)."""
    last_heading = body_start
    for i in range(body_start, len(lines)):
        marker = lines[i].marker
        if marker and marker.is_heading and marker.kind != "L3_BARE":
            last_heading = i
    for i in range(last_heading + 1, len(lines)):
        content = line_text(text, lines[i])
        if content and len(content) <= _SHORT_CHROME and CHROME.search(content):
            if _is_sentence(content):
                continue  # "……运用微信公众号开展线上普法。" is report text
            rest = [line_text(text, lines[j]) for j in range(i + 1, len(lines))]
            if all(len(r) <= _TAIL_LINE for r in rest) and not _closes(rest):
                return i
    return len(lines)


def _is_sentence(content: str) -> bool:
    return len(content) > _TAIL_LINE // 2 and content.endswith(("。", "；", ";"))


def _closes(rest: list[str]) -> bool:
    """A 特此报告 or 成文日期 below: the report has not ended yet."""
    return any(SIGNOFF.match(r) or DATE_LINE.match(r) for r in rest)
