"""The Python API: check a report file or a text, get the typed Report.

    >>> from checker import check_file, check_text, report_json
    >>> report = check_file("seeds/002_2b84679e482a41b0.txt")
    >>> report.status, [item.status for item in report.checklist]
    >>> report_json(report)  # the schema's ``document`` object, as a dict

Unreadable input raises :class:`checker.source.InputError` (``.reason`` is the
Chinese reason); a broken rule pack raises :class:`checker.engine.PackError`.
Nothing here prints or exits: that is the command line's business.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.engine import Report, check_document
from checker.formats.json_ import report_json as _report_json
from checker.source import Source, load_source, read_path


def check_file(
    path: str | Path,
    *,
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
) -> Report:
    """Read a report in any supported format and check it."""
    name = str(path)
    source = load_source(read_path(Path(path), name), name)
    return check_document(source, rules=rules, year=year, fail_on=fail_on)


def check_text(
    text: str,
    *,
    name: str = "<text>",
    rules: str | None = None,
    year: int | None = None,
    fail_on: str = "error",
) -> Report:
    """Check a report given as text (line numbers count its lines)."""
    return check_document(Source(name, text), rules=rules, year=year, fail_on=fail_on)


def report_json(report: Report) -> dict[str, Any]:
    """The report as the JSON Schema's ``document`` object (schema_version 1)."""
    return _report_json(report)
