"""Meta-tests of the rule packs, and pack validation errors (one line, file:line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks import CHECKS
from checker.checks.option import Option
from checker.cli import main
from checker.cli.rules import explain_text
from checker.engine import PackError, load_pack, pack_names
from checker.engine.pack import read

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
#: Rules that compare reports (issue 13): run by checker.batch, not per document.
BATCH_RULES = {
    "batch/duplicate",
    "batch/similar",
    "history/carried-over",
    "config/expired-waiver",
}


@pytest.mark.parametrize("name", ["fazhi-2019", "fazhi-2015", "gbt9704"])
def test_pack_rules_are_complete(name: str) -> None:
    pack = load_pack(name)
    assert pack.id == name and pack.basis
    for rule in pack.rules:
        assert rule.check in CHECKS
        assert set(rule.options) == set(CHECKS[rule.check].OPTIONS)
        assert rule.message and rule.basis and rule.hint and rule.summary


def test_fazhi_packs_have_every_rule_id_of_the_issue() -> None:
    assert set(pack_names()) >= {"fazhi-2019", "fazhi-2015", "gbt9704"}
    for name in ("fazhi-2019", "fazhi-2015"):
        assert {
            r.id for r in load_pack(name).rules
        } == ISSUE_RULES | ADDED_RULES | BATCH_RULES


def test_every_check_type_declares_options_and_args() -> None:
    for name, module in CHECKS.items():
        assert module.__doc__, name
        for option, kind in module.OPTIONS.items():
            assert isinstance(kind, Option), (name, option)
            kind.convert(kind.default)  # the defaults pass their own validation
        assert all(isinstance(v, str) and v for v in module.ARGS.values()), name


@pytest.mark.parametrize("name", ["fazhi-2019", "fazhi-2015", "gbt9704"])
def test_every_rule_renders_without_unfilled_placeholders(name: str) -> None:
    """Each rule's texts filled with exactly the args its check declares."""
    for rule in load_pack(name).rules:
        args = {key: f"«{key}»" for key in rule.args}
        for text in (
            rule.render(rule.message, args),
            rule.render(rule.hint, args),
            rule.describe(rule.hint),
            rule.summary,
            rule.basis,
        ):
            assert "{" not in text and "}" not in text, (rule.id, text)


@pytest.mark.parametrize("name", ["fazhi-2019", "fazhi-2015"])
def test_explain_shows_each_rule_firing_on_its_own_example(name: str) -> None:
    pack = load_pack(name)
    for rule in pack.rules:
        text = explain_text(rule, pack)
        assert "→" in text, rule.id  # the failing example triggers the rule
        assert not re.search(r"\{[a-z_]+\}|〈|\['|'\]", text), (rule.id, text)
        failing = text.split("不合规示例：")[1].split("→")[0]
        assert re.search(r"[\u4e00-\u9fff]", failing), rule.id  # a Chinese example


def test_2015_pack_overrides_severity_but_keeps_options() -> None:
    rule = load_pack("fazhi-2015").rule("checklist/missing-item")
    assert rule.severity == "warning"
    assert rule.options["status"] == "missing"
    pack = load_pack("fazhi-2015")
    assert pack.required_items == () and "first-responsible" in pack.expected_items


HEAD = "id: x\nbasis: b\nextends: fazhi-2019\nrules:\n"
RULE = (
    "    check: title\n    severity: info\n    summary: s\n    basis: b\n    hint: h\n"
)
#: A broken pack body (after HEAD) -> what its one-line error must say.
BAD = {
    "option": (
        "  content/thin-section:\n    options:\n      min_lenght: 50\n",
        ":7: 未知选项（该检查类型的选项：min_length）"
        "（rules.content/thin-section.options.min_lenght）",
    ),
    "option-value": (
        "  content/thin-section:\n    options:\n      min_length: many\n",
        ":7: 选项值有误：应为0—100000 的整数",
    ),
    "bad-regex": (
        "  content/reasons-missing:\n    options:\n      keywords: '原因(|'\n",
        ":7: 选项值有误：正则表达式有误",
    ),
    "bad-defect": (
        "  numbering/punctuation:\n    options:\n      defects: [punctuatoin]\n",
        ":7: 选项值有误：第1项“punctuatoin”无效",
    ),
    "severity": ("  meta/title:\n    severity: fatal\n", ":6: 级别应为"),
    "check": (
        "  x/y:\n    check: nope\n" + RULE.split("\n", 1)[1] + "    message: m\n",
        ":6: 未知检查类型“nope”",
    ),
    "check-list": ("  meta/title:\n    check: [a]\n", ":6: 缺少字段 check 或不是文字"),
    "syntax": ("  meta/title: [unclosed\n", ":6: YAML 语法错误"),
    "placeholder": (
        "  meta/title:\n    message: 标题{titel}有误\n",
        ":6: 该检查类型不提供参数“{titel}”（可用：{text}、{problem}）"
        "（rules.meta/title.message）",
    ),
    "format-spec": (
        "  meta/title:\n    message: '{text:>2000000000}'\n",
        ":6: 模板只能使用 {参数名} 形式",
    ),
    "placeholder-in-basis": (
        "  meta/title:\n    basis: 依据{problem}\n",
        ":6: 此处不能使用参数“{problem}”",
    ),
    "python-tag": (
        "  meta/title:\n    message: !!python/name:os.system x\n",
        ":6: 不支持的 YAML 标签",
    ),
    "rule-id": ("  Meta_Title:\n" + RULE + "    message: m\n", ":5: 规则编号应为"),
    "duplicate-key": (
        "  meta/title:\n    severity: info\n    severity: error\n",
        ":7: 键重复",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_pack_gives_one_line_with_file_and_line(tmp_path: Path, kind: str) -> None:
    body, expected = BAD[kind]
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + body, "utf-8")
    with pytest.raises(PackError) as caught:
        read(path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(path)) or "x.yaml:" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_misspelt_item_id_is_a_pack_error(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(HEAD.replace("rules:\n", "required_items: [measure]\n"), "utf-8")
    with pytest.raises(PackError, match=r"x\.yaml:4: 未知清单项“measure”"):
        read(path)


def test_nested_aliases_are_refused_quickly(tmp_path: Path) -> None:
    """A billion-laughs pack: 405 bytes that would expand to 10^9 nodes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nbasis: b\n" + "\n".join(lines) + "\n", "utf-8")
    with pytest.raises(PackError, match="YAML 别名展开过大"):
        read(path)


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nbasis: b\nrules: &r\n  a/b: *r\n", "utf-8")
    with pytest.raises(PackError, match=r"x\.yaml:\d+: "):
        read(path)


def test_a_long_extends_chain_is_refused(tmp_path: Path) -> None:
    for n in range(30):
        parent = f"extends: p{n + 1}.yaml\n" if n < 29 else ""
        (tmp_path / f"p{n}.yaml").write_text(f"id: p{n}\nbasis: b\n{parent}", "utf-8")
    with pytest.raises(PackError, match="extends 层数超过 8"):
        read(tmp_path / "p0.yaml")


def test_extends_resolves_from_the_pack_folder(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "base.yaml").write_text(
        "id: base\nbasis: b\nextends: fazhi-2019\n", "utf-8"
    )
    (folder / "mine.yaml").write_text(
        "id: mine\nbasis: b\nextends: ./base.yaml\nrules:\n"
        "  meta/title:\n    severity: error\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)  # not the pack's folder
    pack = read(folder / "mine.yaml")
    assert pack.rule("meta/title").severity == "error"
    assert pack.rule("numbering/sequence") is not None


def test_extends_never_reads_a_file_that_is_not_a_pack(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secrethash:19000:0:99999:7:::\n", "utf-8")
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nbasis: b\nextends: ./shadow\n", "utf-8")
    with pytest.raises(PackError) as caught:
        read(path)
    assert "x.yaml:3:" in str(caught.value) and ".yaml" in str(caught.value)
    assert "secrethash" not in str(caught.value)


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
    assert lines[0].startswith("错误：")
    assert "Traceback" not in result.output
