"""Stage 2, text -> Document: the Lark grammar, the tree builder, metadata.

:func:`parse` accepts any text and never raises: numbering defects are data on
the tree's markers, for the checks to judge.
"""

from __future__ import annotations

from checker.parse.document import Document, parse

__all__ = ["Document", "parse"]
