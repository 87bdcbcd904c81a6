"""Comparisons become findings: a report with its copies or its history.

The rules (batch/duplicate, batch/similar, history/carried-over) are rendered
from the report's own pack, so a supervisor's pack can change their severity,
words or drop them; the verdict is recomputed with the new findings.
"""

from __future__ import annotations

import os
from dataclasses import replace

from checker.batch.history import CARRIED_OVER
from checker.batch.runner import Options
from checker.batch.similar import Index, longest_runs
from checker.batch.spill import Spill
from checker.engine.related import History, Match, Passage, related_finding
from checker.engine.report import LineUnit, Report, status_of


def with_history(report: Report, history: History, fail_on: str) -> Report:
    findings = report.findings
    if history.share >= CARRIED_OVER:
        args = {
            "previous": os.path.basename(history.path),
            "previous_year": history.year or "上一",
            "share": percent(history.share),
            "passages": describe(history.passages, report.line_unit, "上年"),
        }
        line = history.passages[0].line if history.passages else 1
        found = related_finding(_ruleset(report), "history/carried-over", args, line)
        findings = tuple(sorted((*findings, *filter(None, [found]))))
    return replace(
        report, history=history, findings=findings, status=status_of(findings, fail_on)
    )


def with_matches(
    report: Report,
    number: int,
    index: Index,
    paths: list[str],
    spill: Spill,
    options: Options,
) -> Report:
    """The report with its copies in the batch and a finding for each."""
    partners = index.partners(number)
    if not partners:
        return report
    mine = index.prints[number]
    matches, found = [], []
    for other, kind, share in partners:
        theirs = index.prints[other]
        passages = tuple(
            Passage(
                int(mine.lines[r.start]),
                int(mine.lines[r.end]),
                int(theirs.lines[r.other_start]),
                int(theirs.lines[r.other_end]),
                r.chars,
                spill.excerpt(number, r.start),
            )
            for r in (longest_runs(mine, theirs) if kind == "similar" else ())
        )
        matches.append(
            Match(paths[other], kind, round(share, 4), theirs.unit, passages)
        )
        args = {
            "other": paths[other],
            "other_unit": theirs.unit or "单位未识别",
            "share": percent(share),
            "passages": describe(passages, report.line_unit, "对方"),
        }
        line = passages[0].line if passages else 1
        found.append(related_finding(_ruleset(report), f"batch/{kind}", args, line))
    findings = tuple(sorted((*report.findings, *filter(None, found))))
    return replace(
        report,
        similar=tuple(matches),
        findings=findings,
        status=status_of(findings, options.fail_on),
    )


def percent(share: float) -> str:
    return f"{share:.0%}"


_UNIT = {LineUnit.PARAGRAPH: "段", LineUnit.LINE: "行", None: "行"}


def describe(passages: tuple[Passage, ...], unit: LineUnit | None, other: str) -> str:
    """第3—8行（对方第5—10行，420字）; … for the message of a finding."""
    label = _UNIT[unit]
    parts = [
        f"{_span(p.line, p.end_line, label)}（{other}"
        f"{_span(p.other_line, p.other_end_line, label)}，{p.chars}字）"
        for p in passages
    ]
    return "；".join(parts) or "无"


def _span(first: int, last: int, label: str) -> str:
    return f"第{first}{label}" if first == last else f"第{first}—{last}{label}"


def _ruleset(report: Report) -> str | None:
    return report.ruleset.id if report.ruleset else None
