"""Report formats: one writer class per ``--format`` value."""

from __future__ import annotations

from typing import TextIO

from checker.formats.base import RulesLookup, Writer
from checker.formats.json_ import JsonlWriter, JsonWriter
from checker.formats.sarif import SarifWriter
from checker.formats.summary import Summary, summary_lines
from checker.formats.table import CsvWriter, TableWriter
from checker.formats.text import TextWriter

WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter,
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "sarif": SarifWriter,
}
FORMATS = tuple(WRITERS)

__all__ = ["FORMATS", "WRITERS", "Summary", "Writer", "make_writer", "summary_lines"]


def make_writer(
    fmt: str, out: TextIO, tool: dict[str, str], rules: RulesLookup | None = None
) -> Writer:
    return WRITERS[fmt](out, tool, rules)
