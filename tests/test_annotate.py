"""``annotate``: a Word copy with one comment per finding, as a drafter opens it."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from annotate_fixtures import (
    anchored,
    comments,
    odt_spans,
    part,
    rich_docx,
    soffice_convert,
    without_comments,
)
from click.testing import CliRunner
from conftest import seed_path, seed_text
from readers_fixtures import docx_auto, docx_typed

from checker.cli import main
from checker.formats.annotate import runs_text
from checker.formats.labels import SEVERITY
from checker.source import load_source

CHANGED = {
    "word/document.xml",
    "word/comments.xml",
    "word/_rels/document.xml.rels",
    "[Content_Types].xml",
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def check_json(path: Path) -> dict:
    return json.loads(run("check", "--format", "json", str(path)).stdout)["documents"][
        0
    ]


def annotate_file(path: Path, *extra: str) -> bytes:
    out = path.with_name(path.stem + "（检查意见）.docx")
    result = run("annotate", str(path), *extra)
    assert result.exit_code in (0, 1), result.output
    assert f"{out}：批注" in result.stdout
    return out.read_bytes()


def expected_comment(finding: dict) -> tuple[str, ...]:
    return (
        f"【{SEVERITY[finding['severity']]}】{finding['message']}",
        f"依据：{finding['basis']}",
        f"修改建议：{finding['hint']}",
        f"规则：{finding['rule']}",
    )


def assert_matches_check(data: bytes, doc: dict, path: Path) -> None:
    """One comment per finding (and the checklist), each anchored on the
    finding's text where it stands as written, else on its paragraph."""
    found = comments(data)
    spans = anchored(data)
    assert set(spans) == set(found)
    checklist = [c for c in found.values() if c[0].startswith("【检查清单】")]
    assert len(checklist) == 1 and checklist[0][-1].startswith("结论：")
    rest = {i: c for i, c in found.items() if not c[0].startswith("【检查清单】")}
    shown = Counter(tuple(c[:3] + [c[4]]) for c in rest.values())
    assert shown == Counter(expected_comment(f) for f in doc["findings"])
    by_text = Counter(spans[i] for i in rest)
    lines = load_source(path.read_bytes(), path.name).text.split("\n")
    for finding in doc["findings"]:
        text = finding["text"].split("\n")[0]
        line = lines[finding["line"] - 1]
        if text and line[finding["column"] - 1 :].startswith(text):
            assert by_text[text] >= 1, finding
        else:  # the paragraph, without Word's list number
            assert any(span and line.endswith(span) for span in by_text), finding


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_comments_match_check_one_to_one(tmp_path, prefix) -> None:
    text_file = tmp_path / seed_path(prefix).name
    text_file.write_bytes(seed_path(prefix).read_bytes())
    word_file = tmp_path / f"{prefix}.docx"
    word_file.write_bytes(docx_auto(seed_text(prefix))[0])
    for path in (text_file, word_file):
        data = annotate_file(path)
        assert_matches_check(data, check_json(path), path)
        assert len(docx.Document(io.BytesIO(data)).comments) == len(comments(data))


def test_anchor_inside_word_numbered_heading_skips_the_number(tmp_path) -> None:
    """Word prints 二、 before the heading; the runs hold only the title."""
    path = tmp_path / "r.docx"
    path.write_bytes(docx_auto(seed_text("003"))[0])
    data = annotate_file(path)
    reasons = next(
        i for i, c in comments(data).items() if c[-1] == "规则：content/reasons-missing"
    )
    assert anchored(data)[reasons] == "存在的主要问题"


def test_rich_word_file_keeps_everything_outside_the_anchors(tmp_path) -> None:
    original = rich_docx()
    path = tmp_path / "报告.docx"
    path.write_bytes(original)
    data = annotate_file(path, "--author", "司法所", "--initials", "SFS")
    assert path.read_bytes() == original  # the input is never written
    doc = check_json(path)
    assert {f["text"] for f in doc["findings"]} >= {"XX", "××", "（此处填写具体数据）"}
    assert_matches_check(data, doc, path)
    with zipfile.ZipFile(io.BytesIO(original)) as before:
        names = before.namelist()
        for name in names:
            if name not in CHANGED:
                assert part(data, name) == before.read(name), name
    with zipfile.ZipFile(io.BytesIO(data)) as after:
        assert after.namelist()[: len(names)] == names
    assert without_comments(part(data, "word/document.xml")) == without_comments(
        part(original, "word/document.xml")
    )
    placeholder = next(c for c in comments(data).values() if "（此处填写" in c[0])
    assert placeholder[3].endswith("（表格第2行第2列）"), placeholder
    comment_xml = part(data, "word/comments.xml").decode()
    assert 'w:author="司法所"' in comment_xml and 'w:initials="SFS"' in comment_xml
    # The split "XX" run keeps its (plain) formatting; the bold 加强 stays bold.
    body = docx.Document(io.BytesIO(data))
    heading = next(p for p in body.paragraphs if "XX" in p.text)
    assert [(r.text, bool(r.bold)) for r in heading.runs if r.text] == [
        ("加强", True),
        ("XX", False),
        ("建设", False),
    ]


def test_paragraphs_are_enumerated_as_the_reader_numbers_them() -> None:
    """Line N of the reader's text is paragraph N of the writer; a numbered
    paragraph's line starts with Word's rendered number, its runs do not."""
    documents = [
        docx_typed(seed_text("001")),
        docx_auto(seed_text("000"))[0],
        docx_auto(seed_text("004"))[0],
        rich_docx(),
    ]
    numbered = 0
    for data in documents:
        lines = load_source(data, "r.docx").text.split("\n")
        runs = runs_text(data)
        assert len(lines) == len(runs)
        for line, own in zip(lines, runs, strict=True):
            if line != own:
                numbered += 1
                assert line.endswith(own) and re.fullmatch(
                    r"[一二三四五六七八九十〇]+、|（[一二三四五六七八九十〇]+）",
                    line[: len(line) - len(own)],
                ), (line, own)
    assert numbered > 10
    rich = load_source(rich_docx(), "r.docx").text.split("\n")
    assert (
        "" in rich and "全年新增制度12项。" in rich and "（此处填写具体数据）" in rich
    )


def test_libreoffice_opens_the_comments(tmp_path) -> None:
    """The real converter: every comment becomes an annotation, with its
    author, and ranged comments keep their range."""
    text_file = tmp_path / "seed.txt"
    text_file.write_bytes(seed_path("003").read_bytes())
    word_file = tmp_path / "rich.docx"
    word_file.write_bytes(rich_docx())
    outputs = []
    for path in (text_file, word_file):
        annotate_file(path)
        outputs.append(path.with_name(path.stem + "（检查意见）.docx"))
    soffice_convert(outputs, "odt", tmp_path / "odt")
    for path in outputs:
        data = path.read_bytes()
        odt = tmp_path / "odt" / (path.stem + ".odt")
        content = part(odt.read_bytes(), "content.xml").decode()
        notes = re.findall(r"<office:annotation\b.*?</office:annotation>", content)
        assert len(notes) == len(comments(data))
        assert all("<dc:creator>法治报告检查</dc:creator>" in n for n in notes)
        assert "列举“三”缺少“是”字" in content or "残留模板占位符" in content
        # ODT writes runs of spaces as <text:s/>: compare without white space
        spans = Counter("".join(t.split()) for t in odt_spans(odt.read_bytes()))
        assert spans == Counter("".join(t.split()) for t in anchored(data).values())


def test_existing_output_needs_force_and_input_is_untouched(tmp_path) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(seed_path("002").read_bytes())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "报告（检查意见）.docx"
    assert run("annotate", str(path)).exit_code == 1
    first = out.read_bytes()
    again = run("annotate", str(path))
    assert again.exit_code == 2
    assert again.stderr == f"错误：{out}：输出文件已存在（加 --force 覆盖）\n"
    assert run("annotate", "--force", str(path)).exit_code == 1
    assert out.read_bytes() == first  # same input, same bytes
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    custom = tmp_path / "批注.docx"
    assert run("annotate", str(path), "-o", str(custom)).exit_code == 1
    assert custom.exists()
    folder = tmp_path / "意见"
    folder.mkdir()
    assert run("annotate", str(path), "-o", str(folder)).exit_code == 1
    assert (folder / "报告（检查意见）.docx").exists()


def test_batch_goes_on_past_bad_inputs(tmp_path) -> None:
    inbox = tmp_path / "收件"
    (inbox / "乡镇").mkdir(parents=True)
    (inbox / "乡镇" / "a.txt").write_bytes(seed_path("003").read_bytes())
    (inbox / "b.docx").write_bytes(docx_typed(seed_text("004")))
    (inbox / "坏.docx").write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path / "批注"
    result = run("annotate", str(inbox), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "坏.docx" in result.stderr
    assert result.stderr.startswith("错误：")
    assert (out / "乡镇" / "a（检查意见）.docx").exists()
    assert (out / "b（检查意见）.docx").exists()
    # annotated copies beside the inputs are never annotated again
    assert run("annotate", str(inbox)).exit_code == 2  # 坏.docx again
    assert run("annotate", str(inbox)).stderr.count("已存在") == 2


def test_same_stem_in_one_run_gets_distinct_copies(tmp_path) -> None:
    (tmp_path / "报告.txt").write_bytes(seed_path("003").read_bytes())
    (tmp_path / "报告.docx").write_bytes(docx_typed(seed_text("003")))
    assert run("annotate", str(tmp_path)).exit_code == 1
    assert (tmp_path / "报告.txt（检查意见）.docx").exists()
    assert (tmp_path / "报告.docx（检查意见）.docx").exists()


def test_pdf_and_web_page_inputs_become_word_files(tmp_path) -> None:
    from readers_fixtures import html_gbk, pdf_a4

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(pdf_a4(seed_text("000")))
    page = tmp_path / "网页.html"
    page.write_bytes(html_gbk(seed_text("004")))
    for path in (pdf, page):
        data = annotate_file(path)
        assert_matches_check(data, check_json(path), path)


def test_a_file_with_comments_keeps_them_and_gets_new_ids(tmp_path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(docx_typed(seed_text("002")))
    once = annotate_file(path)
    again = tmp_path / "again.docx"
    (tmp_path / "copy.docx").write_bytes(once)
    result = run("annotate", str(tmp_path / "copy.docx"), "-o", str(again))
    assert result.exit_code == 1, result.output
    twice = again.read_bytes()
    assert len(comments(twice)) == 2 * len(comments(once))
    assert set(comments(once)) < set(comments(twice))
    assert len(docx.Document(io.BytesIO(twice)).comments) == len(comments(twice))
    assert part(twice, "[Content_Types].xml") == part(once, "[Content_Types].xml")


def test_annotate_narrows_the_pack_like_check(tmp_path) -> None:
    """--ignore/--severity reach annotate too: fewer comments, a changed verdict."""
    from click.testing import CliRunner

    from checker.cli import main

    path = tmp_path / "报告.txt"
    path.write_text(seed_text("003"), encoding="utf-8")
    full = CliRunner().invoke(main, ["annotate", str(path)])
    assert full.exit_code == 1  # content/reasons-missing is an error
    fewer = CliRunner().invoke(
        main, ["annotate", str(path), "--force", "--ignore", "content"]
    )
    assert fewer.exit_code == 0
    count = lambda out: int(out.split("批注 ")[1].split(" 条")[0])  # noqa: E731
    assert count(fewer.stdout) < count(full.stdout)
    bad = CliRunner().invoke(main, ["annotate", str(path), "--select", "nothere"])
    assert bad.exit_code == 2 and "nothere" in bad.stderr
