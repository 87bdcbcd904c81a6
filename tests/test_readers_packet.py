"""A .zip submission packet: sniffed apart from .docx, expanded with limits."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import seed_text
from readers_fixtures import corrupt_docx, docx_typed, pdf_of, zip_members

from checker.source.decode import InputError
from checker.source.load import load_source
from checker.source.packet import Member, packet_members, read_packet
from checker.source.sniff import sniff


@pytest.fixture(scope="module")
def packet() -> bytes:
    text = seed_text("002")
    return zip_members(
        {
            "县直部门/司法局.docx": docx_typed(text),
            "县直部门/": b"",
            "乡镇/某镇.pdf": pdf_of(text),
            "乡镇/某街道.txt": text.encode("gb18030"),
            "__MACOSX/乡镇/._某镇.pdf": b"\0\5\26\7",
            "乡镇/.DS_Store": b"\0",
        }
    )


def test_members_are_listed_and_read_as_reports(packet: bytes) -> None:
    assert packet_members(packet, "收件.zip") == [
        "县直部门/司法局.docx",
        "乡镇/某镇.pdf",
        "乡镇/某街道.txt",
    ]
    members = list(read_packet(packet, "收件.zip"))
    assert [m.name for m in members] == [
        "收件.zip!/县直部门/司法局.docx",
        "收件.zip!/乡镇/某镇.pdf",
        "收件.zip!/乡镇/某街道.txt",
    ]
    sources = [load_source(m.data, m.name) for m in members]
    assert [s.format for s in sources] == ["docx", "pdf", "txt"]
    assert all("法治政府" in s.text for s in sources)


def test_wanted_selects_members(packet: bytes) -> None:
    names = [m.name for m in read_packet(packet, "p.zip", lambda n: n.endswith(".txt"))]
    assert names == ["p.zip!/乡镇/某街道.txt"]


class _GbkName(zipfile.ZipInfo):
    """A member named as Chinese Windows archivers name it: GBK, no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own name
        return self.filename.encode("gbk"), self.flag_bits


def test_gbk_member_names_from_chinese_windows() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_GbkName("乡镇/报告.txt"), "一、总体情况".encode())
    assert packet_members(buffer.getvalue(), "p.zip") == ["乡镇/报告.txt"]


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (docx_typed("正文"), "报告.zip", "docx"),  # a .docx renamed: still Word
        (corrupt_docx(), "报告.docx", "docx"),  # cut short: no directory left
        (corrupt_docx(), "报告.zip", "docx"),  # its first member is Word's
        (zip_members({"a.docx": docx_typed("正文")}), "a.docx", "zip"),
        (zip_members({"content.xml": b"<x/>"}), "坏.docx", "docx"),
        (zip_members({"content.xml": b"<x/>"}), "杂项.zip", "zip"),
    ],
)
def test_sniff_tells_packets_from_word(data: bytes, name: str, fmt: str) -> None:
    assert sniff(data, name) == fmt


def test_a_packet_is_not_a_broken_word_file(packet: bytes) -> None:
    with pytest.raises(InputError) as info:
        load_source(packet, "收件.zip")
    assert info.value.reason == "是压缩包（含多份报告），需要展开后逐份检查"


def test_zip_bomb_packet_is_refused() -> None:
    bomb = zip_members({"a.txt": "一、总体情况".encode(), "b.txt": bytes(8 << 20)})
    with pytest.raises(InputError) as info:
        list(read_packet(bomb, "bomb.zip"))
    assert info.value.reason == "压缩包解压后过大（疑似 zip 炸弹）"


def test_a_damaged_member_does_not_hide_the_others() -> None:
    good = "一、总体情况".encode() * 200
    data = bytearray(zip_members({"a.txt": good, "b.txt": good}))
    start = data.index(b"a.txt") + len("a.txt")
    data[start + 10 : start + 30] = b"\xff" * 20  # a's deflated bytes
    members = list(read_packet(bytes(data), "p.zip"))
    assert members[0].data is None and members[0].error is not None
    assert members[0].error.reason.startswith("压缩包内的文件已损坏（")
    assert members[1] == Member("p.zip!/b.txt", data=good)


def test_a_truncated_packet_is_one_error() -> None:
    data = zip_members({"a.txt": b"x" * 1000, "b.pdf": b"%PDF"})
    with pytest.raises(InputError) as info:
        list(read_packet(data[: len(data) // 2], "p.zip"))
    assert info.value.reason.startswith("压缩包已损坏（")
