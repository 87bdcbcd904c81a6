"""What stands between a path and its bytes: special files, folders, OS errors.

A named pipe blocks the reader forever and a device never ends, so only regular
files are read. A folder that cannot be walked, a path longer than the system
allows, a dangling link: each becomes one Chinese reason, never an English
``strerror`` and never silence.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from checker.source.decode import MAX_BYTES, InputError, read_path

_REASONS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ENAMETOOLONG: "路径过长（超过系统限制）",
    errno.ELOOP: "符号链接层数过多（可能是循环链接）",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EIO: "读取时发生输入输出错误",
    errno.EMFILE: "打开的文件过多",
}
_SPECIAL = (
    (stat.S_ISFIFO, "命名管道"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
    (stat.S_ISSOCK, "套接字"),
)


def os_reason(error: OSError) -> str:
    """A Chinese reason for an OS error (the English ``strerror`` only as a hint)."""
    known = _REASONS.get(error.errno or 0)
    return known or f"无法读取（{error.strerror or type(error).__name__}）"


def read_input(path: str, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes; anything else raises InputError with a reason."""
    refuse_special(path, name)
    return read_path(Path(path), name, max_bytes)


def refuse_special(path: str, name: str) -> None:
    """Raise InputError unless ``path`` is a regular file.

    Only ``stat`` looks at it: opening a device can have effects of its own. A
    file swapped for a pipe between this and the read hangs one worker, which
    the batch's timeout kills.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise InputError(name, os_reason(error)) from None
    if stat.S_ISDIR(mode):
        raise InputError(name, _folder_reason(path))
    for test, kind in _SPECIAL:
        if test(mode):
            raise InputError(name, f"不是普通文件（{kind}），不予读取")


def _folder_reason(path: str) -> str:
    """A folder arrives as an input only when it could not be walked: say why."""
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        return f"无法读取目录（{os_reason(error)}）"
    return "是目录，不是文件"
