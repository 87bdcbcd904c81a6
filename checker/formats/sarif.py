"""``sarif``: SARIF 2.1.0 (OASIS), for code-scanning viewers and audit systems.

Results stream as documents arrive; rule metadata for every ruleset used and the
unreadable inputs (as tool execution notifications) follow them, so the tool
object is written last. Columns count Unicode code points.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any
from urllib.parse import quote

from checker.formats.base import Writer
from checker.formats.summary import Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _dumps(value: Any, prefix: str) -> str:
    return textwrap.indent(json.dumps(value, ensure_ascii=False, indent=2), prefix)


def artifact(path: str) -> dict[str, str]:
    return {"uri": quote(path.replace("\\", "/"), safe="/:")}


def _location(path: str) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact(path)}}


def result(doc: dict[str, Any], finding: dict[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact(doc["path"])}
    if finding.get("line"):
        region = {"startLine": finding["line"]}
        if finding.get("column"):
            region["startColumn"] = finding["column"]
        if finding.get("text"):
            region["snippet"] = {"text": finding["text"]}
        location["region"] = region
    return {
        "ruleId": finding["rule"],
        "level": LEVELS.get(finding["severity"], "note"),
        "message": {"text": finding["message"]},
        "locations": [{"physicalLocation": location}],
        "properties": {"ruleset": doc["ruleset"]["id"], "hint": finding.get("hint")},
    }


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """SARIF reportingDescriptor from a pack rule (id, check, severity, message ...)."""
    basis = getattr(rule, "basis", None) or ""
    message = str(
        getattr(rule, "summary", "") or getattr(rule, "message", "") or rule.id
    )
    full = f"{message}（依据：{basis}）" if basis else message
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": message},
        "fullDescription": {"text": full},
        "help": {"text": getattr(rule, "hint", None) or message},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "note")},
        "properties": {"basis": basis, "check": getattr(rule, "check", None)},
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

    def document(self, doc: dict[str, Any]) -> None:
        if doc["status"] == "error":
            self._errors.append((doc["path"], doc.get("error", "")))
            return
        self._rulesets.add(doc["ruleset"]["id"])
        for finding in doc["findings"]:
            self.out.write(",\n" if self._results else "\n")
            self.out.write(_dumps(result(doc, finding), "        "))
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
