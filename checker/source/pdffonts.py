"""PDFium with one font of our own: the same text on every machine, and fast.

When a PDF does not embed a font (reportlab's STSong-Light, many 公文 tools),
PDFium asks the system for a substitute and measures every character by the
substitute's glyph. That is slow and unreliable: with Noto CJK installed it
loads outlines from a 20 MB collection (a report took 50 ms instead of 3);
with no CJK font, a one-character text object (a "。" wrapped onto a line of
its own) measures zero wide and PDFium's text page drops it without a word.

Text extraction needs no glyph shapes, only character codes, CMaps and
advance widths (which the PDF itself gives). So PDFium's system font
interface is replaced by one that offers a single synthetic TrueType font,
built here in a few hundred bytes: every character maps (cmap format 13) to
one glyph, a box the size of a CJK character. Nothing is measured as zero
wide, nothing depends on the fonts installed, and loading it costs nothing.
Embedded fonts are used as before.
"""

from __future__ import annotations

import ctypes
import struct

_installed: list[object] = []  # keeps the callbacks alive while PDFium holds them
_GB2312_CHARSET = 134

# The box spans (50, -120)-(950, 880) in a 1000-unit em, as a CJK glyph does.
# fmt: off
_HEAD = (
    0x00010000, 0x00010000, 0, 0x5F0F3CF5,  # version, revision, checksum, magic
    0x000B, 1000, 0, 0,  # flags, units per em, created, modified
    50, -120, 950, 880,  # bounding box of all glyphs
    0, 8, 2, 0, 0,  # style, smallest size, direction, short loca, glyf format
)
_HHEA = (
    0x00010000, 880, -120, 0,  # version, ascender, descender, line gap
    1000, 50, 50, 950,  # widest advance, least left and right side, extent
    1, 0, 0,  # caret slope rise and run, caret offset
    0, 0, 0, 0, 0, 2,  # reserved, metric data format, advance widths given
)
# fmt: on


def _glyph() -> bytes:
    """A closed box from (50, -120) to (950, 880), four on-curve points."""
    header = struct.pack(">hhhhh", 1, 50, -120, 950, 880)
    xs, ys = (50, 0, 900, 0), (-120, 1000, 0, -1000)  # coordinate deltas
    body = struct.pack(">HH4B4h4h", 3, 0, *([1] * 4), *xs, *ys)
    data = header + body
    return data + b"\0" * (-len(data) % 4)


def box_font() -> bytes:
    """The TrueType font: .notdef and one box glyph that every character maps to."""
    glyph = _glyph()
    cmap13 = struct.pack(">HHIII", 13, 0, 28, 0, 1) + struct.pack(
        ">III", 0x20, 0x10FFFF, 1
    )
    tables = {
        b"cmap": struct.pack(">HHHHI", 0, 1, 3, 10, 12) + cmap13,
        b"glyf": glyph * 2,
        b"head": struct.pack(">IIIIHHqqhhhhHHhhh", *_HEAD),
        b"hhea": struct.pack(">IhhhHhhhhhh4hhH", *_HHEA),
        b"hmtx": struct.pack(">Hh", 1000, 50) * 2,
        b"loca": struct.pack(">HHH", 0, len(glyph) // 2, len(glyph)),
        b"maxp": struct.pack(">IH13H", 0x00010000, 2, 4, 1, 0, 0, 2, *([0] * 8)),
    }
    return _sfnt(tables)


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    count = len(tables)
    power = 1 << (count.bit_length() - 1)
    search = power * 16
    directory = struct.pack(
        ">IHHHH", 0x00010000, count, search, power.bit_length() - 1, count * 16 - search
    )
    offset = 12 + 16 * count
    records, data = b"", b""
    for tag in sorted(tables):
        table = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        checksum = sum(struct.unpack(f">{len(table) // 4}I", table)) & 0xFFFFFFFF
        records += struct.pack(">4sIII", tag, checksum, offset, len(tables[tag]))
        data += table
        offset += len(table)
    return directory + records + data


def with_box_font() -> None:
    """Install, once per process, a system font interface offering only the box."""
    if _installed:
        return
    import pypdfium2.raw as raw

    font = box_font()
    kinds = dict(raw.FPDF_SYSFONTINFO._fields_)
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    callbacks = {
        "Release": lambda this: None,
        "EnumFonts": lambda this, mapper: None,
        "MapFont": lambda this, weight, italic, charset, pitch, face, exact: 1,
        "GetFont": lambda this, face: 1,
        "GetFontData": lambda this, handle, table, buffer, size: _copy(
            font if table == 0 else b"", buffer, size
        ),
        "GetFaceName": lambda this, handle, buffer, size: _copy(b"Box\0", buffer, size),
        "GetFontCharset": lambda this, handle: _GB2312_CHARSET,
        "DeleteFont": lambda this, handle: None,
    }
    for name, function in callbacks.items():
        setattr(info, name, kinds[name](function))
    raw.FPDF_SetSystemFontInfo(ctypes.byref(info))
    _installed.append((info, font))


def _copy(data: bytes, buffer, size: int) -> int:
    """PDFium asks for the size first (no buffer), then for the bytes."""
    if buffer and size >= len(data):
        ctypes.memmove(buffer, data, len(data))
    return len(data)
