"""PDF with a text layer to text, through PDFium (pypdfium2).

PDFium is the PDF engine of Chromium: it decodes the CID fonts Chinese PDFs
use (Adobe's predefined CMaps such as UniGB-UCS2-H included) and gives every
character its box, several times faster than the pure-Python pypdf it
replaced. The boxes give each line its page and position, so that
:mod:`.pdflayout` reads two-column pages column by column and drops running
headers, footers and page numbers standing in the margins, and :mod:`.reflow` joins
wrapped lines by their width against the text block and their indent.
PDFium is given no system fonts but one synthetic font (:mod:`.pdffonts`), so
a PDF reads the same on every machine.

A PDF without a text layer is a scan: the checker cannot read it, and says
that OCR is needed. PDFium reports damage on the C stream stderr; readers
never print, so file descriptor 2 points elsewhere while it works.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from checker.source.decode import InputError
from checker.source.pdffonts import with_box_font
from checker.source.pdflayout import Page, page_lines, segments, without_chrome
from checker.source.reflow import Line, reflow

_NO_TEXT = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"
_LOCKED = "PDF 已加密，需要先解除密码保护"
#: More pages than any annual report has; a bound against hostile files.
MAX_PAGES = 500
#: PDFium's FPDF_GetLastError code for a document that needs a password.
_ERR_PASSWORD = 4


def read_pdf(data: bytes, path: str) -> tuple[str, bool, tuple[int, ...]]:
    """Text of every page with wrapped lines joined into paragraphs, whether
    any were, and the page each output line starts on; raise InputError."""
    import pypdfium2 as pdfium

    with_box_font()
    with _quiet_stderr():
        try:
            pages = _pages(pdfium, data, path)
        except InputError:
            raise
        except Exception as exc:  # damaged files raise PdfiumError and others
            raise InputError(path, _damaged(exc)) from None
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(path, _NO_TEXT)
    return reflow(pages)


def _pages(pdfium, data: bytes, path: str) -> list[list[Line]]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _ERR_PASSWORD:
            raise InputError(path, _LOCKED) from None
        raise
    try:
        if len(document) > MAX_PAGES:
            raise InputError(
                path, f"PDF 页数过多（{len(document)} 页，上限 {MAX_PAGES} 页）"
            )
        pages = [_lines(document[n], n + 1) for n in range(len(document))]
        return without_chrome(pages)
    finally:
        document.close()


def _lines(page, number: int) -> Page:
    text = page.get_textpage()
    try:
        content = text.get_text_range()

        def box(i: int) -> tuple[float, float, float, float]:
            # Loose boxes are as tall as the font: thin glyphs (一、) included.
            return text.get_charbox(i, loose=True)

        return page_lines(segments(content, box), page.get_height(), number)
    finally:
        text.close()
        page.close()


def _damaged(exc: Exception) -> str:
    return f"PDF 文件已损坏或无法读取（{type(exc).__name__}）"


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what C code writes to fd 2 to /dev/null, not the terminal."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to protect
        yield
        return
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 2)
    os.close(sink)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
