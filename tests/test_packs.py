"""Meta-tests of the rule packs, and pack validation errors (one line, file:line)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.checks import CHECKS
from checker.cli import main
from checker.engine.check import load_pack
from checker.engine.pack import PackError, pack_names, read

CASES = Path(__file__).parent / "cases"
ISSUE_RULES = {
    "checklist/missing-item",
    "checklist/partial-item",
    "numbering/sequence",
    "numbering/punctuation",
    "numbering/missing-punctuation",
    "numbering/missing-numeral",
    "numbering/mixed-style",
    "numbering/level-skip",
    "numbering/too-deep",
    "enumeration/sequence",
    "meta/title",
    "meta/date-format",
    "meta/deadline",
    "meta/premature-date",
    "meta/plan-year",
    "content/reasons-missing",
    "content/thin-section",
    "content/placeholder",
    "content/stale-slogan",
}


#: Rules added after the issue's list (ids are stable once released).
ADDED_RULES = {"numbering/digit-numeral", "meta/signature"}


def rules_with_cases() -> set[str]:
    rules = set()
    for path in CASES.glob("*.yaml"):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            rules.update(finding[0] for finding in case["findings"])
    return rules


@pytest.mark.parametrize("name", ["fazhi-2019", "fazhi-2015", "gbt9704"])
def test_pack_rules_are_complete(name: str) -> None:
    pack = load_pack(name)
    assert pack.id == name and pack.basis
    covered = rules_with_cases()
    for rule in pack.rules:
        assert rule.check in CHECKS
        assert set(rule.options) <= set(CHECKS[rule.check].DEFAULTS)
        assert rule.message and rule.basis and rule.hint and rule.summary
        assert rule.id in covered, f"{rule.id} has no failing test case"


def test_fazhi_packs_have_every_rule_id_of_the_issue() -> None:
    assert set(pack_names()) >= {"fazhi-2019", "fazhi-2015", "gbt9704"}
    for name in ("fazhi-2019", "fazhi-2015"):
        assert {r.id for r in load_pack(name).rules} == ISSUE_RULES | ADDED_RULES


def test_every_check_type_is_documented() -> None:
    for name, module in CHECKS.items():
        doc = module.__doc__ or ""
        assert "FAIL" in doc and "PASS" in doc and "Options" in doc, name


def test_2015_pack_overrides_severity_but_keeps_options() -> None:
    rule = load_pack("fazhi-2015").rule("checklist/missing-item")
    assert rule.severity == "warning"
    assert "first-responsible" in rule.options["items"]
    assert load_pack("fazhi-2015").required_items == ()


BAD = {
    "option": (
        "  content/thin-section:\n    options:\n      min_lenght: 50\n",
        ':7: 未知选项 "min_lenght"（规则 content/thin-section）',
    ),
    "severity": ("  meta/title:\n    severity: fatal\n", ':6: 级别 "fatal"'),
    "check": (
        "  x/y:\n    check: nope\n    severity: info\n    summary: s\n"
        "    message: m\n    basis: b\n    hint: h\n",
        ':6: 未知检查类型 "nope"',
    ),
    "syntax": ("  meta/title: [unclosed\n", ":6: YAML 语法错误"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_pack_gives_one_line_with_file_and_line(tmp_path: Path, kind: str) -> None:
    body, expected = BAD[kind]
    path = tmp_path / "x.yaml"
    path.write_text(f"id: x\nbasis: b\nextends: fazhi-2019\nrules:\n{body}", "utf-8")
    with pytest.raises(PackError) as caught:
        read(path)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_misspelt_option_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "id: x\nbasis: b\nextends: fazhi-2019\nrules:\n  content/thin-section:\n"
        "    options:\n      min_lenght: 50\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--rules", str(path), "seeds"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "x.yaml:7:" in lines[0] and "min_lenght" in lines[0]
    assert "Traceback" not in result.output
