"""Submission packets: a .zip in the inputs stands for every report inside it.

Supervisors receive 报送材料.zip from a unit as often as single files. At
discovery each packet's directory is read (within the reader's size and ratio
limits) and each member the include/exclude patterns accept becomes an input
of its own, named ``packet.zip!/folder/报告.docx``; the worker reads the member
itself, so no report's bytes are held by the parent. A packet that cannot be
opened is one input whose check says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch

from checker.batch.discover import display_name

SUFFIX = ".zip"


@dataclass(frozen=True, slots=True)
class PacketMember:
    """One report inside a packet: read by the worker that checks it."""

    packet: str  # the packet's path, as the file system names it
    inner: str  # the member's path inside the packet

    @property
    def name(self) -> str:
        return f"{display_name(self.packet)}!/{self.inner}"


@dataclass(frozen=True, slots=True)
class Refused:
    """An input known to be unreadable before any worker sees it."""

    name: str
    reason: str


def expand(
    paths: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    skipped: list[str] | None = None,
) -> list[str | PacketMember | Refused]:
    """``paths`` with each .zip replaced by the members it holds, in order."""
    items: list[str | PacketMember | Refused] = []
    for path in paths:
        if path == "-" or not path.lower().endswith(SUFFIX):
            items.append(path)
            continue
        items.extend(_members(path, include, exclude, skipped))
    return items


def _members(path, include, exclude, skipped) -> list[PacketMember | Refused]:
    from checker.source import InputError, packet_members
    from checker.source.path import read_input

    try:
        inner = packet_members(read_input(path, display_name(path)), path)
    except InputError as error:
        return [Refused(display_name(path), error.reason)]
    members = []
    for name in inner:
        member = PacketMember(path, name)
        if _matches(name, exclude):
            continue
        if _matches(name, include):
            members.append(member)
        elif skipped is not None and not name.rsplit("/", 1)[-1].startswith("."):
            skipped.append(f"{path}!/{name}")  # shown by the command
    if not members:
        return [Refused(display_name(path), "压缩包中没有可检查的报告")]
    return members


def _matches(inner: str, patterns: Sequence[str]) -> bool:
    base = inner.rsplit("/", 1)[-1].lower()
    return any(
        fnmatch(base, p.lower()) or fnmatch(inner.lower(), p.lower()) for p in patterns
    )


def read_member(member: PacketMember) -> tuple[bytes, str]:
    """The member's bytes and its name; raises InputError. Only the packet's
    directory and this member are read from the file (a worker per member
    would otherwise read the whole packet each time)."""
    from checker.source import InputError, read_packet
    from checker.source.path import refuse_special

    shown = display_name(member.packet)
    refuse_special(member.packet, shown)
    try:
        with open(member.packet, "rb") as handle:
            for found in read_packet(handle, shown, member.inner.__eq__):
                if found.error is not None:
                    raise found.error
                return found.data or b"", found.name
    except OSError as error:
        raise InputError(shown, f"无法读取（{error.strerror or error}）") from None
    raise InputError(member.name, "压缩包中找不到该文件（压缩包在检查期间被改动？）")
