"""Stage 4, rule pack + Document -> Report: pack loading and validation, findings.

Pure: no I/O but reading rule packs, no printing. A new rule is a few lines of
YAML in ``rules/``; the engine validates it on load.
"""

from __future__ import annotations

from checker.engine.check import (
    check_document,
    check_source,
    load_pack,
    select_pack,
)
from checker.engine.overlay import Overlay
from checker.engine.pack import Pack, PackError, pack_names
from checker.engine.report import (
    FAILING,
    Evidence,
    Finding,
    ItemStatus,
    LineUnit,
    Report,
    Ruleset,
    Status,
    error_report,
)
from checker.engine.rule import Rule

__all__ = [
    "FAILING",
    "Evidence",
    "Finding",
    "ItemStatus",
    "LineUnit",
    "Overlay",
    "Pack",
    "PackError",
    "Report",
    "Rule",
    "Ruleset",
    "Status",
    "check_document",
    "check_source",
    "error_report",
    "load_pack",
    "pack_names",
    "select_pack",
]
