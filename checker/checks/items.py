"""The five statutory items of the annual report and the words that name them.

《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) requires the report to
cover five items. Heading and body patterns are the synonyms seen in real
reports (DOMAIN.md §2); mirror sites serve traditional characters, which
:func:`fold` (OpenCC, checker.parse.hanzi) maps back before matching.
"""

from __future__ import annotations

import re

from checker.parse.hanzi import fold

__all__ = ["BODY", "HEADINGS", "ITEMS", "LABELS", "fold"]

#: The five items, in the order the regulation lists them, with their official names.
ITEMS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first-responsible": "党政主要负责人履行第一责任人职责情况",
    "next-year-plan": "下一年度主要安排",
    "other-matters": "其他需要报告的情况",
}

# Matching order matters: a first-responsible heading also says 推进法治建设…情况.
_HEADINGS = {
    "first-responsible": "|".join([r"第一责任人", r"主要负责(?:人|同志)"]),
    "shortcomings": "|".join(
        [
            r"(?:存在|面临)的?(?:主要)?(?:问题|不足|短板|困难)",
            r"不足(?:和|与|及)原因",
            r"问题(?:和|与|及)不足",
            r"短板(?:和|与|及)?不足",
            r"薄弱环节",
        ]
    ),
    "next-year-plan": "|".join(
        [
            r"下一?(?:年度?|步|阶段)",
            r"明年",
            r"今后",
            r"(?:19|20)\d\d年.{0,8}(?:计划|安排|打算|思路|目标|重点|要点)",
            r"工作(?:计划|安排|打算|思路)",
            r"主要安排",
        ]
    ),
    "other-matters": r"其他(?:需要|需)?(?:报告|说明)?的?(?:情况|事项)",
    "measures": "|".join(
        [
            r"主要(?:举措|措施|工作|做法|成效)",
            r"(?:工作|取得的?)成效",
            r"工作(?:开展)?情况",
            r"推进法治政府建设(?:的)?(?:情况|工作)",
            r"举措和成效",
        ]
    ),
}
_BODY = {
    "first-responsible": "|".join(
        [
            r"第一责任人",
            r"主要负责(?:人|同志)",
            r"亲自(?:部署|过问|协调|督办)",
            r"述法",
            r"会前学法",
        ]
    ),
    "shortcomings": "|".join(
        [
            r"(?:还|仍|尚|依然)?存在(?:的)?(?:一些|不少|一定)?(?:不足|问题|差距|短板)",
            r"不足之处",
            r"薄弱环节",
        ]
    ),
    "next-year-plan": r"下一步|下一年度?|明年|今后",
    "other-matters": r"其他需要报告",
}
#: Compiled once per process; the checklist runs them on every report.
HEADINGS = {item: re.compile(p) for item, p in _HEADINGS.items()}
BODY = {item: re.compile(p) for item, p in _BODY.items()}

#: Short column labels for tables; the full names are in ITEMS and the packs.
LABELS = {
    "measures": "举措成效",
    "shortcomings": "不足原因",
    "first-responsible": "第一责任人",
    "next-year-plan": "下年安排",
    "other-matters": "其他事项",
}
