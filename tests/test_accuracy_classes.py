"""Issue 15: the classes of false alarm and misread, several variants each.

Every variant starts from a compliant report (tests/corpus/compliant/01) and
changes only the shape under test.
"""

from __future__ import annotations

import pytest
from accuracy_support import CORPUS, findings, line_of, meta, serious

from checker.parse import parse

BASE = (CORPUS / "compliant" / "01_county_gov.txt").read_text(encoding="utf-8")
TITLE = "青山县人民政府2021年度法治政府建设情况报告"
SIGNED = "青山县人民政府\n2022年2月18日\n"
assert BASE.endswith(SIGNED)
UNSIGNED = BASE[: -len(SIGNED)]


# -- 1. page chrome before the title -------------------------------------------

BREADCRUMBS = [
    "首页 > 政务公开 > 法治政府建设",
    "首页 | 信息公开 | 法治政府建设年度报告",
    "您的位置：首页 >> 政府信息公开 >> 法治政府建设",
    "首页>政务公开>重点领域信息公开>法治政府建设>年度报告",
    "当前位置: 首页 » 政务公开 » 青山县人民政府2021年度法治政府建设情况报告",
    "政务公开 ＞ 法治政府建设 ＞ 年度报告",
]


@pytest.mark.parametrize("crumb", BREADCRUMBS)
def test_breadcrumb_is_chrome_not_the_title(crumb: str) -> None:
    text = f"{crumb}\n{BASE}"
    read = meta(text)
    assert (read["title"], read["unit"]) == (TITLE, "青山县人民政府")
    assert serious(findings(text)) == []
    assert parse(text).root.children[0].kind == "chrome"


def test_title_with_trailing_bar_is_still_the_title() -> None:
    assert meta(BASE.replace(TITLE, TITLE + " |", 1))["title"] == TITLE


# -- 2. enumerations after a comma ---------------------------------------------

ENUMS = [
    "产生问题的原因，一是学法不够；二是培训不足；三是考核不严。",
    "主要表现在，一是制度不健全，二是落实不到位，三是监督不够有力。",
    "原因主要有,一是认识不到位;二是能力不足;三是保障不够。",
    "存在的问题及原因，一是执法不规范，原因是培训少。二是宣传不到位，原因是方式单一。",
]


@pytest.mark.parametrize("sentence", ENUMS)
def test_enumeration_after_comma_is_an_enumeration(sentence: str) -> None:
    text = BASE.replace("　　一是部分乡镇", f"　　{sentence}\n　　一是部分乡镇", 1)
    assert [f for f in findings(text) if f[0] == "enumeration/sequence"] == []
    line = line_of(text, sentence)
    items = [n for n in parse(text).nodes if n.kind == "enum" and n.line == line]
    assert [n.marker.number for n in items] == list(range(1, len(items) + 1))
    assert len(items) >= 2


def test_after_a_comma_a_jump_is_still_found() -> None:
    text = BASE.replace("二是行政规范性", "三是行政规范性", 1).replace(
        "三是法治宣传", "，四是法治宣传", 1
    )
    line = line_of(text, "三是行政规范性")
    assert ("enumeration/sequence", line, "warning") in findings(text)


def test_a_lone_second_item_after_a_comma_is_prose() -> None:
    text = BASE.replace(
        "　　一是部分乡镇", "　　对此，二是不应忽视的。\n　　一是部分乡镇", 1
    )
    assert [f for f in findings(text) if f[0] == "enumeration/sequence"] == []


# -- 3. the date on the signature line; footers after the signature -------------

SIGNATURE_LINES = [
    "青山县人民政府　　　　2022年2月18日",
    "青山县人民政府    2022年2月18日",
    "青山县人民政府\t2022年2月18日",
    "青山县人民政府 2022年2月18日",
    "　　　　青山县人民政府　　2022年2月18日",
]


@pytest.mark.parametrize("closing", SIGNATURE_LINES)
def test_unit_and_date_on_one_line(closing: str) -> None:
    text = UNSIGNED + closing + "\n"
    read = meta(text)
    assert (read["unit"], read["date"]) == ("青山县人民政府", "2022-02-18")
    assert findings(text) == findings(BASE)


FOOTERS = [
    "Copyright © 2022 青山县人民政府 All Rights Reserved",
    "地址：青山县人民路1号　邮编：311100　电话：0571-88888888",
    "上一篇：青山县2021年政府信息公开工作年度报告\n下一篇：青山县2021年度行政执法统计年报",
    "附件：1.青山县2021年度行政执法数据统计表\n2.青山县2021年度重大行政决策事项目录",
    "扫一扫在手机打开当前页\n青山县人民政府网站由青山县人民政府办公室主办，本网站所有内容未经"
    "书面授权不得转载，违者必究，请各单位和个人注意遵守相关规定。",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_footer_after_the_signature(footer: str) -> None:
    text = f"{BASE}\n{footer}\n"
    read = meta(text)
    assert (read["unit"], read["date"]) == ("青山县人民政府", "2022-02-18")
    assert findings(text) == findings(BASE)


def test_joint_signature() -> None:
    text = UNSIGNED + "中共青山县委\n青山县人民政府\n2022年2月18日\n"
    assert meta(text)["date"] == "2022-02-18"
    assert findings(text) == findings(BASE)


def test_a_report_mentioning_wechat_at_its_end_keeps_its_body() -> None:
    text = BASE.replace(
        "提高备案审查质量。", "运用微信公众号、短视频等开展线上普法。", 1
    )
    assert findings(text) == findings(BASE)


def test_signature_line_without_a_date_still_lacks_the_date() -> None:
    text = UNSIGNED + "青山县人民政府\n"
    line = line_of(text, "青山县人民政府\n")
    assert ("meta/date-format", line, "info") in findings(text)
    assert not [f for f in findings(text) if f[0] == "meta/signature"]


# -- the title set in two lines; the 附件说明 before the 落款 --------------------


@pytest.mark.parametrize(
    "second", ["关于2021年度法治政府建设情况的报告", "2021年度法治政府建设情况报告"]
)
def test_title_in_two_lines(second: str) -> None:
    text = BASE.replace(TITLE, "青山县人民政府\n" + second, 1)
    assert meta(text)["title"] == "青山县人民政府" + second
    assert findings(text) == [(r, ln + 1, s) for r, ln, s in findings(BASE)]


def test_site_name_above_a_titled_report_is_not_the_title() -> None:
    text = "青山县人民政府\n" + BASE
    assert meta(text)["title"] == TITLE


@pytest.mark.parametrize(
    "note",
    [
        "附件：1.青山县2021年度行政执法数据统计表\n"
        "　　　2.青山县2021年度重大行政决策事项目录",
        "附件：\n1.青山县2021年度行政执法数据统计表\n2.青山县2021年度重大行政决策事项目录"
        "\n3.青山县2021年度行政复议案件统计表",
        "附件：青山县2021年度行政执法数据统计表",
    ],
)
def test_attachment_note_before_the_signature(note: str) -> None:
    text = UNSIGNED + note + "\n\n" + SIGNED
    assert serious(findings(text)) == []
    assert meta(text)["date"] == "2022-02-18"
