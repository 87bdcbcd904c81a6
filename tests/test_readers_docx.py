"""Word .docx reader: paragraphs, tables, Word list numbering, limits, safety."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from readers_fixtures import (
    add_list,
    docx_typed,
    number_paragraph,
    to_bytes,
    zip_members,
)

from checker.source.decode import InputError
from checker.source.docx import read_docx
from checker.source.load import load_source
from checker.source.wordnum import chinese_counting, format_number


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (105, "一百零五"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


def test_number_formats() -> None:
    assert format_number(3, "decimalFullWidth") == "３"
    assert format_number(10, "chineseCounting") == "一〇"
    assert format_number(10, "chineseCountingThousand") == "十"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "chineseLegalSimplified") == "贰"


def test_tables_and_order() -> None:
    document = docx.Document()
    document.add_paragraph("开头")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "（一）表格中的标题"
    table.cell(0, 1).text = "表格正文"
    document.add_paragraph("结尾\n软换行")
    source = load_source(to_bytes(document), "a.docx")
    assert source.format == "docx" and source.line_label == "段"
    assert source.text.splitlines() == [
        "开头",
        "（一）表格中的标题",
        "表格正文",
        "结尾 软换行",
    ]


def _numbered(
    levels: list[int], overrides: str = "", restart_at: int | None = None
) -> list[str]:
    document = docx.Document()
    first = add_list(document)
    second = add_list(document, num_id=91, overrides=overrides)
    for i, ilvl in enumerate(levels):
        paragraph = document.add_paragraph(f"标题{i}")
        number_paragraph(
            paragraph,
            second if restart_at is not None and i >= restart_at else first,
            ilvl,
        )
    return [p.text for p in read_docx(to_bytes(document), "n.docx")]


def test_word_numbering_continues_and_restarts() -> None:
    texts = _numbered([0, 1, 1, 2, 0, 1])
    assert [t.replace("标题", "|").split("|")[0] for t in texts] == [
        "一、",
        "（一）",
        "（二）",
        "1.",
        "二、",
        "（一）",
    ]


def test_start_override_restarts_a_list() -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    texts = _numbered([0, 0, 0], overrides=override, restart_at=2)
    assert [t[:2] for t in texts] == ["一、", "二、", "五、"]


def test_numbering_through_style_and_heading_hint() -> None:
    document = docx.Document()
    num_id = add_list(document)
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(
        docx.oxml.parse_xml(
            f"<w:numPr {docx.oxml.ns.nsdecls('w')}>"
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    document.add_heading("总体情况", 1)
    document.add_heading("存在的不足", 1)
    document.add_heading("未编号的二级标题", 2)
    paragraphs = read_docx(to_bytes(document), "s.docx")
    assert [p.text for p in paragraphs] == [
        "一、总体情况",
        "二、存在的不足",
        "未编号的二级标题",
    ]
    assert [p.heading_level for p in paragraphs] == [1, 1, 2]
    assert [p.numbered for p in paragraphs] == [True, True, False]


def test_docx_named_doc_is_read_as_docx() -> None:
    source = load_source(docx_typed("一、总体情况\n正文"), "旧报告.doc")
    assert source.format == "docx"
    assert source.text == "一、总体情况\n正文"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00" * 200,  # truncated
        b"",  # filled below
    ],
)
def test_corrupt_docx(data: bytes) -> None:
    data = data or zip_members({"content.xml": b"<x/>"})
    with pytest.raises(InputError) as info:
        load_source(data, "坏.docx")
    assert info.value.reason.startswith("Word 文件已损坏或不是有效的 .docx（")
    assert "\n" not in info.value.reason


def test_zip_bomb() -> None:
    bomb = zip_members(
        {"word/document.xml": b"<w/>", "word/media/big.bin": b"\0" * (4 << 20)}
    )
    with pytest.raises(InputError) as info:
        load_source(bomb, "bomb.docx")
    assert info.value.reason == "压缩包解压后过大（疑似 zip 炸弹）"


def test_xxe_is_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    good = zipfile.ZipFile(io.BytesIO(docx_typed("正文")))
    members = {name: good.read(name) for name in good.namelist()}
    members["word/document.xml"] = (
        members["word/document.xml"]
        .replace(
            b"?>", f'?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(), 1
        )
        .replace("正文".encode(), b"&x;")
    )
    with pytest.raises(InputError) as info:
        load_source(zip_members(members), "xxe.docx")
    assert "TOPSECRET" not in str(info.value)
    # Defence in depth: python-docx's own parser would not resolve it either.
    from docx.oxml.parser import parse_xml

    crafted = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><d>&x;</d>'
    assert "TOPSECRET" not in (parse_xml(crafted.encode()).text or "")


def test_a_tenth_word_numbered_subsection_is_a_heading_with_a_finding() -> None:
    """Word's chineseCounting prints 10 as 一〇: still the tenth subsection."""
    from checker.engine.check import check_document

    document = docx.Document()
    num_id = add_list(document)
    number_paragraph(document.add_paragraph("主要举措和成效"), num_id, 0)
    for n in range(1, 12):
        number_paragraph(document.add_paragraph(f"第{n}项举措"), num_id, 1)
    source = load_source(to_bytes(document), "ten.docx")
    assert "（一〇）第10项举措" in source.text.splitlines()
    report = check_document(source, rules="gbt9704")
    numbering = [(f.rule, f.line) for f in report.findings if "numbering" in f.rule]
    assert numbering == [
        ("numbering/digit-numeral", 11),
        ("numbering/digit-numeral", 12),
    ]
