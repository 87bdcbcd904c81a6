"""Where a report goes: ``-o FILE`` written whole or not at all, or stdout.

A report file is written to a temporary file beside it and renamed over it at
the end, so a failed or interrupted run never leaves half a report, two runs
writing the same file never interleave (the last to finish wins, whole), and
the target is not touched before every input has been read. ``-o`` naming one
of the inputs is refused outright. Special files (``/dev/null``, a pipe) cannot
be renamed over and are written directly. A write that fails (disk full,
``/dev/full``, a closed pipe) raises :class:`WriteError` with a Chinese reason.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from typing import TextIO

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统",
    errno.EPIPE: "读取输出的程序已关闭管道",
    errno.EFBIG: "文件过大",
    errno.EISDIR: "是目录",
    errno.ENOENT: "目录不存在",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "输入输出错误",
}


class WriteError(Exception):
    """The report could not be written: ``where`` and a Chinese ``reason``."""

    def __init__(self, where: str, error: OSError) -> None:
        reason = _REASONS.get(error.errno or 0)
        self.where = where
        self.reason = reason or f"无法写入（{error.strerror or error}）"
        super().__init__(f"{where}: {self.reason}")


def input_named_as_output(output: str, inputs: Iterable[str]) -> str | None:
    """The input that ``output`` would overwrite, if any (same file, any spelling)."""
    try:
        target = os.stat(output)
    except OSError:
        return None  # does not exist yet: it cannot be an input
    if not stat.S_ISREG(target.st_mode):
        return None  # /dev/null and pipes are not overwritten by writing
    for path in inputs:
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return path
    return None


class ReportStream:
    """``with ReportStream(output) as out:`` the text stream of the report."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.where = output or "标准输出"
        self.temp: str | None = None
        self.target = ""

    def __enter__(self) -> TextIO:
        try:
            self.stream = self._open()
        except OSError as error:
            raise WriteError(self.where, error) from None
        return self.stream

    def _open(self) -> TextIO:
        if not self.output:
            return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        self.target = os.path.realpath(self.output)  # a link keeps pointing at it
        if _special(self.target):
            return open(self.target, "w", encoding="utf-8", newline="")
        folder, name = os.path.split(self.target)
        fd, self.temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.chmod(self.temp, _mode(self.target))
        return open(fd, "w", encoding="utf-8", newline="")

    def __exit__(self, kind: type | None, *exc: object) -> None:
        if not self.output:
            self._end_stdout(failed=kind is not None)
            return
        done = False
        try:
            _close(self.stream, quietly=kind is not None)
            if kind is None and self.temp:
                os.replace(self.temp, self.target)
            done = True
        except OSError as error:
            raise WriteError(self.where, error) from None
        finally:
            if self.temp and (kind is not None or not done):
                _remove(self.temp)

    def _end_stdout(self, failed: bool) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            _silence_stdout()  # or Python's own flush at exit prints a traceback
            try:
                self.stream.detach()
            except OSError:
                pass
            if not failed:
                raise WriteError(self.where, error) from None
            return
        self.stream.detach()


def _special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def _mode(target: str) -> int:
    """An existing file keeps its mode; a new one gets the usual 0666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _close(stream: TextIO, quietly: bool) -> None:
    try:
        stream.close()
    except OSError:
        if not quietly:
            raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null: what is still buffered goes nowhere."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
