"""``json`` and ``jsonl``: the machine formats of ``report.schema.json``.

The only module that knows the schema's keys and their order. ``json`` is
written in pieces as reports arrive, yet byte for byte what
``json.dumps(whole, ensure_ascii=False, indent=2)`` gives for the whole run.
``jsonl`` is one compact report per line, then one summary line.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from checker.engine import Finding, ItemStatus, Report, Status
from checker.engine.related import History, Match, Passage
from checker.formats.base import Writer
from checker.formats.schema import SCHEMA_VERSION
from checker.formats.summary import Summary
from checker.parse.meta import Meta


def report_json(report: Report) -> dict[str, Any]:
    """One report as the schema's ``document`` object."""
    head: dict[str, Any] = {"path": report.path, "sha256": report.sha256}
    head["format"] = report.format
    if report.status is not Status.ERROR:
        head["line_unit"] = report.line_unit.value if report.line_unit else None
    head["status"] = report.status.value
    if report.error is not None:
        head["error"] = report.error
    else:
        head["unit"] = report.unit
    ruleset = report.ruleset
    body = {
        **head,
        "meta": meta_json(report.meta),
        "ruleset": {
            "id": ruleset.id if ruleset else None,
            "basis": ruleset.basis if ruleset else None,
        },
        "checklist": [_item(item) for item in report.checklist],
        "findings": [finding_json(finding) for finding in report.findings],
    }
    # Optional keys: only when the batch was compared / an earlier report found.
    if report.similar:
        body["similar"] = [_match(match) for match in report.similar]
    if report.history is not None:
        body["history"] = _history(report.history)
    if report.waived:
        body["waived"] = [finding_json(finding) for finding in report.waived]
    return body


def _passage(p: Passage) -> dict[str, Any]:
    return {
        "line": p.line,
        "end_line": p.end_line,
        "other_line": p.other_line,
        "other_end_line": p.other_end_line,
        "chars": p.chars,
        "excerpt": p.excerpt,
    }


def _match(match: Match) -> dict[str, Any]:
    return {
        "path": match.path,
        "kind": match.kind,
        "share": match.share,
        "unit": match.unit,
        "passages": [_passage(p) for p in match.passages],
    }


def _history(history: History) -> dict[str, Any]:
    return {
        "path": history.path,
        "year": history.year,
        "share": history.share,
        "passages": [_passage(p) for p in history.passages],
        "plan": [
            {"item": i.text, "found": i.found, "line": i.line, "excerpt": i.excerpt}
            for i in history.plan
        ],
    }


def meta_json(meta: Meta) -> dict[str, Any]:
    return {
        "title": meta.title,
        "unit": meta.unit,
        "year": meta.year,
        "date": meta.date,
        "published": meta.published,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    found = {
        "rule": finding.rule,
        "severity": finding.severity,
        "line": finding.line,
        "column": finding.column,
        "text": finding.text,
        "message": finding.message,
        "basis": finding.basis,
        "hint": finding.hint,
        "args": dict(finding.args),
        "section": finding.section,
        "quote": finding.quote,
    }
    if finding.cell is not None:
        found["cell"] = {"row": finding.cell[0], "column": finding.cell[1]}
    return _where(found, finding.paragraph, finding.page)


def _where(out: dict[str, Any], paragraph: int | None, page: int | None) -> dict:
    """Add the paragraph as a person counts it and the page, where known."""
    if paragraph is not None:
        out["paragraph"] = paragraph
    if page is not None:
        out["page"] = page
    return out


def _item(item: ItemStatus) -> dict[str, Any]:
    evidence = None
    if item.evidence is not None:
        found = item.evidence
        evidence = {"text": found.text, "path": found.path, "line": found.line}
        if found.note:
            evidence["note"] = found.note
        _where(evidence, found.paragraph, found.page)
    return {
        "id": item.id,
        "name": item.name,
        "status": item.status,
        "required": item.required,
        "evidence": evidence,
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JsonWriter(Writer):
    def begin(self) -> None:
        head = _dumps({"schema_version": SCHEMA_VERSION, "tool": self.tool})
        self.out.write(head[: -len("\n}")] + ',\n  "documents": [')
        self._count = 0

    def document(self, report: Report) -> None:
        self.out.write(",\n" if self._count else "\n")
        self.out.write(textwrap.indent(_dumps(report_json(report)), "    "))
        self._count += 1

    def end(self, summary: Summary) -> None:
        self.out.write("\n  ]" if self._count else "]")
        body = _dumps(summary.to_dict()).replace("\n", "\n  ")
        self.out.write(f',\n  "summary": {body}\n}}\n')


class JsonlWriter(Writer):
    def document(self, report: Report) -> None:
        self.out.write(_compact(report_json(report)) + "\n")

    def end(self, summary: Summary) -> None:
        line = {
            "schema_version": SCHEMA_VERSION,
            "tool": self.tool,
            "summary": summary.to_dict(),
        }
        self.out.write(_compact(line) + "\n")
