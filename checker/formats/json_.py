"""``json`` and ``jsonl``: the machine formats of checker/schema/report.schema.json.

``json`` is written in pieces as documents arrive, yet byte for byte what
``json.dumps(report, ensure_ascii=False, indent=2)`` gives for the whole report.
``jsonl`` is one compact document per line, then one summary line.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from checker.formats.base import Writer
from checker.formats.schema import SCHEMA_VERSION
from checker.formats.summary import Summary


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JsonWriter(Writer):
    def begin(self) -> None:
        head = _dumps({"schema_version": SCHEMA_VERSION, "tool": self.tool})
        self.out.write(head[: -len("\n}")] + ',\n  "documents": [')
        self._count = 0

    def document(self, doc: dict[str, Any]) -> None:
        self.out.write(",\n" if self._count else "\n")
        self.out.write(textwrap.indent(_dumps(doc), "    "))
        self._count += 1

    def end(self, summary: Summary) -> None:
        self.out.write("\n  ]" if self._count else "]")
        body = _dumps(summary.to_dict()).replace("\n", "\n  ")
        self.out.write(f',\n  "summary": {body}\n}}\n')


class JsonlWriter(Writer):
    def document(self, doc: dict[str, Any]) -> None:
        self.out.write(_compact(doc) + "\n")

    def end(self, summary: Summary) -> None:
        line = {
            "schema_version": SCHEMA_VERSION,
            "tool": self.tool,
            "summary": summary.to_dict(),
        }
        self.out.write(_compact(line) + "\n")
