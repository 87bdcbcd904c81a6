"""The document tree of each real seed report (DOMAIN.md §7, issue 2 acceptance)."""

from __future__ import annotations

from conftest import seed_text

from checker.parse.document import parse
from checker.parse.tree import Node


def sections(doc, level: int) -> list[Node]:
    return [n for n in doc.root.sections() if n.level == level]


def find(doc, predicate) -> Node:
    return next(n for n in doc.root.walk() if predicate(n))


def test_002_has_four_level1_sections_first_with_nine_children():
    doc = parse(seed_text("002"))
    top = sections(doc, 1)
    assert [n.marker.number for n in top] == [1, 2, 3, 4]
    assert [n.text for n in top] == [
        "主要举措和成效",
        "履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "下一年度主要工作安排",
    ]
    level2 = [c for c in top[0].children if c.kind == "section"]
    assert [c.marker.number for c in level2] == list(range(1, 10))
    assert all(c.level == 2 for c in level2)


def test_001_eleven_empty_brackets_are_level2_with_missing_numeral():
    doc = parse(seed_text("001"))
    empty = [n for n in sections(doc, 2) if n.marker.number is None]
    assert len(empty) == 11
    assert all("missing-numeral" in n.marker.defects for n in empty)
    assert [n.line for n in empty] == [13, 15, 17, 19, 21, 27, 29, 31, 77, 79, 81]
    # the title has no year: the year comes from the preamble
    assert doc.meta.title == "关于肇东市法治政府建设情况的报告"
    assert doc.meta.year == 2016
    assert doc.meta.published == "2017-09-30"


def test_000_bare_number_is_level3_item_with_missing_punctuation():
    doc = parse(seed_text("000"))
    item = find(doc, lambda n: n.kind == "section" and n.line == 18)
    assert item.level == 3
    assert item.marker.number == 2
    assert item.marker.text == "2"
    assert item.marker.defects == ("missing-punctuation",)
    assert item.text == "加强政务服务体系创新"
    assert doc.meta.published == "2019-04-08"
    assert doc.meta.date == "2018-12-19"
    assert doc.meta.date_text == "20181219"
    assert doc.meta.year == 2018


def test_003_lost_shi_is_enumeration_item_3_with_defect():
    doc = parse(seed_text("003"))
    lost = [n for n in doc.root.walk() if n.marker and n.marker.kind == "ENUM_LOST"]
    assert [(n.line, n.marker.number, n.marker.defects) for n in lost] == [
        (17, 3, ("missing-shi",)),
        (23, 3, ("missing-shi",)),
    ]
    assert lost[0].text.startswith("加强协调配合")
    # "十四五规划" and the like do not continue an enumeration: they stay text
    assert max(n.marker.number for n in doc.root.walk() if n.kind == "enum") == 3


def test_004_has_no_title_but_year_and_date():
    doc = parse(seed_text("004"))
    assert doc.meta.title is None
    assert not any(n.kind == "title" for n in doc.root.walk())
    assert doc.meta.year == 2021
    assert doc.meta.date == "2022-01-21"
    assert doc.meta.unit == "安宁市人民政府县街街道办事处"


def test_run_in_heading_splits_title_and_body():
    doc = parse(seed_text("003"))
    first = find(doc, lambda n: n.kind == "section" and n.level == 2)
    assert first.text == "积极推进依法行政,加快法治政府建设"
    assert [c.kind for c in first.children] == ["enum", "enum", "enum"]
    assert [c.marker.text for c in first.children] == ["一是", "二是", "三是"]


def test_circled_numbers_nest_under_bracketed_fourth_level_items():
    doc = parse("一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n②己\n（2）庚\n2.辛\n①壬\n")
    (first,) = doc.root.children
    (three,) = first.children[0].children[:1]
    bracketed = three.children
    assert [(n.marker.text, n.level) for n in bracketed] == [("（1）", 4), ("（2）", 4)]
    assert [(n.marker.text, n.level) for n in bracketed[0].children] == [
        ("①", 5),
        ("②", 5),
    ]
    two = first.children[0].children[1]
    assert [(n.marker.text, n.level) for n in two.children] == [("①", 4)]


def test_page_chrome_and_closing_are_recognised():
    doc = parse(seed_text("003"))
    kinds = [n.kind for n in doc.root.children]
    assert kinds[:3] == ["chrome", "title", "preamble"]
    assert kinds[-6:] == ["chrome"] * 6
    doc = parse(seed_text("000"))
    closing = find(doc, lambda n: n.kind == "closing")
    assert [(c.kind, c.text) for c in closing.children] == [
        ("signature", "南城街道办事处"),
        ("date", "20181219"),
    ]
    assert find(doc, lambda n: n.kind == "addressee").text == "市人民政府:"


def test_every_seed_tree_is_lossless(seed):
    text = seed_text(seed)
    doc = parse(text)
    assert "".join(text[n.start : n.head_end] for n in doc.root.walk()) == text


def level12(text: str) -> list[tuple[int, int | None, str]]:
    return [
        (n.level, n.marker.number, n.text)
        for n in parse(text).root.sections()
        if n.level in (1, 2)
    ]


def test_lost_line_breaks_give_the_same_level1_and_level2_headings(seed):
    text = seed_text(seed)
    original = level12(text)
    for joined in (text.replace("\n", ""), text.replace("\n", " ")):
        recovered = level12(joined)
        assert [h[:2] for h in recovered] == [h[:2] for h in original]
        # titles run on into the body when breaks are lost; they still start right
        for before, after in zip(original, recovered, strict=True):
            assert after[2].startswith(before[2])
