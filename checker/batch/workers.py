"""Worker processes for a batch: check inputs in parallel, kill what hangs.

The parent hands each worker a few inputs at a time through a pipe and gets one
result back per input, so it always knows which input a worker is on and since
when. A worker over the time limit is killed: a hang inside C code (a runaway
regular expression from a rule pack, a stuck converter) ignores signals, so the
check cannot time itself out. A worker that dies is replaced. Either way only
the input it was on becomes a failure; the rest of its queue goes to the
replacement. Results come out in input order, and only a bounded window of
inputs runs ahead of the oldest unfinished one, so memory stays flat.

A worker is stopped with SIGTERM first: it unwinds (a converter it started is
killed with its process group, temporary copies of a document are removed) and
gets :data:`GRACE` seconds before SIGKILL. Each worker's temporary files live
in a folder of its own that the parent removes after it, so nothing a worker
wrote survives it even when it had to be killed outright.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
#: Inputs queued per worker: enough to hide the round trip to the parent.
DEPTH = 8
TIMEOUT = "timeout"
CRASH = "crash"
#: Seconds a stopped worker has to clean up before it is killed outright.
GRACE = 1.0


def map_in_order(
    items: Sequence[T],
    work: Callable[[T], R],
    fail: Callable[[T, str], R],
    jobs: int,
    timeout: float,
    bulky: Callable[[T], bool] = lambda item: False,
) -> Iterator[R]:
    """``work(item)`` for each item in worker processes; results in input order.

    ``work`` must never raise and must be picklable (a top-level function or a
    ``functools.partial`` of one). An item whose worker runs over ``timeout``
    seconds (0: no limit) or dies is answered by ``fail(item, TIMEOUT | CRASH)``.
    ``bulky`` items (bigger than a pipe's buffer, such as stdin's bytes) go
    alone to an idle worker: one busy sending its results would not read them,
    and the parent, stuck sending, would not read those results.
    """
    if not items:
        return
    pool = _Pool(work, min(jobs, len(items)), bulky)
    todo = deque(enumerate(items))
    done: dict[int, R] = {}
    window = len(pool.workers) * DEPTH * 4
    next_out = 0
    try:
        while next_out < len(items):
            pool.top_up(todo, next_out + window)
            for index, item, problem in pool.collect(done, timeout):
                done[index] = fail(item, problem)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        pool.close()


class _Worker:
    def __init__(self, context: Any, work: Callable[[Any], Any], scratch: str) -> None:
        self.scratch = tempfile.mkdtemp(prefix="worker-", dir=scratch)
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, work, os.getpid(), self.scratch), daemon=True
        )
        # SIGTERM is held back across the fork: until _serve installs its own
        # handler the child would run the parent's (whatever the command set),
        # even inside the interpreter's after-fork hooks.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        child.close()
        self.queue: deque[tuple[int, Any]] = deque()
        self.since = 0.0  # when the input at the head of the queue started

    def give(self, batch: list[tuple[int, Any]]) -> None:
        if not self.queue:
            self.since = time.monotonic()
        self.queue.extend(batch)
        self.conn.send(batch)

    def stop(self, deadline: float | None = None) -> None:
        """Stop it (see :meth:`terminate`), SIGKILL at ``deadline``, clean up."""
        self.terminate()
        if deadline is None:
            deadline = time.monotonic() + GRACE
        self.process.join(max(0.0, deadline - time.monotonic()))
        if self.process.is_alive():  # stuck in C code, where no handler runs
            self.process.kill()
            self.process.join()
        self.conn.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def terminate(self) -> None:
        if self.process.is_alive():
            self.process.terminate()


class _Pool:
    def __init__(
        self, work: Callable[[Any], Any], size: int, bulky: Callable[[Any], bool]
    ) -> None:
        # fork starts a worker in milliseconds with every module already imported.
        method = "fork" if sys.platform.startswith("linux") else None
        self.context = multiprocessing.get_context(method)
        if method == "fork":
            import ctypes  # noqa: F401  (imported once here, not in every worker)
        self.work = work
        self.bulky = bulky
        self.scratch = tempfile.mkdtemp(prefix="fazhi-")
        self.workers = [_Worker(self.context, work, self.scratch) for _ in range(size)]

    def top_up(self, todo: deque[tuple[int, Any]], limit: int) -> None:
        for worker in self.workers:
            if len(worker.queue) > DEPTH // 2:
                continue
            room = DEPTH - len(worker.queue)
            batch = []
            while todo and todo[0][0] < limit and len(batch) < room:
                if self.bulky(todo[0][1]):
                    if not batch and not worker.queue:
                        batch.append(todo.popleft())
                    break
                batch.append(todo.popleft())
            if batch:
                worker.give(batch)

    def collect(
        self, done: dict[int, Any], timeout: float
    ) -> Iterator[tuple[int, Any, str]]:
        """Wait for results (into ``done``); yield the inputs that failed."""
        busy = [w for w in self.workers if w.queue]
        if not busy:
            return
        wait([w.conn for w in busy], _wait_for(busy, timeout))
        now = time.monotonic()
        for worker in busy:
            try:
                while worker.conn.poll():
                    index, result = worker.conn.recv()
                    done[index] = result
                    worker.queue.popleft()
                    worker.since = now
            except (EOFError, OSError):  # it died: a crash, or killed by the OOM killer
                yield self._replace(worker, CRASH)
                continue
            if worker.queue and timeout > 0 and now - worker.since > timeout:
                yield self._replace(worker, TIMEOUT)

    def _replace(self, worker: _Worker, problem: str) -> tuple[int, Any, str]:
        index, item = worker.queue.popleft()
        worker.stop()
        fresh = _Worker(self.context, self.work, self.scratch)
        if worker.queue:  # an idle new worker reads even a bulky item at once
            fresh.give(list(worker.queue))
        self.workers[self.workers.index(worker)] = fresh
        return index, item, problem

    def close(self) -> None:
        for worker in self.workers:  # all at once: they clean up in parallel
            worker.terminate()
        deadline = time.monotonic() + GRACE
        for worker in self.workers:
            worker.stop(deadline)
        shutil.rmtree(self.scratch, ignore_errors=True)


def _die_with_parent(parent: int) -> None:
    """On Linux the kernel kills this worker when the parent dies, even by
    SIGKILL, so a worker stuck in C code never outlives its batch. Elsewhere a
    worker ends when it next reads from its closed pipe."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # the parent imported it before forking (see _Pool)

    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _unwind(signum: int, frame: object) -> None:
    """SIGTERM: leave through every ``finally`` (converters, temporary files)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(128 + signum)


def _wait_for(busy: list[_Worker], timeout: float) -> float | None:
    if timeout <= 0:
        return None
    return max(0.0, min(w.since for w in busy) + timeout - time.monotonic())


def _serve(
    conn: Connection, work: Callable[[Any], Any], parent: int, scratch: str
) -> None:
    """A worker's life: check what arrives, send each result back, until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, _unwind)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # see _Worker
    _die_with_parent(parent)
    tempfile.tempdir = scratch  # removed by the parent, whatever happens here
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        for index, item in batch:
            conn.send((index, work(item)))
