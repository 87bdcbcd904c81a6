"""Hostile inputs built in code for the reliability tests (issue 17).

File names a Chinese Windows share writes (GBK bytes), a PDF whose font maps a
glyph to a lone surrogate, web pages declaring codecs that are not charsets,
folders nested past the system's path limit.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import seed_path

#: 报告.txt as GBK bytes: not UTF-8, so Python sees surrogate escapes.
GBK_NAME = "报告".encode("gbk") + b".txt"
GBK_SHOWN = r"\xb1\xa8\xb8\xe6.txt"


def seed_bytes(prefix: str = "002") -> bytes:
    return seed_path(prefix).read_bytes()


def gbk_named_folder(root: Path) -> Path:
    """A folder with a seed under a GBK name and one under a UTF-8 name."""
    folder = root / "收件"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + GBK_NAME, "wb") as handle:
        handle.write(seed_bytes("002"))
    (folder / "正常.txt").write_bytes(seed_bytes("003"))
    return folder


def pdf_mapping_to(code_point_hex: str) -> bytes:
    """A one-page PDF whose font's ToUnicode maps glyph B to ``code_point_hex``."""
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /X def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"2 beginbfchar <41> <4E00> <42> <{code_point_hex}> endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()
    content = b"BT /F1 12 Tf 72 720 Td (ABAB) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(content),
        _stream(cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def page_declaring(charset: str, body: str = "一、总体情况\\ud800") -> bytes:
    return (
        f'<html><head><meta charset="{charset}"></head>'
        f"<body><p>{body}</p><p>二、存在的不足</p></body></html>"
    ).encode("ascii", "xmlcharrefreplace")


def too_deep(root: Path) -> Path:
    """Folders nested until their path is longer than PATH_MAX (4096 on Linux).

    Built with paths relative to an open folder, as only they can reach there.
    """
    top = root / "深"
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 250 bytes > 4096
            os.mkdir("d" * 250, dir_fd=fd)
            deeper = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        report = os.open("报告.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(report, seed_bytes())
        os.close(report)
    finally:
        os.close(fd)
    return top
