"""check's everyday conventions: --quiet, --color, -o's last line,
--stdin-filename, --extend-include, the bar's rate and time left."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import seed_path, seed_text

from checker.cli import main
from checker.cli.progress import pace

RED_ERROR = "[\033[31m错误\033[0m]"


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "收件"
    inbox.mkdir()
    shutil.copy(seed_path("002"), inbox / "a.txt")
    shutil.copy(seed_path("003"), inbox / "b.text")  # not a default pattern
    return inbox


def test_o_ends_with_where_and_totals_and_quiet_silences_notices(tmp_path) -> None:
    inbox = folder(tmp_path)
    out = tmp_path / "汇总.csv"
    result = run("check", str(inbox), "--format", "csv", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"提示：跳过 1 个不是报告格式的文件（{inbox / 'b.text'}）；"
        "要检查它们请用 --include",
        f"已写入 {out}：共 1 份（通过 0，不通过 1，无法检查 0）",
    ]
    quiet = run("check", str(inbox), "--format", "csv", "-o", str(out), "-q")
    assert quiet.exit_code == 1 and quiet.stderr == ""
    broken = tmp_path / "收件" / "c.txt"
    broken.write_bytes(b"")
    quiet = run("check", str(inbox), "--format", "csv", "-o", str(out), "--quiet")
    assert quiet.exit_code == 2 and "错误：" in quiet.stderr  # errors still shown


def test_extend_include_adds_to_the_patterns_include_replaces_them(tmp_path) -> None:
    inbox = folder(tmp_path)
    more = run("check", str(inbox), "--format", "json", "--extend-include", "*.text")
    paths = [d["path"] for d in json.loads(more.stdout)["documents"]]
    assert [Path(p).name for p in paths] == ["a.txt", "b.text"]
    only = run("check", str(inbox), "--format", "json", "--include", "*.text")
    paths = [d["path"] for d in json.loads(only.stdout)["documents"]]
    assert [Path(p).name for p in paths] == ["b.text"]


def test_stdin_filename_names_the_piped_report() -> None:
    result = run(
        "check", "--format", "json", "--stdin-filename", "南城.txt", "-",
        stdin=seed_text("002"),
    )  # fmt: skip
    (document,) = json.loads(result.stdout)["documents"]
    assert document["path"] == "南城.txt"
    plain = run("check", "--format", "json", "-", stdin=seed_text("002"))
    assert json.loads(plain.stdout)["documents"][0]["path"] == "<stdin>"


def test_colour_always_never_and_no_color() -> None:
    seed = str(seed_path("002"))
    assert RED_ERROR in run("check", "--color", "always", seed).stdout
    assert "\033[" not in run("check", "--color", "never", seed).stdout
    # auto: not a terminal here, so no colour, NO_COLOR or not
    assert "\033[" not in run("check", seed).stdout
    coloured = run("check", "--color", "always", seed, env={"NO_COLOR": "1"})
    assert RED_ERROR in coloured.stdout  # an explicit flag wins over NO_COLOR
    assert (
        "\033["
        not in run("check", "--format", "json", "--color", "always", seed).stdout
    )


def test_colour_auto_follows_the_terminal_and_no_color() -> None:
    from checker.cli.conventions import use_color

    assert use_color("auto", terminal=True)
    assert not use_color("auto", terminal=False)
    assert not use_color("never", terminal=True)


def test_colour_auto_is_off_under_no_color(monkeypatch) -> None:
    from checker.cli.conventions import use_color

    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", terminal=True)
    assert use_color("always", terminal=False)


def test_pace_is_rate_and_time_left() -> None:
    assert pace(120, 500, 10.0) == " 12.0 份/秒 剩余 0:32"
    assert pace(1, 7201, 1.0) == " 1.0 份/秒 剩余 2:00:00"
    assert pace(0, 10, 0.0) == ""
