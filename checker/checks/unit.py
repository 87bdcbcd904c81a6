"""The canonical name of a reporting unit, so that one unit's reports match.

The same unit signs its reports differently from year to year: 南城街道办事处 /
南城街道, 某县人民政府 / 某县政府, with spaces or full-width letters. Matching
last year's report to this year's (``--previous``, the results store) needs one
key per unit, and so does anything else that groups reports by unit.
"""

from __future__ import annotations

import re
import unicodedata

#: Suffixes that name the same unit: the seat of government, its office.
_SUFFIXES = re.compile(r"(?:人民政府|政府|办事处|街道办|管理委员会|管委会)$")
_NOISE = re.compile(r"[\s\u3000·•|｜（）()【】\[\]“”\"'：:，,。.、]")


def canonical_unit(name: str | None) -> str | None:
    """南城街道办事处 -> 南城街道; 某县人民政府 / 某县政府 -> 某县; None for no name.

    >>> canonical_unit("某县人民政府") == canonical_unit("某县政府") == "某县"
    True
    >>> canonical_unit(" 南城街道办事处 ")
    '南城街道'
    """
    if not name:
        return None
    key = _NOISE.sub("", unicodedata.normalize("NFKC", name))
    if key.endswith("街道办"):
        key = key[: -len("办")]
    stripped = _SUFFIXES.sub("", key)
    # "县政府" alone would strip to "县": keep a name that says which unit.
    key = stripped if len(stripped) >= 2 else key
    return key or None
