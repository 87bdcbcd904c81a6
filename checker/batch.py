"""Batch checking: find the inputs, check them in worker processes, in order.

Workers read their own files (only paths cross process boundaries) and return
finished document dicts; the caller consumes them one by one, in input order,
so memory stays flat however many files there are. Nothing here stops a batch:
an unreadable file, a check slower than the timeout or a crashed worker becomes
an ``error`` document with a Chinese reason.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the pool modules load only when a batch runs in parallel
    from concurrent.futures import Future, ProcessPoolExecutor

#: Extensions of the formats reports arrive in (DOMAIN.md §1, §5).
DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.docx",
    "*.doc",
    "*.wps",
    "*.html",
    "*.htm",
    "*.pdf",
)
#: An input: a path, or ("<stdin>", bytes) read by the command beforehand.
Item = str | tuple[str, bytes]
Document = dict[str, Any]
CRASHED = "检查进程异常退出（文件可能触发了程序缺陷）"


@dataclass(frozen=True, slots=True)
class Options:
    """What every check in the batch shares (picklable, sent to workers)."""

    rules: str | None = None
    year: int | None = None
    fail_on: str = "error"
    timeout: float = 60.0


class CheckTimeout(Exception):
    pass


def discover(
    paths: Iterable[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[str]:
    """Expand directories recursively, in sorted order; files named are kept as is.

    Patterns match a file's name or its path relative to the directory given.
    A named path that does not exist is kept: checking it reports why.
    """
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found.extend(_walk(path, include, exclude))
        else:
            found.append(path)
    return found


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    entries: list[tuple[tuple[str, ...], str]] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            full = os.path.join(folder, name)
            rel = Path(os.path.relpath(full, root)).as_posix()
            if _matches(name, rel, include) and not _matches(name, rel, exclude):
                entries.append((Path(rel).parts, full))
    return [full for _, full in sorted(entries)]


def _matches(name: str, rel: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch(name, pat) or fnmatch(rel, pat) for pat in patterns)


def check_item(item: Item, options: Options) -> Document:
    """Read and check one input; never raises."""
    from checker import engine
    from checker.readers import load_source
    from checker.source import MAX_BYTES, InputError, read_path

    name = item if isinstance(item, str) else item[0]
    try:
        with _deadline(options.timeout):
            data = read_path(Path(item), item) if isinstance(item, str) else item[1]
            if len(data) > MAX_BYTES:
                raise InputError(name, f"输入过大（超过 {MAX_BYTES} 字节）")
            source = load_source(data, name)
            return engine.check_document(
                source, rules=options.rules, year=options.year, fail_on=options.fail_on
            )
    except InputError as error:
        return engine.error_document(name, error.reason)
    except CheckTimeout:
        return engine.error_document(name, f"检查超时（超过 {options.timeout:g} 秒）")
    except Exception as error:  # a bug must cost one document, not the batch
        reason = f"检查出错（{type(error).__name__}: {error}）"
        return engine.error_document(name, reason)


def check_chunk(items: list[Item], options: Options) -> list[Document]:
    return [check_item(item, options) for item in items]


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise CheckTimeout after ``seconds`` (POSIX interval timer, main thread only)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CheckTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(items: Sequence[Item], options: Options, jobs: int = 1) -> Iterator[Document]:
    """Check ``items``, yielding their documents in input order as they finish."""
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield check_item(item, options)
        return
    yield from _pooled(items, options, jobs, chunk_size(len(items), jobs))


def chunk_size(count: int, jobs: int) -> int:
    """Big enough to amortise inter-process traffic, small enough to balance load."""
    return max(1, min(32, count // (jobs * 8)))


def _pooled(
    items: Sequence[Item], options: Options, jobs: int, size: int
) -> Iterator[Document]:
    chunks = (list(items[i : i + size]) for i in range(0, len(items), size))
    window = jobs * 4
    pending: deque[tuple[list[Item], Future[list[Document]]]] = deque()
    pool = _executor(jobs)
    try:
        while True:
            while len(pending) < window and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, pool.submit(check_chunk, chunk, options)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                docs = future.result()
            except Exception:  # the pool broke: a worker died (crash, OOM kill)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _executor(jobs)
                docs = [_isolated(item, options) for item in chunk]
                pending = deque(
                    (c, pool.submit(check_chunk, c, options)) for c, _ in pending
                )
            yield from docs
    finally:
        # waiting is quick here (futures are done or cancelled) and avoids a noisy
        # interpreter-exit race in concurrent.futures after shutdown(wait=False).
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(item: Item, options: Options) -> Document:
    """Re-check one input in a process of its own, to tell the culprit of a crash."""
    with _executor(1) as pool:
        try:
            return pool.submit(check_item, item, options).result()
        except Exception:
            from checker import engine

            name = item if isinstance(item, str) else item[0]
            return engine.error_document(name, CRASHED)


def _executor(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers in milliseconds with the modules already imported.
    method = "fork" if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))
