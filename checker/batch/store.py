"""The results store: every checked report of every run, in one SQLite file.

``check --store results.db`` records each report (unit, year, sha256,
checklist, findings, copies, fingerprint); next year ``--previous results.db``
compares with it instead of last year's files, and ``history UNIT`` lists a
unit's record over the years. The schema is versioned (``schema_version``) and
upgraded by the migrations below, in order, each in its own transaction.
Records are committed in chunks: a run killed mid-write loses at most its last
uncommitted chunk, never the file (SQLite's journal rolls it back).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from checker.batch.fingerprint import Fingerprint
from checker.batch.history import Prior
from checker.checks.unit import unit_key

if TYPE_CHECKING:
    from checker.engine import Report

MAGIC = b"SQLite format 3\x00"
#: Version -> the statements that bring a store from the version before to it.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE report (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            unit TEXT,
            unit_key TEXT,
            year INTEGER,
            sha256 TEXT,
            status TEXT NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            checklist TEXT NOT NULL,
            findings TEXT NOT NULL,
            similar TEXT NOT NULL,
            history TEXT,
            plan TEXT NOT NULL,
            hashes BLOB,
            chars BLOB,
            lines BLOB,
            minhash BLOB,
            recorded TEXT NOT NULL,
            UNIQUE (path, sha256)
        )""",
        "CREATE INDEX report_unit ON report (unit_key, year)",
    ),
}
LATEST = max(MIGRATIONS)
#: Reports per transaction.
CHUNK = 100


class StoreError(Exception):
    """A store that cannot be used: the one-line Chinese reason."""


@dataclass(frozen=True, slots=True)
class Record:
    """One stored report, as ``history`` shows it."""

    year: int | None
    path: str
    unit: str | None
    status: str
    errors: int
    warnings: int
    checklist: dict[str, str]  # item id -> present | partial | missing
    similar: int  # copies found in its batch
    carried_over: float | None  # share of last year's text
    recorded: str


class Store:
    """An open store; use as a context manager (commits and closes on exit)."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, timeout=30)
            migrate(self.db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}：不是可用的结果库（{error}）") from None
        self.pending = 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def record(self, report: Report, fp: Fingerprint | None) -> None:
        """Add or replace (same path and sha256) one checked report."""
        if report.error is not None:
            return  # nothing was checked: nothing to compare next year
        self.db.execute(_INSERT, _row(report, fp))
        self.pending += 1
        if self.pending >= CHUNK:
            self.db.commit()
            self.pending = 0

    def priors(self) -> Iterator[Prior]:
        """Every stored report as an earlier report for ``--previous``."""
        cursor = self.db.execute(
            "SELECT path, unit, year, sha256, plan, hashes, chars, lines, minhash "
            "FROM report WHERE hashes IS NOT NULL ORDER BY id"
        )
        for path, unit, year, sha, plan, hashes, chars, lines, sketch in cursor:
            fp = Fingerprint(
                sha256=sha,
                unit=unit,
                unit_key=unit_key(unit),
                year=year,
                hashes=np.frombuffer(hashes, np.uint64),
                chars=np.frombuffer(chars, np.uint32),
                lines=np.frombuffer(lines, np.uint32),
                minhash=np.frombuffer(sketch, np.uint32),
                plan=tuple(json.loads(plan)),
            )
            yield Prior(f"{path}（结果库）", fp)

    def history(self, unit: str) -> list[Record]:
        """A unit's stored reports, by year; when no unit has exactly that
        canonical name, the units whose name contains it (县街街道 finds
        安宁市人民政府县街街道办事处)."""
        key = unit_key(unit) or ""
        for where, value in (("unit_key = ?", key), ("instr(unit_key, ?) > 0", key)):
            cursor = self.db.execute(
                "SELECT year, path, unit, status, errors, warnings, checklist, "
                f"similar, history, recorded FROM report WHERE {where} "
                "ORDER BY year IS NULL, year, unit_key, path",
                (value,),
            )
            records = [_record(*row) for row in cursor]
            if records:
                return records
        return []


def migrate(db: sqlite3.Connection) -> None:
    """Bring the store to LATEST; refuse one from a newer version."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    version = row[0] or 0
    if version > LATEST:
        raise sqlite3.DatabaseError(f"结果库版本 {version} 较新，请升级 fazhi-check")
    for step in range(version + 1, LATEST + 1):
        with db:  # one transaction per migration
            for statement in MIGRATIONS[step]:
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?)", (step,))


def is_store(path: str) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


_INSERT = (
    "INSERT OR REPLACE INTO report (path, unit, unit_key, year, sha256, status, "
    "errors, warnings, checklist, findings, similar, history, plan, hashes, chars, "
    "lines, minhash, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?)"
)


def _row(report: Report, fp: Fingerprint | None) -> tuple[Any, ...]:
    def blob(array: np.ndarray | None) -> bytes | None:
        return array.tobytes() if array is not None else None

    history = report.history
    return (
        report.path,
        report.meta.unit,
        unit_key(report.meta.unit),
        report.meta.year,
        report.sha256,
        report.status.value,
        report.count("error"),
        report.count("warning"),
        _json({item.id: item.status for item in report.checklist}),
        _json([dataclasses.asdict(f) for f in report.findings]),
        _json([dataclasses.asdict(m) for m in report.similar]),
        _json(dataclasses.asdict(history)) if history else None,
        _json(list(fp.plan) if fp else []),
        *(blob(getattr(fp, name, None)) for name in ("hashes", "chars", "lines")),
        blob(fp.minhash if fp else None),
        datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


def _record(
    year, path, unit, status, errors, warnings, checklist, similar, history, recorded
) -> Record:
    carried = json.loads(history)["share"] if history else None
    return Record(
        year,
        path,
        unit,
        status,
        errors,
        warnings,
        json.loads(checklist),
        len(json.loads(similar)),
        carried,
        recorded,
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
