"""A temporary SQLite file holding a batch's reports until the batch is compared.

Copies are known only when every report is in, but a batch of 10,000 must not
sit in memory: each finished report (pickled) and its sentences' excerpts go
to disk as they arrive, and come back one at a time, in input order, for the
output. The file is deleted on exit, whatever happens.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.engine import Report

_SCHEMA = """
CREATE TABLE report (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE excerpt (
    idx INTEGER, pos INTEGER, text TEXT NOT NULL, PRIMARY KEY (idx, pos)
) WITHOUT ROWID;
"""
#: Rows per transaction: one commit per report would make the disk the limit.
CHUNK = 500


class Spill:
    def __enter__(self) -> Spill:
        fd, self.path = tempfile.mkstemp(prefix="fazhi-check-", suffix=".db")
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        self.db.executescript(_SCHEMA)
        self.pending = 0
        return self

    def put(self, index: int, report: Report, excerpts: tuple[str, ...]) -> None:
        data = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        self.db.execute("INSERT INTO report VALUES (?, ?)", (index, data))
        self.db.executemany(
            "INSERT INTO excerpt VALUES (?, ?, ?)",
            ((index, pos, text) for pos, text in enumerate(excerpts)),
        )
        self.pending += 1
        if self.pending >= CHUNK:
            self.db.commit()
            self.pending = 0

    def reports(self) -> Iterator[tuple[int, Report]]:
        self.db.commit()
        cursor = self.db.execute("SELECT idx, data FROM report ORDER BY idx")
        for index, data in cursor:
            yield index, pickle.loads(data)  # noqa: S301 (our own file, this run)

    def excerpt(self, index: int, pos: int) -> str:
        row = self.db.execute(
            "SELECT text FROM excerpt WHERE idx = ? AND pos = ?", (index, pos)
        ).fetchone()
        return row[0] if row else ""

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        os.unlink(self.path)
