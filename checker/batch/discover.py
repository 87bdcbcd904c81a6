"""Finding the inputs of a batch: directories walked in a stable order, globs.

A folder that cannot be walked (no permission, a path longer than the system
allows) is kept as an input of its own: checking it says why, as an error
report that counts in the exit code, instead of the files it holds vanishing.
Paths keep their raw form (bytes a file system holds that are not UTF-8, such
as GBK names from a Chinese Windows share, stay surrogate-escaped so that the
file can be opened); :func:`display_name` is how a report shows them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path

from checker.source.printable import escape_controls

#: Extensions of the formats reports arrive in (DOMAIN.md §1, §5).
DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.docx",
    "*.doc",
    "*.wps",
    "*.html",
    "*.htm",
    "*.pdf",
    "*.zip",  # submission packets: each report inside is checked (batch.packets)
)


def discover(
    paths: Iterable[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    skipped: list[str] | None = None,
) -> list[str]:
    """Expand directories recursively, in sorted order; files named are kept as is.

    Patterns match a file's name or its path relative to the directory given,
    ignoring case (submissions arrive as 报告.DOCX as often as 报告.docx). A named
    path that does not exist is kept: checking it reports why. Files in a
    directory that no ``include`` pattern matches are added to ``skipped``
    (hidden files aside), so that the command can say what it left out.
    """
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found.extend(_walk(path, include, exclude, skipped))
        else:
            found.append(path)
    return found


def _walk(
    root: str,
    include: Sequence[str],
    exclude: Sequence[str],
    skipped: list[str] | None,
) -> list[str]:
    entries: list[tuple[tuple[str, ...], str]] = []
    left_out: list[tuple[tuple[str, ...], str]] = []

    def unwalkable(error: OSError) -> None:
        folder = str(error.filename or root)
        entries.append((Path(os.path.relpath(folder, root)).parts, folder))

    for folder, dirs, files in os.walk(root, onerror=unwalkable):
        dirs.sort()
        for name in files:
            full = os.path.join(folder, name)
            rel = Path(os.path.relpath(full, root)).as_posix()
            if _matches(name, rel, exclude):
                continue
            if _matches(name, rel, include):
                entries.append((Path(rel).parts, full))
            elif not name.startswith("."):
                left_out.append((Path(rel).parts, full))
    if skipped is not None:
        skipped.extend(full for _, full in sorted(left_out))
    return [full for _, full in sorted(entries)]


def _matches(name: str, rel: str, patterns: Sequence[str]) -> bool:
    name, rel = name.lower(), rel.lower()
    return any(fnmatch(name, p.lower()) or fnmatch(rel, p.lower()) for p in patterns)


def display_name(path: str) -> str:
    """How a report shows a path: printable, encodable and lossless.

    Bytes that are not UTF-8 become ``\\xNN``, control characters ``\\xNN``
    (or ``\\uNNNN``), and a backslash is doubled (POSIX only: on Windows
    it is the separator), so different paths never look the same.
    """
    if os.sep == "/":
        path = path.replace("\\", "\\\\")
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file system gave us
        raw = path.encode("utf-8", "surrogatepass")
    shown = raw.decode("utf-8", "backslashreplace")
    return escape_controls(shown, keep_layout=False)
