"""Checking a batch: each input read and checked in a worker process, in order.

Workers read their own files (only paths cross process boundaries) and return
finished reports; the caller consumes them one by one, in input order, so
memory stays flat however many files there are. Nothing here stops a batch: an
unreadable file, a check slower than the timeout or a crashed worker becomes an
``error`` report with a Chinese reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from checker.batch.discover import display_name
from checker.batch.packets import PacketMember, Refused, read_member

if TYPE_CHECKING:
    from checker.engine import Overlay, Report
    from checker.source import Source

#: An input: a path, ("<stdin>", bytes) read by the command beforehand, a
#: report inside a .zip packet, or an input refused before checking.
Item = str | tuple[str, bytes] | PacketMember | Refused
CRASHED = "检查进程异常退出（文件可能触发了程序缺陷）"


@dataclass(frozen=True, slots=True)
class Options:
    """What every check in the batch shares (picklable, sent to workers)."""

    rules: str | None = None
    year: int | None = None
    fail_on: str = "error"
    timeout: float = 60.0
    #: --select/--ignore/--severity (a frozen dataclass of tuples: picklable).
    overlay: Overlay | None = None


def check_item(item: Item, options: Options) -> Report:
    """Read and check one input; never raises (runs in a worker process)."""
    from checker import engine

    try:
        source = read_item(item)
        return engine.check_document(
            source,
            rules=options.rules,
            year=options.year,
            fail_on=options.fail_on,
            overlay=options.overlay,
        )
    except Exception as error:  # a bug must cost one document, not the batch
        return failed_report(item, error)


def failed_report(item: Item, error: Exception) -> Report:
    """The report of an input that could not be read (InputError's reason) or
    that hit a bug (its type and message), sanitised for every output."""
    from checker import engine
    from checker.source.decode import InputError
    from checker.source.load import sanitise

    if isinstance(error, InputError):
        return engine.error_report(item_name(item), sanitise(error.reason))
    reason = f"检查出错（{type(error).__name__}: {error}）"
    return engine.error_report(item_name(item), sanitise(reason).replace("\n", " "))


def read_item(item: Item) -> Source:
    """Read and decode one input; raises InputError."""
    from checker.source.decode import InputError, within_limit
    from checker.source.load import load_source
    from checker.source.path import read_input

    name = item_name(item)
    if isinstance(item, str):
        data = read_input(item, name)
    elif isinstance(item, PacketMember):
        data, name = read_member(item)
    elif isinstance(item, Refused):
        raise InputError(item.name, item.reason)
    else:
        data = within_limit(item[1], name)
    return load_source(data, name)


def check_all(
    items: Sequence[Item], options: Options, jobs: int = 1
) -> Iterator[Report]:
    """Check ``items`` in ``jobs`` worker processes, yielding reports in order.

    Even one job runs in a worker: only a separate process can be killed when
    a check hangs where no signal reaches it, or survive one that crashes.
    """
    from checker.batch import workers

    _warm_up()  # once here, so that every forked worker starts warm
    work = partial(check_item, options=options)
    fail = partial(_failed, options=options)
    yield from workers.map_in_order(
        items, work, fail, jobs, options.timeout, _carries_data
    )


def _failed(item: Item, problem: str, options: Options) -> Report:
    from checker import engine
    from checker.batch import workers

    if problem == workers.TIMEOUT:
        reason = f"检查超时（超过 {options.timeout:g} 秒）"
    else:
        reason = CRASHED
    return engine.error_report(item_name(item), reason)


def _carries_data(item: Item) -> bool:
    return isinstance(item, tuple)  # stdin's bytes, not a path


def item_name(item: Item) -> str:
    """The path a report carries: a file's path as shown, a packet member's
    ``packet.zip!/inner``, or "<stdin>"."""
    if isinstance(item, str):
        return display_name(item)
    if isinstance(item, (PacketMember, Refused)):
        return item.name
    return item[0]


def _warm_up() -> None:
    """Import the checker and build the grammar's parser before workers fork."""
    from checker import engine, source  # noqa: F401
    from checker.parse.numbering import parse_lines

    parse_lines("")
