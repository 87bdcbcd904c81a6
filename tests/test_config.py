"""--select/--ignore/--severity and configuration files, as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed_path

from checker.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def rules_in(result) -> set[str]:
    (document,) = json.loads(result.output)["documents"]
    return {finding["rule"] for finding in document["findings"]}


def seed_json(*args: str, prefix: str = "001"):
    return run("check", "--format", "json", *args, str(seed_path(prefix)))


def test_select_ignore_and_severity_flags() -> None:
    everything = rules_in(seed_json())
    assert {"numbering/missing-numeral", "numbering/mixed-style"} <= everything
    only = rules_in(seed_json("--select", "numbering,meta/title"))
    assert only == {r for r in everything if r.startswith(("numbering/", "meta/title"))}
    fewer = rules_in(seed_json("--ignore", "numbering/missing-numeral"))
    assert fewer == everything - {"numbering/missing-numeral"}
    softer = seed_json("--severity", "content/reasons-missing=info", prefix="002")
    assert softer.exit_code == 0  # its only error was content/reasons-missing
    (document,) = json.loads(softer.output)["documents"]
    assert document["status"] == "pass"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--select", "numbring"),
            "错误：规则包 fazhi-2019 中没有与“numbring”对应的规则",
        ),
        (("--ignore", "meta/titel"), "没有与“meta/titel”对应的规则"),
        (("--severity", "meta/title=fatal"), "级别“fatal”无效"),
        (("--severity", "meta/title"), "--severity 应写作 规则=级别"),
    ],
)
def test_bad_selector_is_one_line_before_any_file_is_read(args, message) -> None:
    result = run("check", *args, "no-such-file.txt")  # never read
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fazhi_toml_found_upward_and_flags_override(tmp_path, monkeypatch) -> None:
    write(tmp_path / "fazhi.toml", 'ignore = ["numbering"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert not any(r.startswith("numbering/") for r in rules_in(seed_json()))
    # the flag replaces the file's value
    assert "numbering/missing-numeral" in rules_in(seed_json("--ignore", "meta"))
    assert "numbering/missing-numeral" in rules_in(seed_json("--no-config"))


def test_nearest_file_wins_and_fazhi_toml_before_pyproject(
    tmp_path, monkeypatch
) -> None:
    write(tmp_path / "fazhi.toml", 'ignore = ["numbering"]\n')
    write(
        tmp_path / "sub" / "pyproject.toml", '[tool.fazhi-check]\nselect = ["meta"]\n'
    )
    monkeypatch.chdir(tmp_path / "sub")
    assert {r.split("/")[0] for r in rules_in(seed_json())} == {"meta"}
    write(tmp_path / "sub" / "fazhi.toml", 'select = ["numbering/mixed-style"]\n')
    assert rules_in(seed_json()) == {"numbering/mixed-style"}


def test_pyproject_without_the_table_is_passed_over(tmp_path, monkeypatch) -> None:
    write(tmp_path / "fazhi.toml", 'select = ["meta"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    monkeypatch.chdir(tmp_path / "sub")
    assert {r.split("/")[0] for r in rules_in(seed_json())} == {"meta"}


def test_config_option_severity_table_and_fail_on(tmp_path) -> None:
    config = write(
        tmp_path / "x.toml",
        '[severity]\n"content/reasons-missing" = "info"\n',
    )
    assert seed_json("--config", str(config), prefix="002").exit_code == 0
    write(config, 'fail-on = "warning"\nselect = ["numbering/mixed-style"]\n')
    assert seed_json("--config", str(config)).exit_code == 0  # mixed-style: info
    result = seed_json("--config", str(config), "--fail-on", "never")
    assert result.exit_code == 0


def test_paths_in_the_file_are_relative_to_it(tmp_path, monkeypatch) -> None:
    write(
        tmp_path / "cfg" / "my.yaml",
        "id: my\nextends: fazhi-2019\nrules:\n  meta/title:\n    severity: info\n",
    )
    write(tmp_path / "cfg" / "fazhi.toml", 'rules = "my.yaml"\n')
    monkeypatch.chdir(tmp_path / "cfg")
    (document,) = json.loads(seed_json().output)["documents"]
    assert document["ruleset"]["id"] == "my"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'select = ["meta"]\n\ncolour = "always"\n',
            "fazhi.toml:3: 未知的键（colour）",
        ),
        ("jobs = 0\n", "fazhi.toml:1: --jobs 须为 1 到 64 的整数（收到“0”）（jobs）"),
        ('\nfail-on = "often"\n', "fazhi.toml:2: --fail-on 须为"),
        (
            '[severity]\n"meta/title" = "warning"\n"meta/date-format" = "loud"\n',
            "fazhi.toml:3: “meta/date-format”的级别“loud”无效",
        ),
        ('select = "meta"\n', "fazhi.toml:1: 应为文字的列表（select）"),
        (
            'select = [\n  "meta",\n  "numbring",\n]\n',
            "fazhi.toml:3: 规则包 fazhi-2019 中没有与“numbring”对应的规则（select）",
        ),
        (
            '[severity]\n"meta/title" = "info"\n"meta/titel" = "info"\n',
            "fazhi.toml:3: 规则包 fazhi-2019 中没有与“meta/titel”对应的规则",
        ),
        ("select = [\n", "fazhi.toml:1: TOML 语法错误"),
    ],
)
def test_bad_config_is_one_line_with_file_and_line(
    tmp_path, monkeypatch, text, expected
) -> None:
    write(tmp_path / "fazhi.toml", text)
    monkeypatch.chdir(tmp_path)
    result = seed_json()
    assert result.exit_code == 2
    assert expected in result.output and result.output.count("\n") == 1


def test_pyproject_errors_point_inside_its_table(tmp_path, monkeypatch) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.fazhi-check]\nname = "y"\n',
    )
    monkeypatch.chdir(tmp_path)
    result = seed_json()
    assert result.exit_code == 2
    assert "pyproject.toml:5: 未知的键（name）" in result.output


def test_missing_config_file_and_both_flags(tmp_path) -> None:
    result = seed_json("--config", str(tmp_path / "none.toml"))
    assert result.exit_code == 2 and "找不到配置文件" in result.output
    config = write(tmp_path / "x.toml", "")
    result = seed_json("--config", str(config), "--no-config")
    assert result.exit_code == 2 and "不能同时使用" in result.output


def readme_block(first_line: str) -> str:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    return next(block for block in blocks if block.startswith(first_line))


def test_the_readme_examples_are_valid(tmp_path) -> None:
    from checker.cli.check import check
    from checker.cli.config import load
    from checker.cli.waivers import read_waivers

    config = write(tmp_path / "fazhi.toml", readme_block("# fazhi.toml"))
    settings = load(config, check)
    assert settings["ignore"] == ("content/stale-slogan",)
    assert settings["severity"] == ("meta/signature=warning",)
    assert settings["waivers"] == str(tmp_path / "豁免清单.toml")
    waivers = write(tmp_path / "w.toml", readme_block("[[waiver]]"))
    (waiver,) = read_waivers(str(waivers))
    assert waiver.rule == "content/thin-section" and str(waiver.until) == "2025-06-30"
