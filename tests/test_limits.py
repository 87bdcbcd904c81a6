"""Every rule of every bundled pack says what it does not catch (its ``limits``),
explain shows it, and the README's table lists the same rules (issue 15)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from checker.cli.rules import explain_text
from checker.engine import load_pack, pack_names

RULES = {rule.id: rule for name in pack_names() for rule in load_pack(name).rules}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_chinese_limit(rule_id: str) -> None:
    text = RULES[rule_id].limits
    assert re.search(r"[\u4e00-\u9fff]", text) and len(text) < 200, rule_id


def test_explain_shows_the_limit() -> None:
    pack = load_pack("fazhi-2019")
    rule = pack.rule("content/thin-section")
    assert f"不能发现：{rule.limits}" in explain_text(rule, pack)


def test_readme_table_lists_every_limit() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert f"| `{rule_id}` | {rule.limits} |" in readme, rule_id
