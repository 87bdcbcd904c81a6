"""``sarif``: SARIF 2.1.0 (OASIS), for code-scanning viewers and audit systems.

Results stream as documents arrive; rule metadata for every ruleset used and the
unreadable inputs (as tool execution notifications) follow them, so the tool
object is written last. Columns count Unicode code points.
"""

from __future__ import annotations

import json
import os
import textwrap
from typing import Any
from urllib.parse import quote

from checker.engine import Finding, Report, Rule, Status
from checker.formats.base import Writer
from checker.formats.summary import Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _dumps(value: Any, prefix: str) -> str:
    return textwrap.indent(json.dumps(value, ensure_ascii=False, indent=2), prefix)


def artifact(path: str) -> dict[str, str]:
    # A backslash is a separator only on Windows; on POSIX a report's path may
    # hold one as an escape (\xb1 for a byte that is not UTF-8): keep it, as %5C.
    return {"uri": quote(path.replace(os.sep, "/"), safe="/:")}


def _location(path: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact(path)}}


def result(report: Report, finding: Finding) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact(report.path)}
    if finding.line:
        region: dict[str, Any] = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        if finding.text:
            region["snippet"] = {"text": finding.text}
        location["region"] = region
    ruleset = report.ruleset.id if report.ruleset else None
    return {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "properties": {"ruleset": ruleset, "hint": finding.hint},
    }


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """SARIF reportingDescriptor: rule-level texts, arguments named, not filled."""
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary}（依据：{rule.basis}）"},
        "help": {"text": rule.describe(rule.hint)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"basis": rule.basis, "check": rule.check},
    }


class SarifWriter(Writer):
    def begin(self) -> None:
        self.out.write(
            f'{{\n  "$schema": "{SARIF_SCHEMA}",\n  "version": "2.1.0",\n'
            '  "runs": [\n    {\n      "columnKind": "unicodeCodePoints",\n'
            '      "results": ['
        )
        self._results = 0
        self._rulesets: set[str] = set()
        self._errors: list[tuple[str, str]] = []

    def document(self, report: Report) -> None:
        if report.status is Status.ERROR or report.ruleset is None:
            self._errors.append((report.path, report.error or ""))
            return
        self._rulesets.add(report.ruleset.id)
        for finding in report.findings:
            self.out.write(",\n" if self._results else "\n")
            self.out.write(_dumps(result(report, finding), "        "))
            self._results += 1

    def end(self, summary: Summary) -> None:
        self.out.write("\n      ]" if self._results else "]")
        invocation = {
            "executionSuccessful": not self._errors,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": f"{path}：{reason}"},
                    "locations": [_location(path)],
                }
                for path, reason in self._errors
            ],
        }
        tool = {"driver": {**self.tool, "rules": self._descriptors()}}
        self.out.write(',\n      "invocations": [\n' + _dumps(invocation, "        "))
        self.out.write('\n      ],\n      "tool": ' + _dumps(tool, "      ").lstrip())
        self.out.write("\n    }\n  ]\n}\n")

    def _descriptors(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for ruleset in sorted(self._rulesets):
            for rule in self.rules(ruleset) if self.rules else ():
                found.setdefault(rule.id, rule_descriptor(rule))
        return [found[rule_id] for rule_id in sorted(found)]
