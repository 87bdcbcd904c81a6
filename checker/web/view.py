"""What the page's scripts receive: reports shaped for display, Chinese labels added.

The report itself is the JSON schema's document object (``report_json``, the
one place that knows those keys); this module adds what a person reads —
positions such as 第12段第3列, ✓/△/✗ marks, verdicts — from
:mod:`checker.formats.labels`, so the page and the command line say the same.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from checker import __version__
from checker.checks.items import ITEMS
from checker.engine import Report
from checker.formats import write_all
from checker.formats.json_ import report_json
from checker.formats.labels import (
    MARK,
    REQUIRED,
    SEVERITY,
    STATUS,
    UNIT,
    VERDICT,
    position,
)
from checker.web.jobs import Job

TOOL = {"name": "fazhi-checker", "version": __version__}


def progress(job: Job) -> dict[str, Any]:
    """The job's state; once finished, its scorecard rows."""
    state: dict[str, Any] = {
        "id": job.id,
        "total": job.total,
        "done": job.done,
        "finished": job.finished,
    }
    if job.finished:
        state["rows"] = [row(i, r) for i, r in enumerate(job.finished_reports())]
        state["items"] = [{"id": i.id, "label": i.label, "name": i.name} for i in ITEMS]
        state["skipped"] = job.skipped
    return state


def row(index: int, report: Report) -> dict[str, Any]:
    """One report as a scorecard row."""
    return {
        "index": index,
        "name": report.path,
        "status": report.status.value,
        "verdict": VERDICT[report.status],
        "items": {item.id: item.status for item in report.checklist},
        "marks": {item.id: MARK[item.status] for item in report.checklist},
        "counts": {level: report.count(level) for level in SEVERITY},
        "rules": sorted({finding.rule for finding in report.findings}),
        "error": report.error,
    }


def detail(index: int, report: Report, lines: list[str]) -> dict[str, Any]:
    """One report with its text, for the document view."""
    unit = report.line_unit
    findings = [
        {
            **finding,
            "severity_label": SEVERITY[finding["severity"]],
            "where": position(finding["line"], finding["column"], unit),
        }
        for finding in report_json(report)["findings"]
    ]
    checklist = [
        {
            **item,
            "mark": MARK[item["status"]],
            "status_label": STATUS[item["status"]],
            "required_label": REQUIRED[item["required"]],
            "where": _evidence_where(item["evidence"], unit),
        }
        for item in report_json(report)["checklist"]
    ]
    return {
        "index": index,
        "report": report_json(report),
        "verdict": VERDICT[report.status],
        "unit": UNIT[unit],
        "lines": lines,
        "findings": findings,
        "checklist": checklist,
    }


def _evidence_where(evidence: dict[str, Any] | None, unit: Any) -> str:
    if not evidence or not evidence.get("line"):
        return ""
    return position(evidence["line"], None, unit)


def json_download(reports: Sequence[Report]) -> bytes:
    """The reports as ``--format json`` writes them (report.schema.json)."""
    out = io.StringIO()
    write_all("json", out, TOOL, reports)
    return out.getvalue().encode("utf-8")
