"""Locate the grammars/ and rules/ folders, from a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``name``: "grammars", "rules" or "cases".

    A wheel ships them as package data in ``checker/_data/NAME``; a checkout
    (or an editable install) has them beside the package (the per-rule cases
    in ``tests/cases``, where the tests that run them live).
    """
    top = _PACKAGE.parent / ("tests/cases" if name == "cases" else name)
    for candidate in (_PACKAGE / "_data" / name, top):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到数据目录 {name}（安装不完整？）")


def grammar_path(name: str = "report.lark") -> Path:
    return data_dir("grammars") / name
