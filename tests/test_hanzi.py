"""Issue 15, class 6: traditional characters (mirror sites) read like simplified.

Every keyword the packs, the item patterns and the layout match is tried in
traditional form (OpenCC s2t, Taiwan and Hong Kong variants); a report in
traditional characters must check like its simplified original.
"""

from __future__ import annotations

import re
from functools import cache

import opencc
import pytest
from accuracy_support import CORPUS, findings, statuses

from checker.checks import CHECKS
from checker.checks.items import ITEMS
from checker.engine.check import load_pack
from checker.parse import closing, layout
from checker.parse.hanzi import fold, has_traditional

BASE = (CORPUS / "compliant" / "01_county_gov.txt").read_text(encoding="utf-8")
VARIANTS = ("s2t", "s2tw", "s2hk")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _to(config: str, text: str) -> str:
    return _converter(config).convert(text)


def _strings(value: object) -> list[str]:
    if isinstance(value, re.Pattern):
        return [value.pattern]
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _keyword_sources() -> list[str]:
    """Every pattern and word a report's text is matched against."""
    sources = [p.pattern for i in ITEMS for p in (i.heading, i.body) if p is not None]
    for pattern in (layout.CHROME, layout.TITLE, layout.BREADCRUMB):
        sources.append(pattern.pattern)
    sources += [closing.SIGNOFF.pattern, closing.UNIT_SUFFIX.pattern]
    for name in ("fazhi-2019", "fazhi-2015", "gbt9704"):
        for rule in load_pack(name).rules:
            sources += _strings(list(rule.options.values()))
    for module in CHECKS.values():
        sources += _strings([kind.default for kind in module.OPTIONS.values()])
    return sources


KEYWORD_CHARS = sorted({c for s in _keyword_sources() for c in _CJK.findall(s)})


@pytest.mark.parametrize("config", VARIANTS)
def test_every_keyword_character_folds_back(config: str) -> None:
    converted = _to(config, "\n".join(KEYWORD_CHARS)).split("\n")
    changed = dict(zip(KEYWORD_CHARS, converted, strict=True))
    assert len(KEYWORD_CHARS) > 200
    assert {c: t for c, t in changed.items() if fold(t) != c} == {}


def test_fold_keeps_length_and_skips_simplified_text() -> None:
    traditional = _to("s2t", BASE)
    assert traditional != BASE and len(fold(traditional)) == len(traditional)
    assert fold(BASE) is BASE
    assert not has_traditional(BASE) and has_traditional(traditional)


REASONS = CHECKS["reasons-missing"].OPTIONS["keywords"].default.split("|")
CAUSELESS = (
    "　　一是部分乡镇依法行政能力不强。二是规范性文件备案审查质量有待提升。"
    "三是法治宣传的覆盖面和实效性还不够。"
)


def _shortcomings(body: str) -> str:
    start = BASE.index("三、存在的不足和原因\n") + len("三、存在的不足和原因\n")
    end = BASE.index("四、2022年")
    return BASE[:start] + body + "\n" + BASE[end:]


@pytest.mark.parametrize("keyword", REASONS)
@pytest.mark.parametrize("config", VARIANTS)
def test_each_cause_word_in_traditional_form(keyword: str, config: str) -> None:
    body = CAUSELESS.replace("不强。", f"不强，{keyword}培训不够系统。", 1)
    text = _to(config, _shortcomings(body))
    assert [f for f in findings(text) if f[0] == "content/reasons-missing"] == []


def test_traditional_report_without_causes_is_still_flagged() -> None:
    text = _to("s2t", _shortcomings(CAUSELESS))
    assert [f[0] for f in findings(text)].count("content/reasons-missing") == 1


HEADING_SYNONYMS = {
    "measures": ["主要举措和成效", "主要措施和成效", "主要工作及成效", "工作成效"],
    "shortcomings": ["存在的不足和原因", "存在的问题及原因", "短板和不足"],
    "first-responsible": ["党政主要负责人履行推进法治建设第一责任人职责情况"],
    "next-year-plan": ["下一年度主要安排", "下一步工作打算", "下步工作计划"],
}


@pytest.mark.parametrize("config", VARIANTS)
def test_item_headings_in_traditional_form(config: str) -> None:
    for item, headings in HEADING_SYNONYMS.items():
        for heading in headings:
            text = _to(config, f"一、{heading}\n依法履职。\n")
            assert statuses(text)[item] == "present", (item, heading)


@pytest.mark.parametrize("config", VARIANTS)
def test_whole_report_in_traditional_checks_like_the_original(config: str) -> None:
    assert findings(_to(config, BASE)) == findings(BASE)
