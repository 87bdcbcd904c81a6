"""``sarif``: SARIF 2.1.0 (OASIS), for code-scanning viewers and audit systems.

Results stream as documents arrive; rule metadata for every ruleset used and the
unreadable inputs (as tool execution notifications) follow them, so the tool
object is written last. Columns count Unicode code points.

A batch may mix packs (a 2016 report is judged by fazhi-2015, a 2023 one by
fazhi-2019: same rule ids, other severities and texts). Each pack used is a
``tool.extensions`` tool component with its own rules, in order of first use,
and each result references its pack's component and rule by name and index;
``driver.rules`` keeps one descriptor per rule id (the first pack's) for
viewers that read only the driver. ``partialFingerprints`` carry the finding's
line-independent fingerprint (checker.engine.baseline). There is no
``helpUri``: the rules have no public documentation page; ``help`` holds the
text (and markdown) of ``fazhi-check explain``.
"""

from __future__ import annotations

import json
import os
import textwrap
from typing import Any
from urllib.parse import quote

from checker.engine import Finding, Report, Rule, Status
from checker.engine.baseline import fingerprint
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


#: The key of partialFingerprints: rule, section path, normalised text.
FINGERPRINT = "fazhiFinding/v1"


def result(
    report: Report, finding: Finding, where: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One result; ``where`` is its rule's reference into a pack component."""
    location: dict[str, Any] = {"artifactLocation": artifact(report.path)}
    if finding.line:
        region: dict[str, Any] = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        if finding.text:
            region["snippet"] = {"text": finding.text}
        location["region"] = region
    ruleset = report.ruleset.id if report.ruleset else None
    found: dict[str, Any] = {"ruleId": finding.rule}
    if where:
        found["rule"] = where
    return {
        **found,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding)},
        "properties": {"ruleset": ruleset, "hint": finding.hint},
    }


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """SARIF reportingDescriptor: rule-level texts, arguments named, not filled."""
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary}（依据：{rule.basis}）"},
        "help": {"text": rule.describe(rule.hint), "markdown": _markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"basis": rule.basis, "check": rule.check},
    }


def _markdown(rule: Rule) -> str:
    parts = [
        f"**{rule.summary}**",
        f"依据：{rule.basis}",
        f"修改：{rule.describe(rule.hint)}",
    ]
    if rule.limits:
        parts.append(f"不能发现：{rule.limits}")
    parts.append(f"详见 `fazhi-check explain {rule.id}`")
    return "\n\n".join(parts)


class SarifWriter(Writer):
    def begin(self) -> None:
        self.out.write(
            f'{{\n  "$schema": "{SARIF_SCHEMA}",\n  "version": "2.1.0",\n'
            '  "runs": [\n    {\n      "columnKind": "unicodeCodePoints",\n'
            '      "results": ['
        )
        self._results = 0
        #: pack id -> its rules as SARIF lists them, in order of first use.
        self._packs: dict[str, list[Rule]] = {}
        self._errors: list[tuple[str, str]] = []

    def document(self, report: Report) -> None:
        if report.status is Status.ERROR or report.ruleset is None:
            self._errors.append((report.path, report.error or ""))
            return
        pack = report.ruleset.id
        if pack not in self._packs:
            rules = self.rules(pack) if self.rules else []
            self._packs[pack] = sorted(rules, key=lambda rule: rule.id)
        for finding in report.findings:
            self.out.write(",\n" if self._results else "\n")
            where = self._reference(pack, finding.rule)
            self.out.write(_dumps(result(report, finding, where), "        "))
            self._results += 1

    def _reference(self, pack: str, rule_id: str) -> dict[str, Any] | None:
        ids = [rule.id for rule in self._packs[pack]]
        if rule_id not in ids:
            return None
        return {
            "id": rule_id,
            "index": ids.index(rule_id),
            "toolComponent": {"name": pack, "index": list(self._packs).index(pack)},
        }

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
        tool = {
            "driver": {**self.tool, "rules": self._descriptors()},
            "extensions": [
                {"name": pack, "rules": [rule_descriptor(r) for r in rules]}
                for pack, rules in self._packs.items()
            ],
        }
        self.out.write(',\n      "invocations": [\n' + _dumps(invocation, "        "))
        self.out.write('\n      ],\n      "tool": ' + _dumps(tool, "      ").lstrip())
        self.out.write("\n    }\n  ]\n}\n")

    def _descriptors(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for rules in self._packs.values():
            for rule in rules:
                found.setdefault(rule.id, rule_descriptor(rule))
        return [found[rule_id] for rule_id in sorted(found)]
