"""Bytes to text: encodings, BOMs, binary and empty input.

Reports arrive as UTF-8 (with or without BOM), GB18030/GBK (Chinese Windows) and
UTF-16 (Word's "Unicode text" export); see DOMAIN.md §5. Decoding never guesses
silently: it tries a fixed, deterministic order and says in Chinese why it gave up.
Text that GB18030 decodes into nonsense (a Big5, Shift_JIS or EUC-KR file) is
recognised as such (:mod:`.charset`): Big5 is decoded, the others refused.
Line breaks are kept as they are, so every offset and line number refers to the
original file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from checker.source.charset import plausible, redetect

#: Largest input accepted by default (bytes). A supervisor's machine must not be
#: taken down by one huge upload.
MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(Exception):
    """A file that cannot be turned into report text; ``reason`` is Chinese."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Source:
    """A report as text, with where it came from.

    ``line_label`` names what a line number counts: 行 for text files, 段 for
    Word paragraphs (one paragraph is one line). ``pages`` gives, for a PDF,
    the page (1-based) each line starts on, ``pages[line - 1]``; it is empty
    for formats without pages. ``cells`` gives, for a Word file, the table
    cell (row, column) each line stands in, None outside tables; empty for
    other formats.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    format: str = "txt"
    line_label: str = "行"
    sha256: str = ""  # of the original bytes
    pages: tuple[int, ...] = ()
    cells: tuple[tuple[int, int] | None, ...] = ()


def decode(data: bytes, path: str = "<stdin>") -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError`."""
    if not data:
        raise InputError(path, "文件为空")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path, f"按 {encoding} 解码失败（{exc.reason}）"
                ) from None
            return _non_empty(text, path), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _non_empty(data.decode(utf16), path), utf16
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise InputError(path, "不是文本文件（含二进制内容）")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.01:
            raise InputError(path, "不是文本文件（含大量控制字符）")
        if encoding == "gb18030" and not plausible(text):
            text, encoding = _other_cjk(data, path)
        return _non_empty(text, path), encoding
    raise InputError(path, "无法识别文件编码（不是 UTF-8、GB18030/GBK 或 UTF-16）")


def _other_cjk(data: bytes, path: str) -> tuple[str, str]:
    """GB18030 gave mojibake: Big5 and the like, decoded or refused."""
    encoding, reason = redetect(data)
    if encoding is None:
        raise InputError(path, reason)
    text = data.decode(encoding, errors="replace")
    if not plausible(text):
        raise InputError(path, f"无法识别文件编码（按 {encoding} 解码仍是乱码）")
    return text, encoding


def read_path(
    path: Path, display: str | None = None, max_bytes: int = MAX_BYTES
) -> bytes:
    """Read a file's bytes with a size limit; errors become :class:`InputError`."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(name, "是目录，不是文件")
        if size > max_bytes:
            raise InputError(name, f"文件过大（{size} 字节，上限 {max_bytes} 字节）")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "文件不存在") from None
    except PermissionError:
        raise InputError(name, "没有读取权限") from None
    except OSError as exc:
        raise InputError(name, f"无法读取（{exc.strerror or exc}）") from None


def within_limit(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes read from a stream (stdin), which no size check guarded before."""
    if len(data) > max_bytes:
        raise InputError(name, f"输入过大（超过 {max_bytes} 字节）")
    return data


def _non_empty(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "文件没有正文（只有空白）")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: NUL bytes sit on one parity only and the text reads."""
    sample = data[:4096]
    if b"\x00" not in sample or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > 4 * other:
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            if sum(map(_plausible, text)) >= 0.95 * len(text):
                return encoding
    return None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (
        ch in "\t\n\r"
        or 0x20 <= code < 0x7F
        or 0x3000 <= code <= 0x9FFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or 0xA0 <= code <= 0xFF
    )


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:65536]


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))
