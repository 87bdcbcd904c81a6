"""The five statutory items of the annual report and the words that name them.

《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) requires the report to
cover five items. Heading and body patterns are the synonyms seen in real
reports (DOMAIN.md §2); mirror sites serve traditional characters, which
:func:`fold` (OpenCC, checker.parse.hanzi) maps back before matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.parse.hanzi import fold

__all__ = ["BY_ID", "HEADING_ORDER", "ITEMS", "ITEM_IDS", "Item", "fold"]


@dataclass(frozen=True, slots=True)
class Item:
    """One statutory item: its id (JSON, packs), names, and the words for it."""

    id: str
    name: str  # the regulation's wording, shortened: what messages call it
    label: str  # a short column label for tables and scorecards
    heading: re.Pattern[str]  # heading wordings seen in real reports
    body: re.Pattern[str] | None  # body wordings that mention it without a heading


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns))


#: The five items, in the order the regulation lists them. The one table of
#: them: the checklist, the formats, the JSON Schema and the packs use it.
ITEMS: tuple[Item, ...] = (
    Item(
        "measures",
        "主要举措和成效",
        "举措成效",
        _any(
            r"主要(?:举措|措施|工作|做法|成效)",
            r"(?:工作|取得的?)成效",
            r"工作(?:开展)?情况",
            r"推进法治政府建设(?:的)?(?:情况|工作)",
            r"举措和成效",
        ),
        None,  # older reports' level-1 sections are the measures (checklist)
    ),
    Item(
        "shortcomings",
        "存在的不足和原因",
        "不足原因",
        _any(
            r"(?:存在|面临)的?(?:主要)?(?:问题|不足|短板|困难)",
            r"不足(?:和|与|及)原因",
            r"问题(?:和|与|及)不足",
            r"短板(?:和|与|及)?不足",
            r"薄弱环节",
        ),
        _any(
            r"(?:还|仍|尚|依然)?存在(?:的)?(?:一些|不少|一定)?(?:不足|问题|差距|短板)",
            r"不足之处",
            r"薄弱环节",
        ),
    ),
    Item(
        "first-responsible",
        "党政主要负责人履行第一责任人职责情况",
        "第一责任人",
        _any(r"第一责任人", r"主要负责(?:人|同志)"),
        _any(
            r"第一责任人",
            r"主要负责(?:人|同志)",
            r"亲自(?:部署|过问|协调|督办)",
            r"述法",
            r"会前学法",
        ),
    ),
    Item(
        "next-year-plan",
        "下一年度主要安排",
        "下年安排",
        _any(
            r"下一?(?:年度?|步|阶段)",
            r"明年",
            r"今后",
            r"(?:19|20)\d\d年.{0,8}(?:计划|安排|打算|思路|目标|重点|要点)",
            r"工作(?:计划|安排|打算|思路)",
            r"主要安排",
        ),
        _any(r"下一步|下一年度?|明年|今后"),
    ),
    Item(
        "other-matters",
        "其他需要报告的情况",
        "其他事项",
        _any(r"其他(?:需要|需)?(?:报告|说明)?的?(?:情况|事项)"),
        _any(r"其他需要报告"),
    ),
)
ITEM_IDS = tuple(item.id for item in ITEMS)
BY_ID = {item.id: item for item in ITEMS}
#: The order headings are matched in: a first-responsible heading also says
#: 推进法治建设…情况, which would otherwise read as the measures.
HEADING_ORDER = tuple(
    BY_ID[i]
    for i in (
        "first-responsible",
        "shortcomings",
        "next-year-plan",
        "other-matters",
        "measures",
    )
)
