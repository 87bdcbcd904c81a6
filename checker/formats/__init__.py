"""Report formats: one writer class per ``--format`` value.

Writer modules are imported on demand, so a single-file check loads only the
one it writes (start-up time counts for a drafter's one-file check).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import TextIO

from checker.engine import Report
from checker.formats.base import RulesLookup, Writer
from checker.formats.summary import Summary, summary_lines

_WRITERS = {
    "text": ("text", "TextWriter"),
    "table": ("table", "TableWriter"),
    "json": ("json_", "JsonWriter"),
    "jsonl": ("json_", "JsonlWriter"),
    "csv": ("csv_", "CsvWriter"),
    "csv-findings": ("csv_", "CsvFindingsWriter"),
    "sarif": ("sarif", "SarifWriter"),
    "xlsx": ("xlsx", "XlsxWriter"),
    "html": ("html", "HtmlWriter"),
}
FORMATS = tuple(_WRITERS)
#: Formats that are files, not text: written only with ``-o FILE``.
BINARY_FORMATS = ("xlsx",)

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "Summary",
    "Writer",
    "make_writer",
    "summary_lines",
]


def make_writer(
    fmt: str,
    out: TextIO,
    tool: dict[str, str],
    rules: RulesLookup | None = None,
    names: Sequence[str] = (),
    color: bool = False,
) -> Writer:
    """The writer for ``fmt``; ``names`` (the input paths) lets a table align."""
    module, name = _WRITERS[fmt]
    kind: type[Writer] = getattr(import_module(f"checker.formats.{module}"), name)
    writer = kind(out, tool, rules, names)
    writer.color = color
    return writer


def write_all(
    fmt: str,
    out: TextIO,
    tool: dict[str, str],
    reports: Iterable[Report],
    rules: RulesLookup | None = None,
    names: Sequence[str] = (),
) -> Summary:
    """Write finished ``reports`` whole in ``fmt`` (the command streams its own
    loop to interleave progress; the page, tests and benchmarks use this)."""
    writer = make_writer(fmt, out, tool, rules, names)
    summary = Summary()
    writer.begin()
    for report in reports:
        summary.add(report)
        writer.document(report)
    writer.end(summary)
    return summary
