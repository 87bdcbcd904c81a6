"""Saved web pages to text: block elements as lines, scripts and styles dropped.

Reports are scraped from government websites, so the page's own charset
declaration decides the encoding (GBK pages are common). Page chrome such as
字体大小 / 打印页面 / 发布日期 stays in the text as lines: the layout stage
recognises it there exactly as in a text file, and 发布日期 is evidence for the
publication deadline.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from checker.source.charset import plausible
from checker.source.decode import InputError, decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
#: Elements whose start or end begins a new line of text.
BLOCKS = frozenset(
    "address article aside blockquote body br caption dd div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table "
    "tbody td tfoot th thead title tr ul".split()
)
#: Elements whose content is not text of the page. <title> repeats the heading
#: with site debris ("…_东莞市人民政府"), so the body's own title is used.
HIDDEN = frozenset("script style noscript template title svg iframe object".split())
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.flush()
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.pre -= tag == "pre" and self.pre > 0
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.pre:
            # Preformatted text keeps its own line breaks.
            *done, last = data.split("\n")
            for piece in done:
                self.current.append(piece)
                self.flush()
            self.current.append(last)
        else:
            self.current.append(_SPACES.sub(" ", data))

    def flush(self) -> None:
        # &nbsp; and 　 indent paragraphs on many sites; str.strip drops both.
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (<meta charset>, http-equiv), if Python knows it."""
    found = _CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    if name.startswith(("utf-16", "utf-32", "ucs-2", "unicode")):
        # The declaration was read as ASCII, so the page is not UTF-16: the
        # HTML standard's prescan takes such a page for UTF-8 (WHATWG §13.2.3.2).
        return "utf-8"
    if name in ("gb2312", "gbk", "x-gbk", "gb18030"):
        return "gb18030"  # superset: pages declared gb2312 routinely contain GBK
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Only a real text encoding: hex, base64, rot13 are codecs too, and
    # unicode_escape, undefined or idna turn a page into garbage or an error.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


#: Codecs Python counts as text encodings that no web page is written in.
_NOT_CHARSETS = frozenset(
    "unicode-escape raw-unicode-escape undefined idna punycode utf-7".split()
)


def read_html(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of a web page; raise InputError in Chinese."""
    text, encoding = _decode(data, path)
    parser = _Text()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise InputError(path, f"网页无法解析（{type(exc).__name__}）") from None
    parser.flush()
    return "\n".join(parser.lines), encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    charset = declared_charset(data)
    has_bom = data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )
    if charset and not has_bom:  # a BOM outranks the declaration, as in browsers
        try:
            text = data.decode(charset)
        except (UnicodeError, ValueError):
            text = ""  # pages often lie about their charset; try the usual encodings
        if text and plausible(text):
            return text, charset
    return decode(data, path)
