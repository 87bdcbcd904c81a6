"""Accountable waivers: approved, dated exceptions to a rule for some reports.

A waiver names a rule (id, area or ``ALL``, as ``--select`` does), the reports
it covers (``unit``: the reporting unit, compared by canonical name; ``file``:
a glob on the report's path, or on its file name when it has no ``/``), a
reason, who approved it and the last day it holds. Findings it covers leave
``Report.findings`` for ``Report.waived`` and the verdict is recomputed. An
expired waiver waives nothing: its findings stay, and it becomes a finding of
``config/expired-waiver`` on each report where it would have waived one, so
that an exception lapses loudly instead of silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from checker.checks.unit import canonical_unit
from checker.engine.overlay import Overlay, matches
from checker.engine.related import related_finding
from checker.engine.report import Finding, Report, Status, status_of

EXPIRED = "config/expired-waiver"


@dataclass(frozen=True, slots=True)
class Waiver:
    rule: str
    reason: str
    approved_by: str
    until: dt.date
    unit: str = ""
    file: str = ""
    where: str = ""  # FILE:LINE of the entry, named in the expiry finding

    def covers(self, report: Report) -> bool:
        """Whether the waiver is about this report (by unit or file)."""
        if self.unit:
            wanted = canonical_unit(self.unit)
            if wanted not in (report.unit, canonical_unit(report.meta.unit)):
                return False
        if self.file:
            path = report.path.replace("\\", "/")
            target = path if "/" in self.file else path.rsplit("/", 1)[-1]
            if not fnmatchcase(target, self.file):
                return False
        return True


def waive(
    report: Report,
    waivers: tuple[Waiver, ...],
    today: dt.date,
    fail_on: str = "error",
    overlay: Overlay | None = None,
) -> Report:
    """The report with waived findings moved aside and expiries reported."""
    if report.status is Status.ERROR or not waivers:
        return report
    mine = [w for w in waivers if w.covers(report)]
    kept: list[Finding] = []
    waived: list[Finding] = []
    lapsed: list[Waiver] = []
    for finding in report.findings:
        hits = [w for w in mine if matches(w.rule, finding.rule)]
        if any(w.until >= today for w in hits):
            waived.append(finding)
            continue
        kept.append(finding)
        lapsed.extend(w for w in hits if w not in lapsed)
    for waiver in lapsed:
        found = _expired(report, waiver, overlay)
        if found is not None:
            kept.append(found)
    findings = tuple(sorted(kept))
    return replace(
        report,
        findings=findings,
        waived=(*report.waived, *waived),
        status=status_of(findings, fail_on),
    )


def _expired(report: Report, waiver: Waiver, overlay: Overlay | None) -> Finding | None:
    args = {
        "until": waiver.until.isoformat(),
        "waived_rule": waiver.rule,
        "approved_by": waiver.approved_by,
        "reason": waiver.reason,
        "waiver": waiver.where,
    }
    ruleset = report.ruleset.id if report.ruleset else None
    return related_finding(ruleset, EXPIRED, args, 1, overlay)
