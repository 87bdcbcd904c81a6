"""The writer interface every report format implements.

A writer is handed finished reports one at a time, in input order, and writes
as it goes: nothing is kept but running counts. Writers never compute
findings, never touch files other than ``out`` and never decide exit codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from checker.engine import Report, Rule
from checker.formats.summary import Summary

#: Looks up a ruleset id's rules (for SARIF metadata); injected by the command.
RulesLookup = Callable[[str], list[Rule]]


class Writer:
    """Base writer: ``begin``, then ``document`` per document, then ``end``.

    A ``binary`` writer (xlsx) writes bytes to ``out.buffer``, the byte stream
    under the text stream, after flushing ``out``; the command only hands it
    a file (``-o``), never a terminal.
    """

    binary = False
    #: ANSI colour for a terminal (``check --color``); only ``text`` uses it.
    color = False

    def __init__(
        self,
        out: TextIO,
        tool: dict[str, str],
        rules: RulesLookup | None = None,
        names: Sequence[str] = (),
    ) -> None:
        self.out = out
        self.tool = tool
        self.rules = rules
        self.names = names  # the paths of the documents to come, when known
        self._rule_names: dict[str, dict[str, str]] = {}

    def begin(self) -> None:
        """Write whatever precedes the first document."""

    def document(self, report: Report) -> None:
        raise NotImplementedError

    def end(self, summary: Summary) -> None:
        """Write whatever follows the last document."""

    def rule_names(self, summary: Summary) -> dict[str, str]:
        """Rule id -> its Chinese summary, for the packs the batch used."""
        names: dict[str, str] = {}
        for ruleset in sorted(summary.rulesets):
            for rule_id, name in self._pack_names(ruleset).items():
                names.setdefault(rule_id, name)
        return names

    def rule_name(self, report: Report, rule_id: str) -> str:
        """The Chinese summary of a rule of the report's pack ("" if unknown)."""
        if report.ruleset is None:
            return ""
        return self._pack_names(report.ruleset.id).get(rule_id, "")

    def _pack_names(self, ruleset: str) -> dict[str, str]:
        if ruleset not in self._rule_names:
            rules = self.rules(ruleset) if self.rules else []
            self._rule_names[ruleset] = {rule.id: rule.summary for rule in rules}
        return self._rule_names[ruleset]
