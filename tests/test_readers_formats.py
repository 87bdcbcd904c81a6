"""Acceptance: each seed as .docx (typed / Word-numbered), GBK .html and .pdf.

Every variant must give the same tree (kinds, levels, numbers, marker styles,
defects, titles) and the same metadata as the seed's .txt, line numbers apart
(a .docx counts paragraphs and drops blank lines). The one difference the
format itself makes: Word prints its automatic level-2 marker as （一） with
full-width brackets, so where a seed typed (一) the half-width-bracket defect
disappears (and a mixed-bracket defect may appear beside typed (1) markers).
The Word-numbered variant is therefore compared with the text Word displays,
and with the .txt on levels and numbers only.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import seed_text
from readers_fixtures import (
    corrupt_docx,
    docx_auto,
    docx_typed,
    html_gbk,
    pdf_a4,
    pdf_of,
    scanned_pdf,
    zip_bomb,
)

from checker.cli import main
from checker.formats.json_ import meta_json
from checker.parse.document import parse
from checker.source.decode import InputError, Source
from checker.source.load import load_source

SEEDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def variants() -> dict[str, dict[str, object]]:
    """Every seed in every format, built once for the module (about a second)."""
    built: dict[str, dict[str, object]] = {}
    for seed in SEEDS:
        text = seed_text(seed)
        auto, shown = docx_auto(text)
        built[seed] = {
            "txt": text,
            "shown": shown,
            "docx": docx_typed(text),
            "docx-auto": auto,
            "html": html_gbk(text),
            "pdf": pdf_of(text),
            "pdf-a4": pdf_a4(text),
            "pdf-flush": pdf_a4(text, indent=False),
        }
    return built


def shape(text: str) -> list[tuple]:
    """The tree without line numbers: what must not depend on the format."""
    doc = parse(text)
    return [
        (
            node.kind,
            node.level,
            node.marker.number if node.marker else None,
            node.marker.style if node.marker else None,
            node.marker.defects if node.marker else (),
            node.text.strip(),
        )
        for node in doc.root.walk()
    ]


def meta(text: str) -> dict[str, object]:
    data = meta_json(parse(text).meta)
    return {k: v for k, v in data.items() if not k.endswith("line")}


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_same_tree_as_text(variants, seed: str, fmt: str) -> None:
    variant = variants[seed]
    source = load_source(variant[fmt], f"{seed}.{fmt}")
    assert source.format == fmt
    assert source.line_label == ("段" if fmt == "docx" else "行")
    assert shape(source.text) == shape(variant["txt"])
    assert meta(source.text) == meta(variant["txt"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_wrapped_a4_pdf_gives_back_the_paragraphs(variants, seed: str) -> None:
    """28 characters a line, first lines indented, a page number under each
    page: the reader joins the wrapped lines again, into exactly the .txt's
    paragraphs, so the tree, metadata and findings are the .txt's."""
    variant = variants[seed]
    source = load_source(variant["pdf-a4"], f"{seed}.pdf")
    assert source.line_label == "段"
    paragraphs = [p.strip() for p in variant["txt"].splitlines() if p.strip()]
    assert [line.strip() for line in source.text.splitlines()] == paragraphs
    assert shape(source.text) == shape(variant["txt"])
    assert meta(source.text) == meta(variant["txt"])
    assert outcome(source) == outcome(Source(f"{seed}.txt", variant["txt"]))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_wrapped_pdf_without_indents_still_reads_right(variants, seed: str) -> None:
    """No indentation to go by: full lines are joined unless they end a
    sentence or a heading just fills its line. The headings' levels and
    numbers, the checklist and the numbering findings match the .txt."""
    variant = variants[seed]
    source = load_source(variant["pdf-flush"], f"{seed}.pdf")
    assert source.line_label == "段"
    numbers = [s[1:3] for s in shape(source.text) if s[0] == "section"]
    assert numbers == [s[1:3] for s in shape(variant["txt"]) if s[0] == "section"]
    assert meta(source.text) == meta(variant["txt"])
    assert outcome(source) == outcome(Source(f"{seed}.txt", variant["txt"]))


@pytest.mark.parametrize("seed", SEEDS)
def test_word_numbering_gives_same_tree(variants, seed: str) -> None:
    variant = variants[seed]
    source = load_source(variant["docx-auto"], f"{seed}.docx")
    assert source.text == variant["shown"]
    assert shape(source.text) == shape(variant["shown"])
    levels = [(s[1], s[2]) for s in shape(source.text) if s[0] == "section"]
    assert levels == [(s[1], s[2]) for s in shape(variant["txt"]) if s[0] == "section"]
    assert parse(source.text).meta.year == parse(variant["txt"]).meta.year


def outcome(source: Source) -> tuple[list, list]:
    from checker.engine.check import check_document

    report = check_document(source)
    statuses = [(item.id, item.status) for item in report.checklist]
    numbering = sorted(
        (f.rule, f.text, f.message)
        for f in report.findings
        if f.rule.startswith("numbering/")
    )
    return statuses, numbering


@pytest.mark.parametrize("seed", SEEDS)
def test_same_findings_as_text(variants, seed: str) -> None:
    variant = variants[seed]
    expected = outcome(Source(f"{seed}.txt", variant["txt"]))
    for fmt in ("docx", "html", "pdf"):
        assert outcome(load_source(variant[fmt], f"{seed}.{fmt}")) == expected, fmt
    shown = outcome(Source(f"{seed}.txt", variant["shown"]))
    assert outcome(load_source(variant["docx-auto"], f"{seed}.docx")) == shown
    assert shown[0] == expected[0]  # Word's brackets change no checklist status


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (corrupt_docx, "Word 文件已损坏或不是有效的 .docx（"),
        (zip_bomb, "压缩包解压后过大（疑似 zip 炸弹）"),
        (scanned_pdf, "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"),
    ],
)
def test_unreadable_files_give_one_chinese_line(build, reason: str) -> None:
    with pytest.raises(InputError) as info:
        load_source(build(), "坏文件")
    assert info.value.reason.startswith(reason)
    assert "\n" not in info.value.reason


@pytest.fixture(scope="module")
def files(variants, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("formats")
    paths = {}
    for name, data in {
        "report.docx": variants["002"]["docx-auto"],
        "page.txt": variants["000"]["html"],  # a saved page with the wrong extension
        "broken.docx": corrupt_docx(),
    }.items():
        (folder / name).write_bytes(data)
        paths[name] = str(folder / name)
    return paths


def test_outline_of_docx(files) -> None:
    result = CliRunner().invoke(main, ["outline", files["report.docx"]])
    assert result.exit_code == 0, result.output
    assert "〔一级标题〕" in result.output and "段" in result.output
    assert "年度：2023" in result.output


def test_outline_of_html(files) -> None:
    result = CliRunner().invoke(main, ["outline", files["page.txt"]])
    assert result.exit_code == 0, result.output
    assert "一、2018年主要工作情况" in result.output
    assert "〔网页元素〕" in result.output and "<" not in result.output


def test_outline_of_corrupt_docx(files) -> None:
    result = CliRunner().invoke(main, ["outline", files["broken.docx"]])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Word 文件已损坏" in result.stderr and "Traceback" not in result.stderr
