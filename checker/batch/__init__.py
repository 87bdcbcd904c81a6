"""Stage 6, paths -> Reports: discover inputs, check them in killable workers.

Results come back in input order, one at a time, so memory stays flat; nothing
here stops a batch (an unreadable, hanging or crashing input becomes an error
report).
"""

from __future__ import annotations

from checker.batch.discover import DEFAULT_INCLUDE, discover
from checker.batch.packets import expand
from checker.batch.runner import (
    CRASHED,
    Item,
    Options,
    check_all,
    check_item,
    item_name,
)

__all__ = [
    "CRASHED",
    "DEFAULT_INCLUDE",
    "Item",
    "Options",
    "check_item",
    "discover",
    "expand",
    "item_name",
    "check_all",
]
