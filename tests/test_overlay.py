"""Narrowing a pack for one run, inherited basis, and the regime a pack follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_path, seed_text

from checker.engine import Overlay, PackError, check_document, load_pack
from checker.source import Source


def rules_of(report) -> set[str]:
    return {finding.rule for finding in report.findings}


def seed(prefix: str, **kwargs):
    return check_document(Source(str(seed_path(prefix)), seed_text(prefix)), **kwargs)


def test_select_an_area_and_ignore_one_rule() -> None:
    everything = rules_of(seed("001"))
    assert {"numbering/missing-numeral", "meta/title"} <= everything
    only = seed("001", overlay=Overlay(select=("numbering",)))
    assert rules_of(only) == {r for r in everything if r.startswith("numbering/")}
    fewer = seed("001", overlay=Overlay(ignore=("numbering/missing-numeral",)))
    assert rules_of(fewer) == everything - {"numbering/missing-numeral"}


def test_severity_override_changes_the_verdict() -> None:
    report = seed("002")  # fails on content/reasons-missing only
    assert report.status == "fail"
    softer = seed(
        "002", overlay=Overlay(severities=(("content/reasons-missing", "warning"),))
    )
    assert softer.status == "pass"
    (finding,) = [f for f in softer.findings if f.rule == "content/reasons-missing"]
    assert finding.severity == "warning"


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        (Overlay(select=("numbring",)), "没有与“numbring”对应的规则"),
        (Overlay(ignore=("meta/titel",)), "没有与“meta/titel”对应的规则"),
        (Overlay(severities=(("meta/title", "fatal"),)), "级别“fatal”无效"),
    ],
)
def test_a_selector_that_matches_nothing_is_an_error(overlay, message) -> None:
    with pytest.raises(PackError, match=message):
        load_pack("fazhi-2019", overlay)


def test_an_extending_pack_inherits_the_basis(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\nextends: fazhi-2019\n", "utf-8")
    assert load_pack(str(path)).basis == load_pack("fazhi-2019").basis


def test_a_custom_pack_of_the_wrong_regime_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\nextends: fazhi-2019\n", "utf-8")
    report = seed("001", rules=str(path))  # a 2016 report, a 2019-regime pack
    assert "2016年度的报告应适用 fazhi-2015，所选规则包 mine 基于 fazhi-2019" in (
        report.ruleset.basis
    )
    same = seed("002", rules=str(path))  # a 2023 report: nothing to say
    assert "注意" not in same.ruleset.basis
