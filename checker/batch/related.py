"""A batch checked against itself and against earlier years.

The per-report work (fingerprint, comparison with the unit's earlier report)
runs in the workers beside the check; the cross-report comparison runs in the
parent. Without the batch comparison reports stream out as they are checked.
With it, a report's copies are known only when the last report is in, so each
finished report goes to a temporary SQLite file (checker.batch.spill) while
only its fingerprint stays in memory; once all are in, the reports come back
in input order with their ``batch/*`` findings: complete, and in every format
the same as any other finding.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from checker.batch import workers
from checker.batch.findings import with_history, with_matches
from checker.batch.fingerprint import Fingerprint
from checker.batch.history import (
    Priors,
    compare,
    fingerprint_of,
    latest_before,
)
from checker.batch.runner import (
    Item,
    Options,
    _failed,
    _warm_up,
    failed_report,
    read_item,
)
from checker.batch.similar import DEFAULT_THRESHOLD, Index
from checker.batch.spill import Spill
from checker.engine.report import Report

Result = tuple[Report, Fingerprint | None]


@dataclass(frozen=True, slots=True)
class Packed:
    """A report pickled by its worker: the parent spills it as it came and
    unpickles it once, for the output (not once more to spill it)."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Related:
    """What to compare: the batch with itself, each report with earlier ones."""

    similarity: bool = False
    threshold: float = DEFAULT_THRESHOLD
    priors: Priors | None = None  # earlier reports by canonical unit


def check_related(
    items: Sequence[Item],
    options: Options,
    jobs: int,
    related: Related,
    record: Callable[[Report, Fingerprint | None], None] | None = None,
    checked: Callable[[], None] | None = None,
) -> Iterator[Report]:
    """Reports in input order, with batch and history findings; ``record``
    sees each final report and its fingerprint, ``checked`` each check done."""
    results = check_prints(items, options, jobs, related.priors, related.similarity)
    yield from relate(results, options, related, record, checked)


def relate(
    results: Iterable[tuple[Report | Packed, Fingerprint | None]],
    options: Options,
    related: Related,
    record: Callable[[Report, Fingerprint | None], None] | None = None,
    checked: Callable[[], None] | None = None,
) -> Iterator[Report]:
    """Checked and fingerprinted reports -> reports with their batch findings."""
    if not related.similarity:
        for report, fp in results:
            assert isinstance(report, Report)  # packed only for the spill
            if record:
                record(report, fp)
            yield report
        return
    index = Index(related.threshold)
    paths: list[str] = []
    with Spill() as spill:
        for number, (report, fp) in enumerate(results):
            paths.append(report.path)
            data = report.data if isinstance(report, Packed) else report
            spill.put(number, data, fp.excerpts if fp else ())
            if fp is not None:
                index.add(number, fp)
            if checked:
                checked()
        for number, report in spill.reports():
            report = with_matches(report, number, index, paths, spill, options)
            if record:
                record(report, index.prints.get(number))
            yield report


def in_process(
    documents: Sequence[tuple[str, str]],
    previous: Sequence[tuple[str, str]] = (),
    options: Options | None = None,
) -> list[Report]:
    """A small batch of texts compared without worker processes (rule cases,
    ``explain``): the same steps as ``check --previous``."""
    from checker.batch.history import Prior, index_priors

    options = options or Options()
    priors = None
    if previous:
        earlier = [check_printed((n, t.encode()), options, None) for n, t in previous]
        priors = index_priors(Prior(r.path, fp) for r, fp in earlier if fp)
    results = (check_printed((n, t.encode()), options, priors) for n, t in documents)
    return list(relate(results, options, Related(True, DEFAULT_THRESHOLD, priors)))


def check_prints(
    items: Sequence[Item],
    options: Options,
    jobs: int,
    priors: Priors | None,
    packed: bool = False,
) -> Iterator[tuple[Report | Packed, Fingerprint | None]]:
    """Each input checked and fingerprinted in a worker, in input order;
    ``packed``: reports come pickled (Packed), for the spill."""
    _warm_up()
    import datasketch  # noqa: F401  (once, before the workers fork)

    check = check_packed if packed else check_printed
    work = partial(check, options=options, priors=priors)
    fail = partial(_failed_print, options=options)
    yield from workers.map_in_order(
        items, work, fail, jobs, options.timeout, lambda i: not isinstance(i, str)
    )


def _failed_print(item: Item, problem: str, options: Options) -> Result:
    return _failed(item, problem, options), None


def check_packed(
    item: Item, options: Options, priors: Priors | None
) -> tuple[Packed, Fingerprint | None]:
    report, fp = check_printed(item, options, priors)
    return Packed(report.path, pickle.dumps(report, pickle.HIGHEST_PROTOCOL)), fp


def check_printed(item: Item, options: Options, priors: Priors | None) -> Result:
    """Read, check and fingerprint one input; never raises (in a worker)."""
    from checker import engine

    try:
        source = read_item(item)
        report, doc = engine.check_source(
            source, rules=options.rules, year=options.year, fail_on=options.fail_on
        )
        fp, found = fingerprint_of(report, doc)
        prior = latest_before(priors, fp) if priors else None
        if prior is not None:
            history = compare(prior, fp, found, doc, report)
            report = with_history(report, history, options.fail_on)
        return report, fp
    except Exception as error:  # a bug must cost one document, not the batch
        return failed_report(item, error), None
