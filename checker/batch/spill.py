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
CREATE TABLE report (idx INTEGER PRIMARY KEY, data BLOB NOT NULL, excerpts TEXT);
"""
#: Joins a report's sentence excerpts in one column (a control character, which
#: readers drop from report text).
_SEP = "\x1f"
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
        self._excerpts: tuple[int, list[str]] = (-1, [])
        return self

    def put(
        self, index: int, report: Report | bytes, excerpts: tuple[str, ...]
    ) -> None:
        """One report (or its pickle, as a worker made it) and its excerpts."""
        if not isinstance(report, bytes):
            report = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        text = _SEP.join(e.replace(_SEP, " ") for e in excerpts)
        self.db.execute("INSERT INTO report VALUES (?, ?, ?)", (index, report, text))
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
        if self._excerpts[0] != index:  # a report's partners ask in a row
            row = self.db.execute(
                "SELECT excerpts FROM report WHERE idx = ?", (index,)
            ).fetchone()
            self._excerpts = (index, row[0].split(_SEP) if row and row[0] else [])
        found = self._excerpts[1]
        return found[pos] if pos < len(found) else ""

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        os.unlink(self.path)
