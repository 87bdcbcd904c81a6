"""PDF with a text layer to text, page by page in reading order (pypdf).

pypdf is pure Python and decodes the CID fonts Chinese PDFs use (including
Adobe's predefined CMaps such as UniGB-UCS2-H). A PDF without a text layer is
a scan: the checker cannot read it, and says that OCR is needed.
"""

from __future__ import annotations

import io
import logging
import re

from checker.source.decode import InputError
from checker.source.reflow import Line, reflow

_NO_TEXT = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"
#: More pages than any annual report has; a bound against hostile files.
MAX_PAGES = 500
_TRAILING = re.compile(r"[ \t]+$", re.M)


def read_pdf(data: bytes, path: str) -> tuple[str, bool]:
    """Text of every page, wrapped lines joined into paragraphs (readers.reflow),
    and whether any were; raise InputError in Chinese."""
    import pypdf
    from pypdf.errors import PdfReadError

    # pypdf logs warnings about minor damage itself; readers never print.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise InputError(path, "PDF 已加密，需要先解除密码保护")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(
                path, f"PDF 页数过多（{len(reader.pages)} 页，上限 {MAX_PAGES} 页）"
            )
        pages = [_lines(page) for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, Exception) as exc:  # damaged files raise many types
        raise InputError(
            path, f"PDF 文件已损坏或无法读取（{type(exc).__name__}）"
        ) from None
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(path, _NO_TEXT)
    return reflow(pages)


def _lines(page) -> list[Line]:
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
        Line(_TRAILING.sub("", raw), starts.get(n))
        for n, raw in enumerate(text.split("\n"))
    ]


def _unlock(reader) -> bool:
    """Official PDFs are often "encrypted" with an empty password (print flags only)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # missing crypto backend or a real password
        return False
