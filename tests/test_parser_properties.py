"""Property tests: any text parses, and the tree loses nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parse.document import parse

MARKERS = [
    "一、",
    "二、",
    "十二、",
    "一.",
    "一，",
    "（一）",
    "(二)",
    "（三)",
    "()",
    "（）、",
    "1.",
    "2．",
    "3、",
    "4",
    "（1）",
    "(2)",
    "①",
    "一是",
    "二是",
    "三",
    "特此报告。",
    "市人民政府:",
    "2022年1月21日",
    "20181219",
    "发布日期: 2019-04-08",
    "。",
    "；",
]
ALPHABET = "法治政府建设报告加强推进。，、\n\r\t \u3000（）()0123456789一二三是年月日"
PIECES = st.one_of(
    st.sampled_from(MARKERS),
    st.text(alphabet=ALPHABET),
    st.sampled_from(["\n", "\r\n", "\r", "\u3000", "\t", " "]),
)


def assert_lossless(text: str) -> None:
    doc = parse(text)
    nodes = list(doc.root.walk())
    assert "".join(text[n.start : n.head_end] for n in nodes) == text
    for node in nodes:
        assert node.start <= node.head_end <= node.end <= len(text)
        assert 1 <= node.line <= node.end_line
        if node.kind == "section":
            # level 5: a ① inside a （1） item
            assert node.marker is not None and node.marker.level in (1, 2, 3, 4, 5)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises_and_is_lossless(text):
    assert_lossless(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_mixes_of_markers_and_text_are_lossless(pieces):
    assert_lossless("".join(pieces))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(MARKERS), max_size=30))
def test_markers_on_their_own_lines_stay_headings(markers):
    text = "\n".join(m + "标题" for m in markers)
    doc = parse(text)
    assert_lossless(text)
    # an unexpected heading (a second 二、, a （1） under 一、) is still a heading
    proper = {"一、", "二、", "十二、", "（一）", "(二)", "1.", "（1）", "(2)"}
    expected = sum(1 for m in markers if m in proper)
    found = sum(
        1 for n in doc.root.sections() if n.marker.text in proper and n.text == "标题"
    )
    assert found == expected
