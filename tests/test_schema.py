"""The published report schema: valid, shipped in the package, matching real output."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from click.testing import CliRunner
from conftest import SEEDS

from checker.cli import main
from checker.formats.schema import SCHEMA_VERSION, jsonl_line_schema, report_schema


def test_schema_is_valid_draft_2020_12_and_package_data() -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert resources.files("checker.formats").joinpath("report.schema.json").is_file()


def test_json_report_of_the_seeds_validates() -> None:
    args = ["check", str(SEEDS), "--format", "json", "-j", "1"]
    result = CliRunner().invoke(main, args)
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(report_schema()).validate(report)
    assert len(report["documents"]) == 5
    assert report["summary"]["total"] == 5


def test_schema_rejects_a_document_without_status() -> None:
    validator = jsonschema.Draft202012Validator(jsonl_line_schema())
    assert not validator.is_valid({"path": "a.txt"})
    assert not validator.is_valid({"path": "a.txt", "status": "error"})  # no reason
    assert validator.is_valid({"path": "a.txt", "status": "error", "error": "文件为空"})


def test_schema_names_the_items_of_the_one_items_table() -> None:
    from checker.checks.items import ITEM_IDS
    from checker.engine import load_pack

    assert report_schema()["$defs"]["checkItemId"]["enum"] == list(ITEM_IDS)
    assert set(load_pack("fazhi-2019").required_items) <= set(ITEM_IDS)
