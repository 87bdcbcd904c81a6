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
    """Base writer: ``begin``, then ``document`` per document, then ``end``."""

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

    def begin(self) -> None:
        """Write whatever precedes the first document."""

    def document(self, report: Report) -> None:
        raise NotImplementedError

    def end(self, summary: Summary) -> None:
        """Write whatever follows the last document."""
