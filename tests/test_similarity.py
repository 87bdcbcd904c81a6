"""Copies within a batch: byte-identical (batch/duplicate) and near-identical
(batch/similar) reports among the seeds and unrelated ones, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, seed_text
from copies import paragraphs, report

from checker.cli import main


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def rewrite_lines(text: str, first: int, last: int, seed: int) -> str:
    """``text`` with lines first..last (1-based) replaced by new paragraphs."""
    lines = text.splitlines()
    fresh = paragraphs(seed, last - first + 1)
    return "\n".join(lines[: first - 1] + fresh + lines[last:]) + "\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds, and: 000 with the unit renamed; 002 byte for byte; 003
    with one section (存在的主要问题, lines 25-31) rewritten; 003 with its
    biggest section (the measures, lines 7-23) rewritten; two unrelated
    made-up reports."""
    root = tmp_path_factory.mktemp("batch")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root)
    (root / "a_renamed.txt").write_text(seed_text("000").replace("南城", "北山"))
    shutil.copy(next(SEEDS.glob("002_*")), root / "b_same_bytes.txt")
    (root / "c_problems_rewritten.txt").write_text(
        rewrite_lines(seed_text("003"), 25, 31, seed=7)
    )
    (root / "d_measures_rewritten.txt").write_text(
        rewrite_lines(seed_text("003"), 7, 23, seed=8)
    )
    (root / "e_other.txt").write_text(report("东湖镇", 2023, seed=1))
    (root / "f_other.txt").write_text(report("西岭乡", 2023, seed=2))
    return root


def matches(root: Path) -> dict[str, list[tuple[str, str, float]]]:
    result = check(str(root), "--format", "json", "-j", "2")
    assert result.exit_code == 1, result.output
    documents = json.loads(result.stdout)["documents"]
    return {
        Path(d["path"]).name[:12]: [
            (Path(m["path"]).name[:12], m["kind"], m["share"])
            for m in d.get("similar", [])
        ]
        for d in documents
    }


def test_exactly_the_copies_are_flagged_with_their_partners(batch: Path) -> None:
    found = matches(batch)
    flagged = {
        name: [(other, kind) for other, kind, _ in m] for name, m in found.items()
    }
    assert {name: pairs for name, pairs in flagged.items() if pairs} == {
        "000_2c9c4544": [("a_renamed.tx", "similar")],
        "a_renamed.tx": [("000_2c9c4544", "similar")],
        "002_2b84679e": [("b_same_bytes", "duplicate")],
        "b_same_bytes": [("002_2b84679e", "duplicate")],
        "003_f5705995": [("c_problems_r", "similar"), ("d_measures_r", "similar")],
        "c_problems_r": [("003_f5705995", "similar")],
        "d_measures_r": [("003_f5705995", "similar")],
    }


def test_shares_say_how_much_text_is_shared(batch: Path) -> None:
    found = matches(batch)
    assert found["a_renamed.tx"][0][2] == 1.0  # names masked: all text shared
    assert found["b_same_bytes"][0][2] == 1.0
    rewritten, original = found["c_problems_r"][0][2], found["003_f5705995"][0][2]
    # One short section rewritten: most, not all, of each side is shared.
    assert 0.85 <= rewritten < 1.0 and 0.85 <= original < 1.0
    # The measures rewritten (shorter): most of the copy is still 003's text,
    # a minority of 003 is in the copy; either side's share is enough.
    measures_copy = found["d_measures_r"][0][2]
    assert 0.6 <= measures_copy < 0.7
    assert found["003_f5705995"][1] == (
        "d_measures_r",
        "similar",
        pytest.approx(0.39, abs=0.01),
    )


def test_findings_name_the_partner_share_and_passages(batch: Path) -> None:
    result = check(
        str(batch / "a_renamed.txt"),
        str(batch / "e_other.txt"),
        str(next(batch.glob("000_*"))),
        "--format",
        "jsonl",
    )
    docs = [json.loads(line) for line in result.stdout.splitlines()[:-1]]
    (finding,) = [f for f in docs[0]["findings"] if f["rule"] == "batch/similar"]
    assert finding["severity"] == "warning"
    original = batch / next(batch.glob("000_*")).name
    assert finding["message"].startswith(
        f"与“{original}”（南城街道办事处）有100%的文字相同"
    )
    passages = docs[0]["similar"][0]["passages"]
    assert 1 <= len(passages) <= 3
    assert passages[0]["line"] == finding["line"]
    assert passages[0]["other_line"] >= 1 and passages[0]["chars"] > 1000
    assert not [f for f in docs[1]["findings"] if f["rule"].startswith("batch/")]
    summary = json.loads(result.stdout.splitlines()[-1])["summary"]
    assert summary["copies"] == {"duplicate": 0, "similar": 2, "carried_over": 0}


def test_table_and_summary_show_copies(batch: Path) -> None:
    result = check(str(batch), "-j", "1")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    rows = {Path(line.split()[0]).name: line for line in lines}
    assert "雷同" in lines[0] and "上年延续" in lines[0]
    assert " 相同 " in rows["b_same_bytes.txt"]
    assert "100%" in rows["a_renamed.txt"]
    assert "雷同：与同批报告完全相同 2 份，大部分文字相同 5 份" in result.stdout


def test_no_similarity_streams_without_comparing(batch: Path) -> None:
    result = check(str(batch), "--format", "jsonl", "--no-similarity")
    docs = [json.loads(line) for line in result.stdout.splitlines()[:-1]]
    assert not any("similar" in d for d in docs)
    assert "copies" not in json.loads(result.stdout.splitlines()[-1])["summary"]


def test_a_higher_threshold_leaves_the_partial_copy_out(batch: Path) -> None:
    result = check(str(batch), "--format", "json", "--similar-threshold", "0.99")
    docs = json.loads(result.stdout)["documents"]
    flagged = sorted(Path(d["path"]).name[:5] for d in docs if d.get("similar"))
    assert flagged == ["000_2", "002_2", "a_ren", "b_sam"]


def test_the_compared_batch_is_byte_identical_whatever_the_jobs(batch: Path) -> None:
    one = check(str(batch), "--format", "json", "-j", "1")
    two = check(str(batch), "--format", "json", "-j", "2")
    assert one.stdout == two.stdout and '"similar"' in one.stdout
