"""Zip packets uploaded to the page, opened in memory within limits.

A stop-gap until the zip reader of ``checker/source`` lands (issue 14): the
stdlib's zipfile reads the archive from bytes, nothing is extracted to disk.
Limits guard against zip bombs: members counted against the upload's file
limit, each member's size (read with a cap, not trusted from the header), the
total unpacked size, and the compression ratio. A member over a per-member
limit, or encrypted, becomes a rejected entry (one error row); a packet over
the total limits refuses the upload.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from fnmatch import fnmatch

from checker.batch import DEFAULT_INCLUDE
from checker.web.upload import Limits, UploadError, clean_name, megabytes

#: Unpacked size / packed size above which a member is taken for a zip bomb.
MAX_RATIO = 100


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that is not checked, with the Chinese reason shown in its row."""

    name: str
    reason: str


Entry = tuple[str, bytes] | Rejected


def is_zip(name: str, data: bytes) -> bool:
    return name.lower().endswith(".zip") and data[:4] == b"PK\x03\x04"


def expand(
    files: list[tuple[str, bytes]], limits: Limits, skipped: list[str]
) -> list[Entry]:
    """Uploaded files with each .zip replaced by the reports inside it."""
    entries: list[Entry] = []
    unpacked = 0
    for name, data in files:
        if not name.lower().endswith(".zip"):
            entries.append((name, data))
            continue
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError):
            entries.append(Rejected(name, "不是有效的 zip 压缩包"))
            continue
        with archive:
            for info in archive.infolist():
                entry = _member(archive, info, name, limits, skipped)
                if entry is None:
                    continue
                if isinstance(entry, tuple):
                    unpacked += len(entry[1])
                entries.append(entry)
                _within(entries, unpacked, limits)
    return entries


def _within(entries: list[Entry], unpacked: int, limits: Limits) -> None:
    if len(entries) > limits.files:
        raise UploadError(
            413, f"一次最多检查 {limits.files} 份报告（含压缩包内的文件）"
        )
    if unpacked > limits.total_bytes:
        total = megabytes(limits.total_bytes)
        raise UploadError(413, f"压缩包解压后过大（上限 {total}）")


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    packet: str,
    limits: Limits,
    skipped: list[str],
) -> Entry | None:
    raw = info.filename
    if not info.flag_bits & 0x800:  # no UTF-8 flag: Chinese Windows writes GBK
        try:
            raw = raw.encode("cp437").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    inner = clean_name(raw, keep_dirs=True)
    base = inner.rsplit("/", 1)[-1]
    if info.is_dir() or base.startswith(".") or inner.startswith("__MACOSX"):
        return None
    name = f"{packet}/{inner}"
    if not any(fnmatch(base.lower(), pattern) for pattern in DEFAULT_INCLUDE):
        skipped.append(name)
        return None
    if info.flag_bits & 0x1:
        return Rejected(name, "压缩包中的文件已加密，无法读取")
    if info.file_size > limits.file_bytes:
        return Rejected(name, f"文件过大（上限 {megabytes(limits.file_bytes)}）")
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        return Rejected(name, "压缩比异常（疑似压缩炸弹），未解压")
    try:
        with archive.open(info) as stream:
            data = stream.read(limits.file_bytes + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return Rejected(name, "压缩包中的文件已损坏，无法解压")
    if len(data) > limits.file_bytes:  # the header lied about the size
        return Rejected(name, f"文件过大（上限 {megabytes(limits.file_bytes)}）")
    return name, data
