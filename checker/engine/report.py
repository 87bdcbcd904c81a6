"""The engine's result: a frozen :class:`Report` per input, read by every format.

The seam between checking and writing is typed: formats read attributes, and
only the JSON format knows the schema's keys and their order. Reports cross
process boundaries (batch workers), so everything here is plain, picklable data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from checker.parse.meta import Meta

if TYPE_CHECKING:
    from checker.engine.related import History, Match


class LineUnit(str, Enum):
    """What a finding's ``line`` counts: text lines, or paragraphs (Word, PDF)."""

    LINE = "line"
    PARAGRAPH = "paragraph"


class Status(str, Enum):
    """A report's verdict: it passes, fails (per ``--fail-on``), or was unreadable."""

    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"


#: Verdicts by ``--fail-on``: which severities make a report fail.
FAILING = {"error": ("error",), "warning": ("error", "warning"), "never": ()}


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem at one place; sorts by position, then rule."""

    line: int
    column: int
    rule: str
    severity: str
    text: str  # the offending text as written ("" when nothing is there)
    message: str
    basis: str
    hint: str
    #: The check's arguments the message was rendered from, in declared order.
    args: tuple[tuple[str, str | int], ...] = field(default=(), compare=False)
    #: The innermost section holding the finding (一、/（二）), "" outside any.
    section: str = field(default="", compare=False)
    #: Where else a person finds it (checker.engine.position); derived from the
    #: position, so, like section, no part of sorting or de-duplication.
    quote: str = field(default="", compare=False)  # a few words at the place
    paragraph: int | None = field(default=None, compare=False)  # non-empty, 1-based
    page: int | None = field(default=None, compare=False)  # PDF page, when known
    #: (row, column) of the Word table cell it stands in, when it does.
    cell: tuple[int, int] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a checklist item was found: heading or body passage, section path."""

    text: str
    path: str
    line: int | None
    note: str = ""
    paragraph: int | None = None  # as a person counts them (see Finding)
    page: int | None = None


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """One of the five statutory items in one report: present, partial or missing."""

    id: str
    name: str
    status: str  # present | partial | missing
    required: bool
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Ruleset:
    id: str
    basis: str


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of checking one input; ``error`` is set when it was unreadable."""

    path: str
    status: Status
    sha256: str | None = None
    format: str | None = None
    line_unit: LineUnit | None = None
    meta: Meta = field(default_factory=Meta)
    ruleset: Ruleset | None = None
    checklist: tuple[ItemStatus, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    #: The reporting unit's canonical name (checks.unit), for grouping reports.
    unit: str | None = None
    #: Other reports of the batch sharing much of its text (checker.batch).
    similar: tuple[Match, ...] = ()
    #: This report against the same unit's earlier one (``--previous``).
    history: History | None = None
    #: Findings an accountable waiver covers (checker.engine.waiver): not part
    #: of the findings or the verdict, listed so that nothing is hidden.
    waived: tuple[Finding, ...] = ()

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def status_of(findings: tuple[Finding, ...], fail_on: str = "error") -> Status:
    """FAIL when any finding has a severity that ``fail_on`` counts."""
    failing = FAILING[fail_on]
    return Status.FAIL if any(f.severity in failing for f in findings) else Status.PASS


def error_report(path: str, reason: str) -> Report:
    """The report of an input that could not be read or checked."""
    return Report(path=path, status=Status.ERROR, error=reason)
