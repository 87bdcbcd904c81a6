"""PDF through PDFium: pages, columns, page chrome by position, damage, passwords."""

from __future__ import annotations

import io

import pytest
from readers_fixtures import pdf_a4

from checker.source.decode import InputError
from checker.source.load import load_source

BODY = "认真落实法治建设各项任务，依法全面履行政府职能，推进严格规范公正文明执法。"


def _canvas(draw, encrypt=None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), encrypt=encrypt)
    pdf.setFont("STSong-Light", 12)
    draw(pdf)
    pdf.save()
    return buffer.getvalue()


def test_every_line_knows_its_page() -> None:
    text = (
        "某镇2022年法治政府建设情况报告\n" + "一、主要举措和成效\n" + f"{BODY}\n" * 40
    )
    source = load_source(pdf_a4(text), "a.pdf")
    assert len(source.pages) == len(source.text.splitlines())
    assert source.pages[0] == 1 and source.pages[-1] > 1
    assert list(source.pages) == sorted(source.pages)


def test_two_columns_are_read_column_by_column() -> None:
    """Written row by row across both columns, read down the left, then the right."""

    def draw(pdf) -> None:
        pdf.drawCentredString(297, 780, "某镇2022年法治政府建设情况报告")
        for row in range(8):
            y = 740 - row * 20
            pdf.drawString(60, y, f"左栏第{row + 1}行")
            pdf.drawString(320, y, f"右栏第{row + 1}行")
        pdf.showPage()

    lines = load_source(_canvas(draw), "a.pdf").text.splitlines()
    assert lines == ["某镇2022年法治政府建设情况报告"] + [
        f"{side}栏第{n}行" for side in "左右" for n in range(1, 9)
    ]


def test_running_header_and_footer_are_dropped_by_position() -> None:
    def draw(pdf) -> None:
        for page in (1, 2):
            pdf.setFont("STSong-Light", 12)  # each page starts in Helvetica
            pdf.drawString(60, 810, "某县人民政府公报")  # running header
            for row in range(10):
                line = f"第{page}页正文第{row + 1}行。{BODY}"
                pdf.drawString(60, 740 - row * 20, line)
            pdf.drawRightString(535, 30, f"第 {page} 页 共 2 页 某县")  # footer
            pdf.showPage()

    text = load_source(_canvas(draw), "a.pdf").text
    assert "公报" not in text and "某县" not in text
    assert text.count("页正文第") == 20


def test_a_title_standing_apart_at_the_top_is_kept() -> None:
    """Apart from the text and in the margin, but on no other page: not a header."""

    def draw(pdf) -> None:
        pdf.drawCentredString(297, 800, "某镇2022年法治政府建设情况报告")
        for row in range(10):
            pdf.drawString(60, 700 - row * 20, f"第{row + 1}行。{BODY}")
        pdf.drawCentredString(297, 30, "— 1 —")
        pdf.showPage()

    lines = load_source(_canvas(draw), "a.pdf").text.splitlines()
    assert lines[0] == "某镇2022年法治政府建设情况报告"
    assert lines[-1].startswith("第10行。")


def test_a_lone_character_wrapped_onto_its_own_line_is_kept() -> None:
    def draw(pdf) -> None:
        for row in range(6):
            pdf.drawString(60, 740 - row * 20, "全面推进依法行政工作")
        pdf.drawString(60, 600, "。")  # no glyph box without an embedded font
        pdf.showPage()

    assert load_source(_canvas(draw), "a.pdf").text.endswith("。")


def test_empty_owner_password_is_read_user_password_is_refused() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    def draw(pdf) -> None:
        pdf.drawString(60, 740, "一、主要举措和成效")
        pdf.showPage()

    open_one = StandardEncryption("", ownerPassword="owner", canPrint=0)
    assert load_source(_canvas(draw, open_one), "a.pdf").text == "一、主要举措和成效"
    locked = StandardEncryption("secret", ownerPassword="owner")
    with pytest.raises(InputError) as info:
        load_source(_canvas(draw, locked), "a.pdf")
    assert info.value.reason == "PDF 已加密，需要先解除密码保护"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n" + b"\x00garbage" * 50,
        b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>",
    ],
)
def test_damaged_pdf_prints_nothing(capfd, data: bytes) -> None:
    with pytest.raises(InputError) as info:
        load_source(data, "bad.pdf")
    assert info.value.reason.startswith("PDF 文件已损坏或无法读取")
    assert capfd.readouterr() == ("", "")
