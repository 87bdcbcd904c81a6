"""Bad input never becomes a traceback: damaged files of every format.

Whatever the bytes, checking one input ends as a report or as an error with a
one-line Chinese reason from the reader, never as the catch-all "检查出错"
(which means a bug in the checker) and never as an exception.
"""

from __future__ import annotations

import pytest
from conftest import seed_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_fixtures import docx_typed, html_gbk, pdf_a4

from checker.batch import Options, check_item

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
