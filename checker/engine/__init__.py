"""Stage 4, rule pack + Document -> Report: pack loading and validation, findings.

Pure: no I/O but reading rule packs, no printing. A new rule is a few lines of
YAML in ``rules/``; the engine validates it on load.
"""

from __future__ import annotations

from checker.engine.check import (
    check_document,
    error_document,
    load_pack,
    select_pack,
)
from checker.engine.pack import PackError

__all__ = [
    "PackError",
    "check_document",
    "error_document",
    "load_pack",
    "select_pack",
]
