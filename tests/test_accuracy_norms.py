"""Issue 15: GB/T 9704 as the norm (not the majority), impossible dates, and
one policy for half-width brackets shared by ``outline`` and ``check``."""

from __future__ import annotations

import re

import pytest
from accuracy_support import CORPUS, findings, line_of, messages, meta

from checker.parse import parse

BASE = (CORPUS / "compliant" / "01_county_gov.txt").read_text(encoding="utf-8")
WEB = (CORPUS / "compliant" / "13_half_width_web.txt").read_text(encoding="utf-8")


def _rule(text: str, rule: str) -> list[tuple[str, int, str]]:
    return [f for f in findings(text) if f[0] == rule]


# -- 4. the norm is GB/T 9704, not the majority ----------------------------------

MAJORITY_WRONG = """一、主要举措
(一)依法履职
(二)依法决策
(三)依法监督
（四）依法公开
(五)依法化解
二、存在的不足
"""


def test_full_width_minority_is_not_flagged() -> None:
    found = _rule(MAJORITY_WRONG, "numbering/mixed-style")
    assert found == [
        ("numbering/mixed-style", line, "warning") for line in (2, 3, 4, 6)
    ]


def test_mixed_width_within_one_marker() -> None:
    text = BASE.replace("（二）推进行政", "(二）推进行政", 1)
    line = line_of(text, "(二）")
    assert _rule(text, "numbering/mixed-style") == [
        ("numbering/mixed-style", line, "warning")
    ]


def test_level_four_half_width_beside_full_width_level_two() -> None:
    text = BASE.replace("　　深化“放管服”改革", "(1)深化“放管服”改革", 1)
    line = line_of(text, "(1)深化")
    assert ("numbering/mixed-style", line, "warning") in findings(text)


def test_majority_of_wrong_punctuation_flags_the_wrong_ones_once() -> None:
    text = "一、主要举措\n（一）依法履职\n1、审批\n2、服务\n3、监管\n4.执法\n"
    assert [(r, ln) for r, ln, _ in findings(text) if r.startswith("numbering/")] == [
        ("numbering/punctuation", 3),
        ("numbering/punctuation", 4),
        ("numbering/punctuation", 5),
    ]


# -- 5. impossible dates ----------------------------------------------------------

IMPOSSIBLE = [
    "2022年2月30日",
    "2021年2月29日",
    "2022年13月1日",
    "20220230",
    "2022.4.31",
]


@pytest.mark.parametrize("written", IMPOSSIBLE)
def test_impossible_date_is_a_finding(written: str) -> None:
    text = BASE.replace("2022年2月18日", written)
    line = line_of(text, written)
    assert _rule(text, "meta/date-format") == [("meta/date-format", line, "warning")]
    assert "不是有效日期" in messages(text, "meta/date-format")[0]
    assert meta(text)["date"] is None


def test_leap_day_is_a_date() -> None:
    text = BASE.replace("2021年度", "2023年度").replace(
        "2022年2月18日", "2024年2月29日"
    )
    assert _rule(text, "meta/date-format") == []
    assert meta(text)["date"] == "2024-02-29"


def test_blank_date_is_a_placeholder_not_an_impossible_date() -> None:
    text = BASE.replace("2022年2月18日", "2022年 月 日")
    assert "不是有效日期" not in "".join(messages(text, "meta/date-format"))


# -- 7. half-width brackets: one policy for outline and check ---------------------


def _outline_half_width(text: str) -> int:
    """How many markers ``outline`` marks 使用了半角括号 (with their numeral)."""
    return sum(
        1
        for node in parse(text).nodes
        if node.kind == "section"
        and "half-width-bracket" in node.marker.defects
        and "missing-numeral" not in node.marker.defects
    )


def test_consistent_half_width_is_one_info_finding_with_the_count() -> None:
    found = _rule(WEB, "numbering/mixed-style")
    assert found == [("numbering/mixed-style", line_of(WEB, "(一)"), "info")]
    (message,) = messages(WEB, "numbering/mixed-style")
    count = int(re.search(r"等(\d+)处", message).group(1))
    assert count == _outline_half_width(WEB) == 7


def test_single_half_width_marker_has_no_count() -> None:
    text = "一、主要举措\n(一)依法履职\n"
    assert messages(text, "numbering/mixed-style") == [
        "序号“(一)”使用了半角括号，应为全角“（）”（GB/T 9704）"
    ]


def test_full_width_report_has_no_bracket_finding() -> None:
    assert _rule(BASE, "numbering/mixed-style") == []
    assert _outline_half_width(BASE) == 0


def test_half_width_never_fails_or_warns() -> None:
    assert {sev for rule, _, sev in findings(WEB) if rule.startswith("numbering/")} == {
        "info"
    }
