"""Paragraph styles of a .docx (``word/styles.xml``): names and list numbering.

A heading numbered by Word often carries no ``w:numPr`` itself: its style
(标题 1) does, or a style it is ``basedOn`` does (ECMA-376 Part 1 §17.7.4).
"""

from __future__ import annotations

from collections.abc import Callable

from checker.source.wordnum import qn

_STYLE, _STYLE_ID, _NAME = qn("w:style"), qn("w:styleId"), qn("w:name")
_VAL, _PPR, _BASED_ON = qn("w:val"), qn("w:pPr"), qn("w:basedOn")
_NUM_PR, _NUM_ID, _ILVL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl")


def num_pr(ppr) -> tuple[str | None, int | None]:
    """numId and ilvl of a ``w:pPr``, each None when absent."""
    numbering = ppr.find(_NUM_PR) if ppr is not None else None
    if numbering is None:
        return None, None
    num_id, ilvl = numbering.find(_NUM_ID), numbering.find(_ILVL)
    return (
        num_id.get(_VAL) if num_id is not None else None,
        _level(ilvl.get(_VAL, "0")) if ilvl is not None else None,
    )


def _level(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


class StyleIndex:
    """Paragraph styles by id: name, inherited numPr.

    ``load`` returns the parsed ``styles.xml`` (or None) and is called only
    when a paragraph names a style: the part is often the largest XML in the
    package, and paragraphs in the default style never need it.
    """

    def __init__(self, load: Callable[[], object]) -> None:
        self._load: Callable[[], object] | None = load
        self._styles: dict = {}
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}

    def _style(self, style_id: str | None):
        if style_id is None:
            return None
        if self._load is not None:
            root, self._load = self._load(), None
            for style in root.iter(_STYLE) if root is not None else ():
                self._styles[style.get(_STYLE_ID)] = style
        return self._styles.get(style_id)

    def name(self, style_id: str | None) -> str:
        style = self._style(style_id)
        name = style.find(_NAME) if style is not None else None
        return name.get(_VAL, "") if name is not None else (style_id or "")

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl a style gives its paragraphs, following basedOn."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._inherited(style_id)
        return self._numbering[style_id]

    def _inherited(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                break
            num_id, ilvl = num_pr(style.find(_PPR))
            if num_id is not None:
                return num_id, ilvl
            based = style.find(_BASED_ON)
            style_id = based.get(_VAL) if based is not None else None
        return None, None
