"""Bytes of a submitted file to a :class:`~checker.source.Source`, by format.

The format is chosen by content, not by extension (see :mod:`.sniff`): Word
.docx (one paragraph per line, ``line_label`` 段), saved web pages, PDF with a
text layer, legacy .doc/.wps/RTF through an external converter, and plain text
or Markdown decoded by :func:`checker.source.decode`. Readers never print: they
return a Source or raise InputError with a one-line Chinese reason.
"""

from __future__ import annotations

import hashlib
import re

from checker.source.decode import MAX_BYTES, InputError, Source, decode
from checker.source.sniff import sniff


def load_source(data: bytes, name: str) -> Source:
    """Turn a file's bytes into report text; raise InputError with a Chinese reason."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"文件过大（{len(data)} 字节，上限 {MAX_BYTES} 字节）")
    if not data:
        raise InputError(name, "文件为空")
    digest = hashlib.sha256(data).hexdigest()
    fmt = sniff(data, name)
    label, pages, cells = "行", (), ()
    if fmt == "docx":
        from checker.source.docx import read_docx

        paragraphs = read_docx(data, name)
        text, encoding, label = "\n".join(p.text for p in paragraphs), "utf-8", "段"
        if any(p.cell for p in paragraphs):
            cells = tuple(p.cell for p in paragraphs)
    elif fmt == "zip":
        # A packet holds several reports: the batch expands it with
        # checker.source.packet.read_packet; one Source cannot stand for it.
        raise InputError(name, "是压缩包（含多份报告），需要展开后逐份检查")
    elif fmt == "html":
        from checker.source.html import read_html

        text, encoding = read_html(data, name)
    elif fmt == "pdf":
        from checker.source.pdf import read_pdf

        (text, paragraphs, pages), encoding = read_pdf(data, name), "utf-8"
        if paragraphs:  # wrapped lines were joined: a line is now a paragraph
            label = "段"
    elif fmt in ("ole2", "rtf"):
        from checker.source.legacy import read_legacy

        text, encoding, label = read_legacy(data, name, fmt), "utf-8", "段"
    else:
        text, encoding = decode(data, name)
    if not text.strip():
        raise InputError(name, "文件没有正文（只有空白）")
    text = sanitise(text)
    kind = _FORMAT_NAMES.get(fmt, fmt)
    return Source(name, text, encoding, kind, label, digest, pages, cells)


#: Code points no output encoding can write: lone surrogates (a PDF font that
#: maps a glyph to U+D800, a page "encoded" in unicode_escape).
_UNENCODABLE = re.compile("[\ud800-\udfff]")


def sanitise(text: str) -> str:
    """``text`` with every unencodable code point replaced by U+FFFD.

    One code point for one, so offsets, columns and line numbers stay as they
    were; output writers never meet a character they cannot encode.
    """
    return _UNENCODABLE.sub("\ufffd", text)


#: What users call the formats the sniffer names by their container.
_FORMAT_NAMES = {"ole2": "doc"}  # Word 97-2003 and WPS files
