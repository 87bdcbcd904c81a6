"""Is decoded text Chinese, and if not, which encoding was it?

Every two-byte Big5, Shift_JIS or EUC-KR file also decodes under GB18030,
into characters that exist but make no sense (关于 in Big5 reads 闽); scored
as a report it would just be "missing" everything. Real Chinese prose is a
quarter made of its hundred most frequent characters (的一是不了在人有…);
such mojibake is almost none of it. Below :data:`MIN_COMMON`, charset-normalizer
(which knows the byte patterns and frequencies of these encodings) names the
encoding: Big5 is decoded (traditional-character mirrors of reports exist),
Japanese and Korean text is refused, since it is not a report to check.
"""

from __future__ import annotations

import re
from functools import cache

#: Share of CJK characters among the 100 most frequent in Chinese; the seeds
#: score 0.28, traditional text 0.30, GB18030-read Big5 or Shift_JIS 0.00-0.02,
#: EUC-KR 0.05.
MIN_COMMON = 0.10
#: Fewer CJK characters than this say nothing either way.
MIN_SAMPLE = 40
SAMPLE = 20000  # characters looked at; the start of a report is enough
_CHINESE = ("big5", "cp950", "big5hkscs", "gb18030", "gbk", "gb2312", "hz")
_FOREIGN = {
    "Japanese": "日文",
    "Korean": "韩文",
}


_CJK = re.compile("[\u4e00-\u9fff]")


@cache
def _common() -> re.Pattern[str]:
    from charset_normalizer.constant import FREQUENCIES

    return re.compile("[" + "".join(FREQUENCIES["Chinese"]) + "]")


def plausible(text: str) -> bool:
    """Whether text decoded with a CJK codec reads as Chinese."""
    sample = text[:SAMPLE]
    cjk = len(_CJK.findall(sample))
    if cjk < MIN_SAMPLE:
        return True
    return len(_common().findall(sample)) >= MIN_COMMON * cjk


def redetect(data: bytes) -> tuple[str | None, str]:
    """``(encoding, "")`` for Chinese text in another encoding, or
    ``(None, reason)`` with a Chinese reason to refuse it."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: SAMPLE * 2]).best()
    if best is None:
        return None, "无法识别文件编码（按 GB18030 解码是乱码，也不像其他已知编码）"
    encoding = best.encoding
    language = best.language
    if language in _FOREIGN or encoding in ("shift_jis", "cp932", "euc_jp", "euc_kr"):
        name = _FOREIGN.get(language, "")
        return None, (
            f"文件编码为 {encoding}{f'（{name}）' if name else ''}，"
            "不是中文报告，未检查"
        )
    if encoding in _CHINESE:
        return encoding, ""
    return None, f"无法识别文件编码（疑似 {encoding}，按 GB18030 解码是乱码）"
