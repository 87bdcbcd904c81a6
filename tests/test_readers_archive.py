"""Damaged and hostile Word packages (issue 17) read by the direct XML reader."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from readers_fixtures import (
    W_NS,
    add_list,
    docx_typed,
    number_paragraph,
    to_bytes,
    zip_members,
)

from checker.source.decode import InputError
from checker.source.load import load_source
from checker.source.wordnum import MAX_NUMERAL, format_number


def _damage(data: bytes, member: str) -> bytes:
    """Overwrite the middle of one member's deflated bytes, as a bad disk does."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    header = info.header_offset
    name_len = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_len = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_len + extra_len
    middle = start + info.compress_size // 3
    return data[:middle] + b"\xff" * 64 + data[middle + 64 :]


def test_corrupt_compressed_data_is_one_reader_error() -> None:
    data = _damage(
        docx_typed("一、总体情况\n" + "正文内容。" * 400), "word/document.xml"
    )
    with pytest.raises(InputError) as info:
        load_source(data, "坏.docx")
    assert info.value.reason.startswith("Word 文件已损坏或不是有效的 .docx（")
    assert "\n" not in info.value.reason


def _lettered(start: str) -> bytes:
    document = docx.Document()
    abstract = f"""
<w:abstractNum {W_NS} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""
    num_id = add_list(document, abstract, num_id=91, abstract_id=91)
    for text in ("第一项", "第二项"):
        number_paragraph(document.add_paragraph(text), num_id, 0)
    return to_bytes(document)


def test_an_absurd_list_start_is_a_reader_error() -> None:
    with pytest.raises(InputError) as info:
        load_source(_lettered("5000000000"), "大编号.docx")
    assert info.value.reason == (
        "Word 自动编号的起始值不合理（5000000000），文件可能已损坏"
    )


def test_rendered_markers_are_bounded() -> None:
    assert load_source(_lettered("27"), "a.docx").text == "aa.第一项\nbb.第二项"
    assert len(format_number(10**9, "lowerLetter")) == MAX_NUMERAL
    assert format_number(10**6, "upperRoman") == "1000000"


def test_a_docx_without_document_xml_names_the_missing_part() -> None:
    data = zip_members({"content.xml": b"<x/>"})
    with pytest.raises(InputError) as info:
        load_source(data, "坏.docx")
    assert "word/document.xml" in info.value.reason


def _with_body(body: str) -> bytes:
    """A python-docx package whose document body is ``body`` (WordprocessingML)."""
    good = zipfile.ZipFile(io.BytesIO(docx_typed("占位")))
    members = {name: good.read(name) for name in good.namelist()}
    members["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    ).encode()
    return zip_members(members)


def test_runs_are_read_as_word_displays_them() -> None:
    """Text boxes belong to no body line, deleted text is gone, tab stops in
    the paragraph properties are not tabs, content controls are read."""
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
        "<w:r><w:t>一、总体</w:t></w:r><w:r><w:t>情况</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>正文</w:t><w:tab/><w:t>甲</w:t><w:noBreakHyphen/>"
        '<w:t>乙</w:t><w:br w:type="page"/><w:t>丙</w:t></w:r>'
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>"
        "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>（一）控件中的标题</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    source = load_source(_with_body(body), "a.docx")
    assert source.text.splitlines() == [
        "一、总体情况",
        "正文\t甲-乙丙",  # a tab stays a tab, as python-docx read it
        "（一）控件中的标题",
    ]
