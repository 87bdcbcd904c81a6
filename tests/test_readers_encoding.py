"""Encodings GB18030 decodes into nonsense, lying web pages, random bytes."""

from __future__ import annotations

import random

import pytest

from checker.source.decode import InputError
from checker.source.load import load_source

#: A report from a traditional-character mirror site.
TRADITIONAL = (
    "關於2022年度法治政府建設情況的報告\n一、主要舉措和成效\n"
    "（一）堅持黨的領導，認真履行推進法治建設第一責任人職責。縣政府主要負責同志"
    "親自部署、親自過問重要工作，全年召開常務會議學法十二次。\n"
    "二、存在的不足和原因\n一是依法行政意識有待進一步提高；二是執法隊伍建設仍需加強。\n"
)
JAPANESE = (
    "令和4年度法治政府建設状況の報告\n一、主な取り組みと成果\n当市は法に基づく行政を"
    "積極的に推進し、行政執行の監督を強化し、住民の権利を守るために様々な制度を"
    "整えました。今後も引き続き努力してまいります。\n"
)
KOREAN = (
    "2022년 법치정부 건설 상황 보고\n1. 주요 조치와 성과\n우리 시는 법에 따른 행정을 "
    "적극적으로 추진하고 행정 집행의 감독을 강화하였으며 주민의 권익을 보호하기 "
    "위하여 여러 가지 제도를 마련하였다. 앞으로도 계속 노력할 것이다.\n"
)


def test_big5_is_decoded_not_read_as_gb18030() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # it would decode: that is the trap
    source = load_source(data, "繁体.txt")
    assert source.text == TRADITIONAL
    assert source.encoding == "big5"


@pytest.mark.parametrize(
    ("text", "encoding", "language"),
    [(JAPANESE * 3, "shift_jis", "日文"), (KOREAN * 3, "euc_kr", "韩文")],
)
def test_japanese_and_korean_are_refused_with_a_reason(
    text: str, encoding: str, language: str
) -> None:
    with pytest.raises(InputError) as info:
        load_source(text.encode(encoding), "外文.txt")
    assert f"（{language}），不是中文报告，未检查" in info.value.reason
    assert "\n" not in info.value.reason


def test_a_doc_of_random_bytes_is_refused() -> None:
    data = random.Random(17).randbytes(20000)
    with pytest.raises(InputError) as info:
        load_source(data, "报告.doc")
    assert info.value.reason.startswith("不是文本文件")


def test_a_utf8_page_declaring_utf16_is_read_as_utf8() -> None:
    page = (
        '<html><head><meta charset="utf-16"></head>'
        "<body><p>一、总体情况</p></body></html>"
    )
    data = page.encode("utf-8")
    if len(data) % 2:
        data += b" "
    data.decode("utf-16")  # decodes without error, into nonsense
    source = load_source(data, "a.html")
    assert source.text == "一、总体情况"
    assert source.encoding == "utf-8"


def test_a_page_declaring_gb2312_that_is_big5() -> None:
    body = "".join(f"<p>{line}</p>" for line in TRADITIONAL.splitlines())
    page = f"<html><meta charset='gb2312'><body>{body}</body></html>"
    source = load_source(page.encode("big5"), "a.html")
    assert source.text == TRADITIONAL.rstrip("\n")
