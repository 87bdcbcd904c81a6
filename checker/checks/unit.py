"""One canonical name per reporting unit, so a supervisor can group reports.

The same unit signs its reports in several ways: 南城街道办事处, 南城街道办 and
南城街道 are one street office; 某县人民政府, 某县政府 and (in a title such as
"某县2020年法治政府建设情况报告") plain 某县 are one county government. The
canonical form is the official name of the organ: ``…街道办事处`` for a street
office, ``…人民政府`` for the government of a 省/市/县/区/镇/乡/旗. Names of
departments (某县司法局) and Party committees are kept as written, spaces and
stray punctuation removed.

PASS (already canonical): 南城街道办事处, 始兴县人民政府, 某县司法局
FAIL -> fixed: 南城街道 -> 南城街道办事处; 某县政府 -> 某县人民政府;
肇东市 -> 肇东市人民政府
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[\s\u3000]+")
_EDGE = re.compile(r"^[|｜_\-—:：,，.。、（(]+|[|｜_\-—:：,，.。、）)]+$")
_STREET = re.compile(r"街道(?:办事处|办)?$")
#: A government named without 人民: 某县政府 (but not 人民政府 itself).
_BARE_GOVERNMENT = re.compile(r"(?<!人民)政府$")
#: A place name alone (from a title): the report is its government's.
_PLACE = re.compile(r"(?:省|市|县|区|镇|乡|旗|自治州|自治县|自治区)$")


def canonical_unit(name: str | None) -> str | None:
    """The canonical name of a unit as written in a report, or None if blank."""
    if not name:
        return None
    unit = _EDGE.sub("", _SPACE.sub("", name))
    if not unit:
        return None
    if _STREET.search(unit):
        return _STREET.sub("街道办事处", unit)
    if _BARE_GOVERNMENT.search(unit):
        return _BARE_GOVERNMENT.sub("人民政府", unit)
    if _PLACE.search(unit):
        return unit + "人民政府"
    return unit


#: Suffixes that name the same unit: the seat of government, its office.
_KEY_SUFFIXES = re.compile(r"(?:人民政府|政府|办事处|街道办|管理委员会|管委会)$")
_KEY_NOISE = re.compile(r"[\s\u3000·•|｜（）()【】\[\]“”\"'：:，,。.、]")


def unit_key(name: str | None) -> str | None:
    """The key one unit's reports are matched by across years (``--previous``,
    the store): 南城街道办事处 -> 南城街道; 某县人民政府 / 某县政府 -> 某县.

    >>> unit_key("某县人民政府") == unit_key("某县政府") == "某县"
    True
    >>> unit_key(" 南城街道办事处 ")
    '南城街道'
    """
    if not name:
        return None
    key = _KEY_NOISE.sub("", unicodedata.normalize("NFKC", name))
    if key.endswith("街道办"):
        key = key[: -len("办")]
    stripped = _KEY_SUFFIXES.sub("", key)
    # "县政府" alone would strip to "县": keep a name that says which unit.
    key = stripped if len(stripped) >= 2 else key
    return key or None
