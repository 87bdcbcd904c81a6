"""Zip packets uploaded to the page, opened in memory within limits.

The same reader as ``check`` (:func:`checker.source.read_packet`: per-member
size and compression-ratio limits, damaged or encrypted members as errors,
GBK names from Chinese Windows) reads the archive from bytes; nothing is
extracted to disk. The upload's own limits apply on top: members count
against the file limit and their sizes against the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from checker.batch import DEFAULT_INCLUDE
from checker.source import InputError, read_packet
from checker.web.upload import Limits, UploadError, megabytes


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

        def wanted(inner: str, packet: str = name) -> bool:
            base = inner.rsplit("/", 1)[-1].lower()
            if any(fnmatch(base, pattern) for pattern in DEFAULT_INCLUDE):
                return True
            skipped.append(f"{packet}!/{inner}")
            return False

        try:
            for member in read_packet(data, name, wanted):
                if member.error is not None:
                    entries.append(Rejected(member.name, member.error.reason))
                else:
                    unpacked += len(member.data or b"")
                    entries.append((member.name, member.data or b""))
                _within(entries, unpacked, limits)
        except InputError as error:
            entries.append(Rejected(name, error.reason))
    return entries


def _within(entries: list[Entry], unpacked: int, limits: Limits) -> None:
    if len(entries) > limits.files:
        raise UploadError(
            413, f"一次最多检查 {limits.files} 份报告（含压缩包内的文件）"
        )
    if unpacked > limits.total_bytes:
        total = megabytes(limits.total_bytes)
        raise UploadError(413, f"压缩包解压后过大（上限 {total}）")
