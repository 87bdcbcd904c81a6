"""What a report has in common with others: the batch's copies, earlier years.

These are found outside the single-document engine (``checker.batch``: the
comparison needs every report of a batch, or last year's), but they travel on
the :class:`~checker.engine.report.Report` so that every format can show them.
Plain, picklable, frozen data; findings about them are rendered from the pack
(rules whose check type is ``batch-match`` or ``history-match``) by
:func:`related_finding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.engine.report import Finding

if TYPE_CHECKING:
    from checker.engine.overlay import Overlay


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of shared text: its lines here and in the other report."""

    line: int
    end_line: int
    other_line: int
    other_end_line: int
    chars: int  # normalised characters (punctuation and spaces not counted)
    excerpt: str  # its first characters, as written here


@dataclass(frozen=True, slots=True)
class Match:
    """Another report of the batch that shares much of this one's text."""

    path: str
    kind: str  # "duplicate" (same bytes) | "similar"
    share: float  # this report's body text also found in the other, 0..1
    unit: str | None = None
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One item of last year's 下一年度安排 and where this year reports on it."""

    text: str
    found: bool
    line: int | None = None  # this year's line that reports on it
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class History:
    """This report against the same unit's earlier report (the latest one)."""

    path: str  # the earlier report (a file, or a results store's record)
    year: int | None
    share: float  # this report's body text carried over from it, 0..1
    plan: tuple[PlanItem, ...] = ()
    passages: tuple[Passage, ...] = ()


def related_finding(
    ruleset: str | None,
    rule_id: str,
    args: dict[str, str | int],
    line: int = 1,
    overlay: Overlay | None = None,
) -> Finding | None:
    """The finding of a batch or history rule, rendered from the report's pack,
    at ``line`` (where the longest shared passage starts); None when the pack
    has no such rule (a supervisor's pack may leave it out)."""
    from checker.engine.check import load_pack
    from checker.engine.pack import PackError

    try:
        pack = load_pack(ruleset or "fazhi-2019", overlay)
    except PackError:
        return None
    rule = pack.rule(rule_id)
    if rule is None:
        return None
    declared = {"text": "", **args}
    return Finding(
        line=line,
        column=1,
        rule=rule.id,
        severity=rule.severity,
        text="",
        message=rule.render(rule.message, declared),
        basis=rule.basis,
        hint=rule.render(rule.hint, declared),
        args=tuple((name, args[name]) for name in rule.args if name in args),
    )
