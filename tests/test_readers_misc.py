"""Sniffing, web pages, PDF edge cases and the legacy .doc converter branches."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import zipfile

import pytest
from conftest import seed_text
from readers_fixtures import docx_auto, docx_typed, pdf_a4, wrap

from checker.parse.document import parse
from checker.source import legacy, load_source
from checker.source.archive import BombError, Budget
from checker.source.decode import InputError
from checker.source.html import declared_charset
from checker.source.sniff import OLE2_MAGIC, sniff


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (b"PK\x03\x04rest", "a.doc", "docx"),
        (OLE2_MAGIC + b"\0" * 100, "a.docx", "ole2"),
        (b"%PDF-1.7\n", "a.txt", "pdf"),
        (b"{\\rtf1\\ansi", "a.doc", "rtf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "a.txt", "html"),
        ("<HTML><body>一、".encode("utf-16"), "a.txt", "html"),
        (b"<meta charset=gbk><p>x</p>", "a.htm", "html"),
        ("# 标题\n一、总体".encode(), "a.md", "md"),
        ("一、总体情况".encode("gb18030"), "a.html", "txt"),
    ],
)
def test_sniff_by_content(data: bytes, name: str, fmt: str) -> None:
    assert sniff(data, name) == fmt


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="GB2312">') == "gb18030"
    assert (
        declared_charset(b"<meta http-equiv=x content='text/html; charset=utf-8'>")
        == "utf-8"
    )
    assert declared_charset(b"<meta charset=klingon>") is None


def test_html_text() -> None:
    page = (
        "<html><head><meta charset='utf-8'><script>一、不是正文</script></head><body>"
        "<div>首页 &gt; 政务公开</div><p>一、总体情况<br/>（一）依法&amp;履职</p>"
        "<ul><li>1.第一项</li><li>2.第二项</li></ul><pre>甲\n乙</pre></body></html>"
    )
    source = load_source(page.encode(), "a.html")
    assert source.text.splitlines() == [
        "首页 > 政务公开",
        "一、总体情况",
        "（一）依法&履职",
        "1.第一项",
        "2.第二项",
        "甲",
        "乙",
    ]


def test_html_lying_charset_falls_back() -> None:
    page = "<html><meta charset='gbk'><p>一、总体情况 — ☃</p></html>".encode()
    source = load_source(page, "a.html")
    assert source.text == "一、总体情况 — ☃" and source.encoding == "utf-8"


def test_pdf_pages_in_order() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(200, 100))
    for text in ("一、第一页", "二、第二页"):
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(20, 50, text)
        pdf.showPage()
    pdf.save()
    source = load_source(buffer.getvalue(), "a.pdf")
    assert source.text.splitlines() == ["一、第一页", "二、第二页"]
    assert source.pages == (1, 2)


@pytest.mark.parametrize("indent", [True, False])
def test_a_keyword_split_by_the_pdf_margin_is_found(indent: bool) -> None:
    from checker.engine.check import check_document

    room = 28 - (2 if indent else 0)  # characters on the paragraph's first line
    prefix = ("认真落实法治建设各项任务，" * 3)[: room - 2]
    body = prefix + "第一责任人职责由街道党工委书记切实履行，亲自部署重要工作。" * 6
    assert wrap(body, room * 2)[0].endswith("第一")  # printed 第一 | 责任人
    text = "某镇2022年法治政府建设情况报告\n一、主要举措和成效\n" + body + "\n"
    source = load_source(pdf_a4(text, indent=indent), "a.pdf")
    assert "第一\n" not in source.text and source.line_label == "段"
    items = {i.id: i.status for i in check_document(source).checklist}
    assert items["first-responsible"] == "partial"


def test_pdf_page_numbers_are_not_report_text() -> None:
    text = "某镇2022年法治政府建设情况报告\n" + "认真落实各项工作。\n" * 60
    source = load_source(pdf_a4(text), "a.pdf")
    assert "—" not in source.text
    assert source.text.count("认真落实各项工作。") == 60


def test_damaged_pdf() -> None:
    with pytest.raises(InputError) as info:
        load_source(b"%PDF-1.4\n" + b"\x00garbage" * 50, "bad.pdf")
    assert "PDF" in info.value.reason and "\n" not in info.value.reason


def test_capped_read_does_not_trust_the_directory() -> None:
    archive = zipfile.ZipFile(io.BytesIO(docx_typed("正文")))
    budget = Budget(100)  # inflating, not the directory's sizes, uses it up
    with pytest.raises(BombError, match="zip 炸弹"):
        for name in archive.namelist():
            budget.read(archive, name)


def _which(found: dict[str, str]):
    return lambda name: found.get(name)


@pytest.mark.parametrize("fmt", ["ole2", "rtf"])
def test_legacy_without_converter(monkeypatch, fmt: str) -> None:
    monkeypatch.setattr(legacy.shutil, "which", _which({}))
    with pytest.raises(InputError) as info:
        legacy.read_legacy(b"x", "旧.doc", fmt)
    assert "LibreOffice（soffice）" in info.value.reason


def test_ole2_without_converter_through_load_source(monkeypatch) -> None:
    monkeypatch.setattr(legacy.shutil, "which", _which({}))
    with pytest.raises(InputError) as info:
        load_source(OLE2_MAGIC + b"\0" * 512, "旧.wps")
    assert (
        info.value.reason
        == "需要安装 LibreOffice（soffice）或 antiword 才能读取 .doc/.wps 文件"
    )


def _script(tmp_path, body: str):
    path = tmp_path / "fake-antiword"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the converter")
def test_legacy_with_antiword(monkeypatch, tmp_path) -> None:
    fake = _script(
        tmp_path, "printf '\\n一、总体情况\\r\\n\\r\\n正文\\f\\n二、问题\\n'"
    )
    monkeypatch.setattr(legacy.shutil, "which", _which({"antiword": fake}))
    source = load_source(OLE2_MAGIC + b"\0" * 512, "旧.doc")
    assert (source.format, source.line_label) == ("doc", "段")
    assert source.text.splitlines() == ["一、总体情况", "正文", "二、问题"]


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the converter")
def test_legacy_converter_failure_and_timeout(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(
        legacy.shutil, "which", _which({"antiword": _script(tmp_path, "exit 3")})
    )
    with pytest.raises(InputError, match="退出码 3"):
        legacy.read_legacy(b"x", "旧.doc")
    monkeypatch.setattr(legacy, "TIMEOUT", 0.2)
    monkeypatch.setattr(
        legacy.shutil,
        "which",
        _which({"antiword": _script(tmp_path, "sleep 5; echo late")}),
    )
    with pytest.raises(InputError, match="转换超时"):
        legacy.read_legacy(b"x", "旧.doc")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def real_doc(tmp_path_factory) -> dict[str, bytes]:
    """Seed 003 as Word 97 .doc files, typed and Word-numbered, made by
    LibreOffice from the .docx fixtures (no binary is committed)."""
    # .ci/run installs LibreOffice and antiword: a machine without them fails
    # here instead of passing without having read a real .doc.
    assert SOFFICE, "LibreOffice 未安装（apt install libreoffice-writer-nogui）"
    folder = tmp_path_factory.mktemp("doc")
    auto, _ = docx_auto(seed_text("003"))
    (folder / "typed.docx").write_bytes(docx_typed(seed_text("003")))
    (folder / "auto.docx").write_bytes(auto)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    command = [SOFFICE, profile, "--headless", "--convert-to", "doc"]
    subprocess.run(
        [*command, "--outdir", str(folder), *map(str, folder.glob("*.docx"))],
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, HOME=str(folder)),
    )
    return {name: (folder / f"{name}.doc").read_bytes() for name in ("typed", "auto")}


def _sections(text: str) -> list[tuple]:
    return [(n.level, n.marker.number, n.text) for n in parse(text).root.sections()]


@pytest.mark.parametrize("name", ["typed", "auto"])
def test_real_doc_through_libreoffice(real_doc, name: str) -> None:
    source = load_source(real_doc[name], f"{name}.doc")
    assert (source.format, source.line_label) == ("doc", "段")
    assert _sections(source.text) == _sections(seed_text("003"))


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword 未安装")
def test_real_doc_through_antiword(real_doc, monkeypatch) -> None:
    """antiword reads typed numbering; Word's list numbers it does not print."""
    monkeypatch.setattr(legacy.shutil, "which", _which({"antiword": "antiword"}))
    source = load_source(real_doc["typed"], "typed.doc")
    assert _sections(source.text) == _sections(seed_text("003"))
    assert "" not in source.text.splitlines()  # its blank separator lines dropped
