"""Reading text: encodings, line breaks, indentation and unreadable input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import seed_path, seed_text

from checker.cli import main
from checker.parse.document import parse
from checker.source.decode import InputError, decode
from checker.source.load import load_source


def shape(text: str) -> list[tuple]:
    doc = parse(text)
    return [
        (n.kind, n.line, n.end_line, n.marker.text if n.marker else None, n.text)
        for n in doc.root.walk()
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "utf-16-le"])
def test_reencoded_seed_gives_the_same_tree(seed, encoding):
    text = seed_text(seed)
    if encoding == "gb18030":
        # GB18030 cannot hold U+FFFD, which one scraped seed contains
        data = text.encode(encoding, errors="replace")
    else:
        data = text.encode(encoding)
    decoded, _ = decode(data, "x.txt")
    assert decoded.replace("?", "\ufffd") == text or decoded == text
    assert shape(decoded) == shape(decoded if encoding == "gb18030" else text)
    assert [s[:4] for s in shape(decoded)] == [s[:4] for s in shape(text)]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_numbers_are_those_of_the_original_file(newline):
    text = seed_text("000")
    converted = text.replace("\n", newline)
    assert [s[1:4] for s in shape(converted)] == [s[1:4] for s in shape(text)]


def test_indentation_with_tabs_ideographic_and_no_break_spaces():
    text = "一、总体情况\n\t（一）第一项\n\u3000\u30001.细项\n\u00a0（二）第二项\n"
    doc = parse(text)
    found = [(n.level, n.marker.number, n.line) for n in doc.root.sections()]
    assert found == [(1, 1, 1), (2, 1, 2), (3, 1, 3), (2, 2, 4)]


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "文件为空"),
        (b"   \n\r\n", "没有正文"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        (b"abc\x80\xff\x80\xffdef", "无法识别文件编码"),
    ],
)
def test_unreadable_input_is_one_chinese_line_and_exit_2(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    result = CliRunner().invoke(main, ["outline", path])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and path in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output


def test_missing_file_is_reported_not_raised(tmp_path):
    result = CliRunner().invoke(main, ["outline", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "文件不存在" in result.stderr


def test_decode_raises_input_error_with_path():
    with pytest.raises(InputError) as info:
        decode(b"", "a/b.txt")
    assert info.value.path == "a/b.txt"
    assert str(info.value) == "a/b.txt: 文件为空"


def test_load_source_keeps_digest_and_encoding():
    data = seed_path("002").read_bytes()
    source = load_source(data.decode("utf-8").encode("gb18030"), "x.txt")
    assert source.encoding == "gb18030"
    assert len(source.sha256) == 64


def test_outline_text_and_json_for_a_seed():
    runner = CliRunner()
    text = runner.invoke(main, ["outline", str(seed_path("002"))])
    assert text.exit_code == 0
    assert "一、主要举措和成效" in text.stdout
    assert "（一级标题）" not in text.stdout and "〔一级标题〕" in text.stdout
    result = runner.invoke(main, ["outline", "--format", "json", str(seed_path("000"))])
    payload = json.loads(result.stdout)
    assert payload["meta"]["published"] == "2019-04-08"
    assert payload["meta"]["date"] == "2018-12-19"
    top = [c for c in payload["tree"]["children"] if c["kind"] == "section"]
    assert [c["marker"] for c in top] == ["一、", "二、"]
    first = top[0]
    assert set(first) >= {
        "kind",
        "level",
        "marker",
        "number",
        "title",
        "line",
        "end_line",
        "defects",
        "children",
    }
    item2 = first["children"][0]["children"][1]
    assert (item2["level"], item2["number"], item2["line"]) == (3, 2, 18)
    assert item2["defects"] == ["missing-punctuation"]


def test_outline_reads_stdin():
    result = CliRunner().invoke(main, ["outline", "-"], input="一、标题\n正文。\n")
    assert result.exit_code == 0
    assert "一、标题" in result.stdout
