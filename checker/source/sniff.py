"""Which reader a file needs, decided by its bytes rather than its extension.

Submissions lie about their type: a ``.doc`` that Word saved as ``.docx``, a
``.txt`` that is a saved web page, a ``.doc`` that is really RTF. Magic numbers
and the first kilobytes decide; the extension only separates .md from .txt.
"""

from __future__ import annotations

import codecs

#: OLE2 compound file: legacy Word .doc and WPS .wps.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

_HTML_HINTS = (
    b"<!doctype html",
    b"<html",
    b"<meta charset",
    b"<meta http-equiv",
    b"<head>",
    b"<body",
)


def sniff(data: bytes, name: str = "") -> str:
    """Return one of ``docx``, ``pdf``, ``ole2``, ``rtf``, ``html``, ``md``, ``txt``."""
    head = data[:4096]
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "docx"  # the docx reader says clearly when the zip is not Word
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    # Some PDF writers put junk before the header; readers accept it within 1 KB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if _looks_html(head):
        return "html"
    return "md" if name.lower().endswith((".md", ".markdown")) else "txt"


def _looks_html(head: bytes) -> bool:
    sample = head.lower()
    if (
        sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        or b"\x00<\x00" in sample
    ):
        sample = sample.decode("utf-16", errors="ignore").encode(
            "ascii", errors="ignore"
        )
    sample = sample.lstrip(codecs.BOM_UTF8).lstrip()
    return any(hint in sample for hint in _HTML_HINTS)
