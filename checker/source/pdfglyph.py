"""Pages PDFium cannot read whole, read again with pypdf.

PDFium measures a text object by its glyphs' outlines. When a PDF uses a
CJK font it does not embed (reportlab's STSong-Light, many 公文 tools), no
font stands in (:mod:`.pdffonts` gives PDFium none), so a text object of one
character (the "。" that wrapped onto a line of its own) measures zero wide,
and PDFium's text page leaves it out without a word. Such a page is read
with pypdf, which maps character codes through the CMap without drawing
anything; its lines
carry the x of their first character but no right edge, so the reflow
measures that document by its text.
"""

from __future__ import annotations

import io
import logging
import re

from checker.source.reflow import Line

_TRAILING = re.compile(r"[ \t]+$", re.M)
_TEXT_OBJECT = 1  # FPDF_PAGEOBJ_TEXT


def has_unmeasured_text(page) -> bool:
    """Whether a text object on the page has no width, so PDFium dropped it."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) != _TEXT_OBJECT:
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        if right.value - left.value < 0.01:
            return True
    return False


class Fallback:
    """pypdf opened once per document, only if a page needs it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._reader = None

    def lines(self, index: int, number: int) -> list[Line]:
        if self._reader is None:
            import pypdf

            # pypdf logs damage itself; readers never print, whatever the
            # application's logging configuration.
            log = logging.getLogger("pypdf")
            log.addHandler(logging.NullHandler())
            log.propagate = False
            self._reader = pypdf.PdfReader(io.BytesIO(self._data), strict=False)
            if self._reader.is_encrypted:
                self._reader.decrypt("")
        return _lines(self._reader.pages[index], number)


def _lines(page, number: int) -> list[Line]:
    """The page's text lines, each with the x where its first character sits.

    pypdf hands every piece of text to the visitor in the order it writes it
    out, so counting line breaks in the pieces tells which line a piece opens.
    """
    starts: dict[int, float] = {}
    breaks = [0]  # line breaks written so far

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        first = text.split("\n", 1)[0]
        if first.strip() and breaks[0] not in starts:
            starts[breaks[0]] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        breaks[0] += text.count("\n")

    text = page.extract_text(visitor_text=visit) or ""
    return [
        Line(_TRAILING.sub("", raw), starts.get(n), None, number)
        for n, raw in enumerate(text.split("\n"))
    ]
