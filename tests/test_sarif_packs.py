"""SARIF for a batch judged by two packs: per-pack rule metadata as tool
extensions, results pointing at theirs, help in markdown, fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from conftest import seed_path

from checker.cli import main
from checker.engine.baseline import fingerprint
from checker.engine.report import Finding

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def sarif(*paths: str) -> dict:
    result = CliRunner().invoke(
        main, ["check", "--format", "sarif", "--no-similarity", "-j", "1", *paths]
    )
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_a_2016_and_a_2023_report_each_point_at_their_pack() -> None:
    log = sarif(str(seed_path("001")), str(seed_path("002")))  # 2016, 2023
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    packs = run["tool"]["extensions"]
    assert [p["name"] for p in packs] == ["fazhi-2015", "fazhi-2019"]
    used = set()
    for found in run["results"]:
        reference = found["rule"]
        pack = packs[reference["toolComponent"]["index"]]
        assert pack["name"] == reference["toolComponent"]["name"]
        assert pack["name"] == found["properties"]["ruleset"]
        descriptor = pack["rules"][reference["index"]]
        assert descriptor["id"] == found["ruleId"] == reference["id"]
        used.add(pack["name"])
    assert used == {"fazhi-2015", "fazhi-2019"}
    missing = {
        p["name"]: next(r for r in p["rules"] if r["id"] == "checklist/missing-item")
        for p in packs
    }
    # the 2015 outline only recommends the items; 2019's regulation requires them
    assert missing["fazhi-2015"]["defaultConfiguration"]["level"] == "warning"
    assert missing["fazhi-2019"]["defaultConfiguration"]["level"] == "error"
    assert (
        missing["fazhi-2015"]["fullDescription"]
        != missing["fazhi-2019"]["fullDescription"]
    )


def test_help_markdown_fingerprints_and_no_help_uri() -> None:
    log = sarif(str(seed_path("002")))
    run = log["runs"][0]
    (pack,) = run["tool"]["extensions"]
    for descriptor in pack["rules"]:
        assert descriptor["help"]["markdown"].startswith("**")
        assert (
            f"fazhi-check explain {descriptor['id']}" in descriptor["help"]["markdown"]
        )
        assert "helpUri" not in descriptor
    marks = [r["partialFingerprints"]["fazhiFinding/v1"] for r in run["results"]]
    assert all(len(mark) == 32 for mark in marks)


def test_fingerprint_ignores_lines_width_and_spacing() -> None:
    def at(line: int, text: str) -> Finding:
        return Finding(line, 1, "numbering/mixed-style", "info", text, "m", "b", "h",
                       section="一、/(一)")  # fmt: skip

    assert fingerprint(at(3, "(一)")) == fingerprint(at(40, "（一） "))
    assert fingerprint(at(3, "(一)")) != fingerprint(at(3, "(二)"))
