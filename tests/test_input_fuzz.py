"""Bad input never becomes a traceback: damaged files of every format.

Whatever the bytes, checking one input ends as a report or as an error with a
one-line Chinese reason from the reader, never as the catch-all "检查出错"
(which means a bug in the checker) and never as an exception.
"""

from __future__ import annotations

import io
import os

import pytest
from conftest import seed_text
from hostile import page_declaring, pdf_mapping_to
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_fixtures import docx_typed, html_gbk, pdf_a4

from checker.batch import Options, check_all, check_item, discover, item_name
from checker.formats import FORMATS, write_all

TEXT = seed_text("002")[:3000]
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=list(HealthCheck)
)


@pytest.fixture(scope="module")
def samples() -> dict[str, bytes]:
    return {
        "docx": docx_typed(TEXT),
        "pdf": pdf_a4(TEXT),
        "html": html_gbk(TEXT),
        "txt": TEXT.encode("gb18030"),
    }


def assert_clean(doc: dict) -> None:
    assert doc.status in ("pass", "fail", "error")
    if doc.status == "error":
        assert "\n" not in doc.error
        assert not doc.error.startswith("检查出错"), doc.error


@SETTINGS
@given(
    kind=st.sampled_from(["docx", "pdf", "html", "txt"]),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
    keep=st.floats(0.05, 1),
)
def test_damaged_files_of_every_format(samples, kind, flips, keep) -> None:
    data = bytearray(samples[kind])
    for where, byte in flips:
        data[int(where * (len(data) - 1))] = byte
    data = data[: max(1, int(len(data) * keep))]
    assert_clean(check_item((f"损坏.{kind}", bytes(data)), Options()))


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_clean(check_item(("任意.bin", data), Options()))


# The whole way: hostile names and bytes in a folder, discovered, checked in
# the worker pool and written by every format, N in and N out (issue 17).

NAME = st.binary(min_size=1, max_size=40).filter(
    lambda raw: b"/" not in raw and b"\x00" not in raw
)
CHARSETS = ["hex", "base64", "rot13", "unicode_escape", "undefined", "gbk", "utf-8"]
CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(alphabet=st.characters(codec="gb18030"), max_size=200).map(
        lambda t: ("一、" + t).encode("gb18030")
    ),
    st.tuples(st.sampled_from(CHARSETS), st.text(max_size=100)).map(
        lambda pair: page_declaring(pair[0], pair[1])
    ),
    st.integers(0, 0xFFFF).map(lambda code: pdf_mapping_to(f"{code:04X}")),
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(files=st.dictionaries(NAME, CONTENT, min_size=1, max_size=6))
def test_hostile_names_and_bytes_through_the_batch_and_every_writer(
    tmp_path_factory: pytest.TempPathFactory, files: dict[bytes, bytes]
) -> None:
    folder = os.fsencode(tmp_path_factory.mktemp("fuzz"))
    for index, (name, data) in enumerate(files.items()):
        with open(folder + b"/%d" % index + name + b".txt", "wb") as handle:
            handle.write(data)
    items = discover([os.fsdecode(folder)])
    assert len(items) == len(files)
    reports = list(check_all(items, Options(timeout=30), jobs=2))
    assert len(reports) == len(files)
    for report in reports:
        assert_clean(report)
    names = [item_name(item) for item in items]
    for fmt in FORMATS:
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        tool = {"name": "t", "version": "0"}
        summary = write_all(fmt, out, tool, reports, None, names)
        out.flush()  # strict: nothing unencodable reaches the bytes
    assert summary.count("error") + summary.count("fail") + summary.count(
        "pass"
    ) == len(files)
