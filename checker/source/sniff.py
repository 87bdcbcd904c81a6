"""Which reader a file needs, decided by its bytes rather than its extension.

Submissions lie about their type: a ``.doc`` that Word saved as ``.docx``, a
``.txt`` that is a saved web page, a ``.doc`` that is really RTF. Magic numbers
and the first kilobytes decide; the extension only separates .md from .txt.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

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


#: Parts every Word package has; a packet of reports has none of them.
_WORD_PARTS = ("[Content_Types].xml", "word/", "_rels/", "docProps/")
#: What a submission packet holds: reports in the formats the checker reads.
REPORT_SUFFIXES = (
    ".docx",
    ".doc",
    ".wps",
    ".pdf",
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".rtf",
)
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".wps", ".wpt")
_LOCAL_NAME = re.compile(rb"PK\x03\x04.{22}(..)(..)", re.S)


def sniff(data: bytes, name: str = "") -> str:
    """Return one of ``docx``, ``zip``, ``pdf``, ``ole2``, ``rtf``, ``html``,
    ``md``, ``txt``."""
    head = data[:4096]
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, name)
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


def _zip_kind(data: bytes, name: str) -> str:
    """``docx`` for a Word package (whole or broken), ``zip`` for a packet.

    The names inside decide: a Word package has ``[Content_Types].xml`` and
    ``word/``, a packet has reports. When the directory at the end is lost (a
    download cut short), the local headers at the start still name the first
    members. Only when the names say nothing does the extension decide.
    """
    names = _member_names(data)
    if any(n.startswith(_WORD_PARTS) for n in names):
        return "docx"
    lowered = name.lower()
    if any(n.lower().endswith(REPORT_SUFFIXES) for n in names):
        return "zip"
    return "docx" if lowered.endswith(_WORD_SUFFIXES) else "zip"


def _member_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        pass
    names = []
    for match in _LOCAL_NAME.finditer(data[:65536]):
        size = int.from_bytes(match.group(1), "little")
        start = match.end()
        names.append(data[start : start + size].decode("cp437"))
    return names
