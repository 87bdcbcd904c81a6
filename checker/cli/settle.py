"""What ``check`` does to finished reports: waivers, then the baseline.

Waivers (``--waivers``) move approved findings aside and report expired ones;
``--write-baseline FILE`` records every finding left; ``--baseline FILE``
then keeps only the findings the baseline does not hold. Verdicts are
recomputed at each step. Files are read before any input is checked.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from checker.cli.common import EXIT_ERROR
from checker.cli.config import ConfigError
from checker.engine.baseline import Baseline, baseline_of, new_since
from checker.engine.waiver import Waiver, waive

if TYPE_CHECKING:
    from checker.batch import Options
    from checker.engine import Report

BASELINE_VERSION = 1


def read_baseline(path: str) -> Baseline:
    """A baseline written by ``--write-baseline``; raises ConfigError."""
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except FileNotFoundError:
        raise ConfigError(f"{path}: 找不到基线文件") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ConfigError(f"{path}: 不是基线文件（{error}）") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{path}: 不是 --write-baseline 写出的基线文件")
    reports = data.get("reports")
    valid = isinstance(reports, dict) and all(
        isinstance(entries, list)
        and all(isinstance(e, dict) and "fingerprint" in e for e in entries)
        for entries in reports.values()
    )
    if not valid:
        raise ConfigError(f"{path}: 基线文件内容不完整（reports）")
    return reports


class Settle:
    """Applies waivers and a baseline to the report stream, in order."""

    def __init__(
        self,
        options: Options,
        waivers: tuple[Waiver, ...] = (),
        baseline: Baseline | None = None,
        record: bool = False,
    ) -> None:
        self.options = options
        self.waivers = waivers
        self.baseline = baseline
        self.record = record
        self.recorded: dict[str, list[dict[str, str]]] = {}
        self.known = 0  # findings hidden because the baseline holds them
        self.today = dt.date.today()

    def __call__(self, reports: Iterator[Report]) -> Iterator[Report]:
        fail_on = self.options.fail_on
        for report in reports:
            if self.waivers:
                report = waive(
                    report, self.waivers, self.today, fail_on, self.options.overlay
                )
            if self.record:
                self.recorded.update(baseline_of([report]))
            if self.baseline is not None:
                before = len(report.findings)
                report = new_since(report, self.baseline, fail_on)
                self.known += before - len(report.findings)
            yield report

    def write_baseline(self, path: str) -> None:
        """The recorded fingerprints, written whole (temporary file, rename)."""
        data = {"version": BASELINE_VERSION, "reports": self.recorded}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        folder = os.path.dirname(os.path.abspath(path))
        fd, temp = tempfile.mkstemp(prefix=".baseline.", suffix=".tmp", dir=folder)
        try:
            with open(fd, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            os.replace(temp, path)
        except OSError:
            if os.path.exists(temp):
                os.unlink(temp)
            raise


def prepare(
    options: Options,
    waivers: str | None,
    baseline: str | None,
    write_baseline: str | None,
) -> Settle:
    """Read and check the files before any input is; raises ConfigError."""
    from checker.cli.flags import FlagError
    from checker.cli.policy import validate
    from checker.cli.waivers import read_waivers
    from checker.engine.overlay import Overlay

    entries = read_waivers(waivers) if waivers else ()
    for waiver in entries:
        try:
            validate(Overlay(select=(waiver.rule,)), options.rules)
        except FlagError as error:
            where = waiver.where.rsplit(":", 1)[-1]
            message = error.format_message()
            raise ConfigError(f"{waivers}:{where}: {message}（rule）") from None
    known = read_baseline(baseline) if baseline else None
    return Settle(options, entries, known, record=bool(write_baseline))


def settle_or_exit(
    options: Options, waivers: str | None, baseline: str | None, write: str | None
) -> Settle:
    """:func:`prepare`, a bad file being one line and exit 2."""
    try:
        return prepare(options, waivers, baseline, write)
    except ConfigError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(EXIT_ERROR)
