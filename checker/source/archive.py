"""Zip containers read with limits: .docx packages and .zip submission packets.

A zip's directory states each member's size; those are claims, checked first
(total size, compression ratio) and then enforced while inflating: a member
is read through :class:`Budget`, which stops at the limit whatever the
directory said. Members that are never read (images in a .docx) are never
inflated. Every failure of zipfile or zlib becomes :class:`ArchiveError`,
which readers turn into their own one-line Chinese message.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO, BinaryIO

#: Most a container may expand to; real reports are well under 5 MB of XML.
MAX_UNZIPPED = 100 * 1024 * 1024
#: Deflate rarely beats 100:1 on real XML; zip bombs reach 1000:1 and more.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small members may compress extremely well
BOMB = "压缩包解压后过大（疑似 zip 炸弹）"

#: What zipfile and zlib raise on damaged data (zlib.error is none of the others).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,  # encrypted members
)


class ArchiveError(Exception):
    """A damaged archive; ``why`` is a short Chinese or library phrase."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class BombError(Exception):
    """An archive that expands beyond the limits."""


def open_zip(
    data: bytes | BinaryIO,
) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive (bytes, or an open file read only where needed) and its
    members; raise ArchiveError or BombError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        members = archive.infolist()
    except ZIP_ERRORS as exc:
        raise ArchiveError(f"压缩包无法打开：{exc}") from None
    check_claims(members)
    return archive, members


def check_claims(members: list[zipfile.ZipInfo]) -> None:
    """Refuse what the directory already admits: too large, too compressible."""
    if sum(m.file_size for m in members) > MAX_UNZIPPED:
        raise BombError(BOMB)
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(
            1, m.compress_size
        ):
            raise BombError(BOMB)


class Budget:
    """Bytes that may still be inflated from one container, shared by its members."""

    def __init__(self, limit: int = MAX_UNZIPPED) -> None:
        self.left = limit

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise BombError(BOMB)

    def read(self, archive: zipfile.ZipFile, name: str | zipfile.ZipInfo) -> bytes:
        """The whole member, inflated within the budget."""
        chunks = []
        with self.stream(archive, name) as stream:
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
        return b"".join(chunks)

    def stream(self, archive: zipfile.ZipFile, name: str | zipfile.ZipInfo) -> _Capped:
        try:
            return _Capped(archive.open(name), self)
        except KeyError:
            raise ArchiveError(f"缺少 {name}") from None
        except ZIP_ERRORS as exc:
            raise ArchiveError(f"解压失败：{exc}") from None


class _Capped(io.RawIOBase):
    """A member's stream that counts against a :class:`Budget` and turns
    zip and zlib failures into ArchiveError (lxml reads it chunk by chunk)."""

    def __init__(self, raw: IO[bytes], budget: Budget) -> None:
        self._raw, self._budget = raw, budget

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._raw.read(size if size and size > 0 else 1 << 20)
        except ZIP_ERRORS as exc:
            raise ArchiveError(f"解压失败：{exc}") from None
        self._budget.take(len(chunk))
        return chunk

    def readinto(self, buffer) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._raw.close()
        super().close()
