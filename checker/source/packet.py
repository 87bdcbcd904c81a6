"""A .zip submission packet: the reports inside it, one by one.

Supervisors receive a unit's reports as one archive. Each member is named
``packet.zip!/path/inside.docx`` and read like a file of its own (its bytes go
to :func:`~checker.source.load_source`). The archive is held to the limits a
.docx is (:mod:`.archive`: total size, compression ratio, bytes actually
inflated) and each member to the size of a single input file. Names written
by Chinese Windows without the zip UTF-8 flag are GBK, not the CP437 zipfile
assumes, and are decoded as such.

A member that cannot be read (encrypted, damaged, too large) is yielded with
its :class:`InputError`, so one bad file does not hide the others.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from checker.source.archive import ArchiveError, BombError, Budget, open_zip
from checker.source.decode import MAX_BYTES, InputError

#: More members than a packet of reports has; a bound against hostile files.
MAX_MEMBERS = 5000
SEPARATOR = "!/"
_UTF8_FLAG = 0x800
#: Written by archivers, never a report: macOS resource forks, Thumbs.db …
_JUNK = ("__MACOSX/", ".", "~$")
_JUNK_NAMES = ("thumbs.db", "desktop.ini", ".ds_store")


@dataclass(frozen=True, slots=True)
class Member:
    """One file of a packet: its bytes, or why they cannot be had."""

    name: str  # packet.zip!/path/inside.docx
    data: bytes | None = None
    error: InputError | None = None


def packet_members(data: bytes, name: str) -> list[str]:
    """Paths of the files inside the packet, in archive order, without
    directories and archiver debris; raise InputError for a bad packet."""
    return [inner for inner, _ in _listing(data, name)[1]]


def read_packet(
    data: bytes | BinaryIO, name: str, wanted: Callable[[str], bool] | None = None
) -> Iterator[Member]:
    """Every file inside the packet (those ``wanted(inner_path)`` accepts),
    read within the limits; raise InputError at once for a bad packet."""
    archive, listing = _listing(data, name)
    budget = Budget()
    for inner, info in listing:
        if wanted is not None and not wanted(inner):
            continue
        yield _member(archive, info, f"{name}{SEPARATOR}{inner}", budget)


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, budget: Budget
) -> Member:
    if info.flag_bits & 0x1:
        return Member(label, error=InputError(label, "压缩包内的文件已加密，无法读取"))
    if info.file_size > MAX_BYTES:
        reason = f"文件过大（{info.file_size} 字节，上限 {MAX_BYTES} 字节）"
        return Member(label, error=InputError(label, reason))
    try:
        return Member(label, data=budget.read(archive, info))
    except BombError as exc:
        return Member(label, error=InputError(label, str(exc)))
    except ArchiveError as exc:
        return Member(
            label, error=InputError(label, f"压缩包内的文件已损坏（{exc.why}）")
        )


def _listing(
    data: bytes | BinaryIO, name: str
) -> tuple[zipfile.ZipFile, list[tuple[str, zipfile.ZipInfo]]]:
    try:
        archive, members = open_zip(data)
    except BombError as exc:
        raise InputError(name, str(exc)) from None
    except ArchiveError as exc:
        raise InputError(name, f"压缩包已损坏（{exc.why}）") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(
            name, f"压缩包内文件过多（{len(members)} 个，上限 {MAX_MEMBERS} 个）"
        )
    listing = [(member_name(m), m) for m in members if not m.is_dir()]
    return archive, [(inner, m) for inner, m in listing if not _junk(inner)]


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path as its author saw it: GBK names decoded as GBK."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _junk(inner: str) -> bool:
    base = inner.rsplit("/", 1)[-1]
    return (
        inner.startswith(_JUNK[0])
        or base.startswith(_JUNK[1:])
        or base.lower() in _JUNK_NAMES
    )
