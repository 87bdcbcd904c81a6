"""Checking jobs of the page: run in the batch's worker pool, kept for a while.

Every upload becomes a :class:`Job` under an unguessable random id; a user
sees only the jobs whose ids the server gave them. Reports are checked by
:func:`checker.batch.check_all` (worker processes with hard timeouts: a slow
PDF or a crashing check costs only its own file), from a thread, so the
server stays responsive. Jobs and their uploaded bytes stay in memory only:
each expires after a time-to-live, and the store keeps at most a number of
jobs and of bytes, dropping the oldest finished ones first.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from checker.batch import Options, check_all
from checker.engine import Report, error_report
from checker.web.upload import MB, UploadError
from checker.web.zipped import Entry, Rejected

#: Checks still running at once; further jobs wait their turn in order.
RUNNING = 2


@dataclass(slots=True)
class Job:
    id: str
    entries: list[Entry]
    options: Options
    skipped: list[str] = field(default_factory=list)
    created: float = field(default_factory=time.monotonic)
    reports: list[Report | None] = field(default_factory=list)
    done: int = 0
    finished: bool = False
    #: Each viewed document's text, line by line (read on first view).
    lines: dict[int, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def size(self) -> int:
        return sum(len(e[1]) for e in self.entries if isinstance(e, tuple))

    def finished_reports(self) -> list[Report]:
        return [report for report in self.reports if report is not None]


def cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class Store:
    """The jobs of this server process, by id, within time and memory limits."""

    def __init__(
        self,
        ttl: float = 3600,
        max_jobs: int = 50,
        max_bytes: int = 1024 * MB,
        jobs: int | None = None,
    ) -> None:
        self.ttl = ttl
        self.max_jobs = max_jobs
        self.max_bytes = max_bytes
        self.jobs = jobs or cpus()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self.executor = ThreadPoolExecutor(RUNNING, thread_name_prefix="fazhi-job")

    def add(self, entries: list[Entry], options: Options, skipped: list[str]) -> Job:
        """Keep a new job and start checking it; UploadError 503 when full."""
        job = Job(secrets.token_urlsafe(24), entries, options, skipped)
        job.reports = [None] * job.total
        with self._lock:
            self._make_room(job.size)
            self._jobs[job.id] = job
        self.executor.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            self._expire(time.monotonic())
            return self._jobs.get(job_id)

    def _make_room(self, size: int) -> None:
        self._expire(time.monotonic())
        while len(self._jobs) >= self.max_jobs or (
            self._jobs
            and sum(j.size for j in self._jobs.values()) + size > self.max_bytes
        ):
            oldest = next((j for j in self._jobs.values() if j.finished), None)
            if oldest is None:
                raise UploadError(503, "服务器正忙（检查任务过多），请稍后再试")
            del self._jobs[oldest.id]

    def _expire(self, now: float) -> None:
        for job in list(self._jobs.values()):
            if job.finished and now - job.created > self.ttl:
                del self._jobs[job.id]

    def _run(self, job: Job) -> None:
        todo = [(i, e) for i, e in enumerate(job.entries) if isinstance(e, tuple)]
        for index, entry in enumerate(job.entries):
            if isinstance(entry, Rejected):
                job.reports[index] = error_report(entry.name, entry.reason)
                job.done += 1
        try:
            items = [entry for _, entry in todo]
            jobs = min(self.jobs, max(1, len(items)))
            for (index, _), report in zip(
                todo, check_all(items, job.options, jobs), strict=False
            ):
                job.reports[index] = report
                job.done += 1
        except Exception as error:  # the pool itself failed: say so in each row
            for index, entry in todo:
                if job.reports[index] is None:
                    reason = f"检查出错（{type(error).__name__}）"
                    job.reports[index] = error_report(entry[0], reason)
        finally:
            job.finished = True


def split_lines(text: str) -> list[str]:
    """Lines as the parser numbers them (grammars/report.lark: EOL)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if len(lines) > 1 and not lines[-1]:  # a final line break opens no line
        lines.pop()
    return lines


def source_lines(item: tuple[str, bytes]) -> list[str]:
    """The text of a report, line by line (runs in a worker process)."""
    from checker.source import InputError, load_source

    try:
        return split_lines(load_source(item[1], item[0]).text)
    except InputError:
        return []
    except Exception:  # a reader's bug: the page shows no text, not a traceback
        return []


def no_lines(item: tuple[str, bytes], problem: str) -> list[str]:
    return []


def read_lines(job: Job, index: int, timeout: float) -> list[str]:
    """The document's lines, read in a killable worker once and then kept."""
    from checker.batch.workers import map_in_order

    if index not in job.lines:
        entry = job.entries[index]
        lines: list[str] = []
        if isinstance(entry, tuple):
            (lines,) = map_in_order(
                [entry], source_lines, no_lines, 1, timeout, lambda item: True
            )
        job.lines[index] = lines
    return job.lines[index]
