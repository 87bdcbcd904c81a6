"""PDFium without the machine's fonts: the same text everywhere, and fast.

When a PDF does not embed a font (reportlab's STSong-Light, many 公文 tools),
PDFium substitutes one of the system's. With a CJK font such as Noto Sans CJK
installed, it then loads glyph outlines from a 20 MB collection to measure
every character: a report's pages took 50 ms instead of 3. And the text
would depend on the machine: without a CJK font, one-character text objects
measure zero wide and PDFium leaves them out (see :mod:`.pdfglyph`, which
reads such pages again with pypdf). Text extraction needs no glyph shapes,
only character codes, CMaps and advance widths, so PDFium is given a system
font interface that knows no fonts: every machine reads every PDF the same
way, the way a machine without CJK fonts does.
"""

from __future__ import annotations

import ctypes

_installed: list[object] = []  # keeps the callbacks alive while PDFium holds them


def without_system_fonts() -> None:
    """Install, once per process, a font interface that maps no font."""
    if _installed:
        return
    import pypdfium2.raw as raw

    kinds = dict(raw.FPDF_SYSFONTINFO._fields_)
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    callbacks = {
        "Release": lambda this: None,
        "EnumFonts": lambda this, mapper: None,
        "MapFont": lambda this, weight, italic, charset, pitch, face, exact: None,
        "GetFont": lambda this, face: None,
        "GetFontData": lambda this, font, table, buffer, size: 0,
        "GetFaceName": lambda this, font, buffer, size: 0,
        "GetFontCharset": lambda this, font: 0,
        "DeleteFont": lambda this, font: None,
    }
    for name, function in callbacks.items():
        setattr(info, name, kinds[name](function))
    raw.FPDF_SetSystemFontInfo(ctypes.byref(info))
    _installed.append(info)
