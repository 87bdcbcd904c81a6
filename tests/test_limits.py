"""rules/limits.yaml says, for every rule of every bundled pack, what it does
not catch (issue 15); README lists the same rules."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

from checker.engine.check import load_pack

LIMITS = yaml.safe_load((ROOT / "rules" / "limits.yaml").read_text(encoding="utf-8"))
PACKS = ("fazhi-2019", "fazhi-2015", "gbt9704")


def test_every_rule_has_a_chinese_limit_and_nothing_else() -> None:
    rules = {rule.id for name in PACKS for rule in load_pack(name).rules}
    assert set(LIMITS) == rules
    for rule, text in LIMITS.items():
        assert re.search(r"[\u4e00-\u9fff]", text) and len(text) < 200, rule


def test_readme_table_lists_every_limit() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in LIMITS:
        assert f"| `{rule}` |" in readme, rule
