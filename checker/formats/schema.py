"""The published JSON Schema of the ``json`` and ``jsonl`` report formats.

``SCHEMA_VERSION`` changes only with a breaking change (a removed or renamed key,
a changed type); adding an optional key keeps it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    """The schema of a whole ``--format json`` report."""
    text = (
        resources.files(__package__)
        .joinpath("report.schema.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def jsonl_line_schema() -> dict[str, Any]:
    """The schema of one line of ``--format jsonl``: a document or the summary line."""
    schema = report_schema()
    return {
        "$schema": _DIALECT,
        "$defs": schema["$defs"],
        "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/summaryLine"}],
    }
