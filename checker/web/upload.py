"""Reading an upload: multipart form data parsed in memory, within limits.

Nothing of an upload touches the file system: python-multipart's push parser
is fed the request body chunk by chunk and every part is kept in memory (a
framework's form parser would spool large files to temporary files). Sizes are
counted as the bytes arrive, so an oversized upload is refused without being
kept. The rest of an oversized body is read and dropped (up to :data:`DRAIN`),
so that the browser receives the Chinese answer instead of a reset connection.
File names are display names only: :func:`clean_name` strips directories and
control characters, and no name is ever joined into a path.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header

from checker.source import MAX_BYTES

MB = 1024 * 1024
#: How much of an oversized body is still read (and dropped) before answering.
DRAIN = 1024 * MB
#: Form fields other than files (pack name, year, pasted text) are small.
FIELDS = ("text", "rules", "year")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one upload may hold; the same per-file limit as the command line."""

    file_bytes: int = MAX_BYTES
    total_bytes: int = 200 * MB
    files: int = 500


class UploadError(Exception):
    """An upload refused as a whole; ``message`` is Chinese, ``status`` HTTP."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Upload:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def clean_name(raw: str, keep_dirs: bool = False) -> str:
    """A display name: no directories (unless kept, then no ``..``), no controls."""
    parts = [p for p in re.split(r"[\\/]+", raw) if p not in ("", ".", "..")]
    if not keep_dirs:
        parts = parts[-1:]
    name = "".join(ch for ch in "/".join(parts) if ch.isprintable()).strip()
    return name[:200] or "未命名文件"


def megabytes(size: int) -> str:
    return f"{size / MB:g} MB"


class _Parts:
    """python-multipart callbacks collecting parts into an :class:`Upload`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.upload = Upload()
        self.error: UploadError | None = None
        self._header = b""
        self._value = b""
        self._headers: dict[bytes, bytes] = {}
        self._data = bytearray()
        self._filename: str | None = None
        self._field = ""

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _begin(self) -> None:
        self._headers, self._data = {}, bytearray()
        self._header = self._value = b""

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._header.lower()] = self._value
        self._header = self._value = b""

    def _headers_finished(self) -> None:
        disposition = self._headers.get(b"content-disposition", b"")
        _, params = parse_options_header(disposition)
        self._field = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        self._filename = None
        if filename is not None:
            # an empty file input sends a part with no file name and no data
            self._filename = clean_name(filename.decode("utf-8", "replace"))
            if not filename:
                self._filename = ""
            elif len(self.upload.files) >= self.limits.files:
                self._fail(413, f"一次最多上传 {self.limits.files} 个文件")

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self.error:
            return
        self._data += data[start:end]
        if self._filename is not None and len(self._data) > self.limits.file_bytes:
            limit = megabytes(self.limits.file_bytes)
            self._fail(413, f"文件“{self._filename}”过大（上限 {limit}）")
        elif self._filename is None and len(self._data) > self.limits.file_bytes:
            self._fail(
                413, f"粘贴的文本过长（上限 {megabytes(self.limits.file_bytes)}）"
            )

    def _part_end(self) -> None:
        if self.error:
            return
        if self._filename is not None:
            if self._filename or self._data:
                name = self._filename or clean_name("")
                self.upload.files.append((name, bytes(self._data)))
        elif self._field in FIELDS:
            self.upload.fields[self._field] = self._data.decode("utf-8", "replace")
        self._data = bytearray()

    def _fail(self, status: int, message: str) -> None:
        if self.error is None:
            self.error = UploadError(status, message)
            self._data = bytearray()


async def read_upload(
    content_type: str, body: AsyncIterator[bytes], limits: Limits
) -> Upload:
    """Parse a ``multipart/form-data`` body; raise :class:`UploadError`."""
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadError(
            400, "请求格式不对：应以表单方式上传文件（multipart/form-data）"
        )
    parts = _Parts(limits)
    parser = MultipartParser(boundary, parts.callbacks())
    received = 0
    async for chunk in body:
        received += len(chunk)
        if received > limits.total_bytes:
            total = megabytes(limits.total_bytes)
            parts._fail(413, f"上传总量过大（一次上限 {total}）")
        if parts.error:
            if received > DRAIN:
                break
            continue
        try:
            parser.write(chunk)
        except Exception:  # python-multipart raises its own errors on bad framing
            raise UploadError(400, "上传的表单数据不完整或已损坏") from None
    if parts.error:
        raise parts.error
    parser.finalize()
    return parts.upload
