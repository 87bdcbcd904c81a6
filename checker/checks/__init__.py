"""Stage 3, Document -> hits: the check types, the five items, the checklist.

A check type is one module with ``NODES`` (the node kinds it is handed),
``OPTIONS`` (option kinds with defaults, validated when a pack loads),
``ARGS`` (the message arguments its hits carry, with a Chinese description)
and ``check(ctx, nodes, options)`` yielding :class:`~checker.checks.hit.Hit`.
Rule packs instantiate check types; a new check type is added to the
explicit registry below.
"""

from __future__ import annotations

from types import ModuleType

from checker.checks import (
    batch_match,
    date_format,
    deadline,
    enum_sequence,
    history_match,
    item_status,
    level_skip,
    marker_defect,
    mixed_style,
    placeholder,
    plan_year,
    premature_date,
    reasons_missing,
    sequence,
    signature,
    stale_slogan,
    thin_section,
    title,
    too_deep,
    waiver_expiry,
)

CHECKS: dict[str, ModuleType] = {
    "item-status": item_status,
    "marker-defect": marker_defect,
    "sequence": sequence,
    "mixed-style": mixed_style,
    "level-skip": level_skip,
    "too-deep": too_deep,
    "enum-sequence": enum_sequence,
    "title": title,
    "date-format": date_format,
    "deadline": deadline,
    "premature-date": premature_date,
    "signature": signature,
    "plan-year": plan_year,
    "reasons-missing": reasons_missing,
    "thin-section": thin_section,
    "placeholder": placeholder,
    "stale-slogan": stale_slogan,
    "batch-match": batch_match,
    "history-match": history_match,
    "waiver-expiry": waiver_expiry,
}
