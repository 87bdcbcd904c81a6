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

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from checker.batch import workers
from checker.batch.fingerprint import Fingerprint, fingerprint, sentences
from checker.batch.history import (
    CARRIED_OVER,
    Priors,
    compare,
    latest_before,
    plan_items,
)
from checker.batch.runner import Item, Options, _failed, _warm_up, item_name, read_item
from checker.batch.similar import DEFAULT_THRESHOLD, Index, longest_runs
from checker.batch.spill import Spill
from checker.engine.related import History, Match, Passage, related_finding
from checker.engine.report import LineUnit, Report, status_of

Result = tuple[Report, Fingerprint | None]


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
    results = check_prints(items, options, jobs, related.priors)
    yield from relate(results, options, related, record, checked)


def relate(
    results: Iterable[Result],
    options: Options,
    related: Related,
    record: Callable[[Report, Fingerprint | None], None] | None = None,
    checked: Callable[[], None] | None = None,
) -> Iterator[Report]:
    """Checked and fingerprinted reports -> reports with their batch findings."""
    if not related.similarity:
        for report, fp in results:
            if record:
                record(report, fp)
            yield report
        return
    index = Index(related.threshold)
    paths: list[str] = []
    with Spill() as spill:
        for number, (report, fp) in enumerate(results):
            paths.append(report.path)
            spill.put(number, report, fp.excerpts if fp else ())
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
    items: Sequence[Item], options: Options, jobs: int, priors: Priors | None
) -> Iterator[Result]:
    """Each input checked and fingerprinted in a worker, in input order."""
    _warm_up()
    import datasketch  # noqa: F401  (once, before the workers fork)

    work = partial(check_printed, options=options, priors=priors)
    fail = partial(_failed_print, options=options)
    yield from workers.map_in_order(
        items, work, fail, jobs, options.timeout, lambda i: not isinstance(i, str)
    )


def _failed_print(item: Item, problem: str, options: Options) -> Result:
    return _failed(item, problem, options), None


def check_printed(item: Item, options: Options, priors: Priors | None) -> Result:
    """Read, check and fingerprint one input; never raises (in a worker)."""
    from checker import engine
    from checker.source.decode import InputError

    name = item_name(item)
    try:
        source = read_item(item)
        report, doc = engine.check_source(
            source, rules=options.rules, year=options.year, fail_on=options.fail_on
        )
        found = sentences(doc, report.meta.unit)
        fp = fingerprint(
            doc,
            found,
            sha256=report.sha256,
            unit=report.meta.unit,
            year=report.meta.year,
            plan=plan_items(doc, report),
        )
        prior = latest_before(priors, fp) if priors else None
        if prior is not None:
            history = compare(prior, fp, found, doc, report)
            report = with_history(report, history, options.fail_on)
        return report, fp
    except InputError as error:
        return engine.error_report(name, error.reason), None
    except Exception as error:  # a bug must cost one document, not the batch
        reason = f"检查出错（{type(error).__name__}: {error}）"
        return engine.error_report(name, reason), None


def with_history(report: Report, history: History, fail_on: str) -> Report:
    findings = report.findings
    if history.share >= CARRIED_OVER:
        args = {
            "previous": os.path.basename(history.path),
            "previous_year": history.year or "上一",
            "share": percent(history.share),
            "passages": describe(history.passages, report.line_unit, "上年"),
        }
        line = history.passages[0].line if history.passages else 1
        found = related_finding(_ruleset(report), "history/carried-over", args, line)
        findings = tuple(sorted((*findings, *filter(None, [found]))))
    return replace(
        report, history=history, findings=findings, status=status_of(findings, fail_on)
    )


def with_matches(
    report: Report,
    number: int,
    index: Index,
    paths: list[str],
    spill: Spill,
    options: Options,
) -> Report:
    """The report with its copies in the batch and a finding for each."""
    partners = index.partners(number)
    if not partners:
        return report
    mine = index.prints[number]
    matches, found = [], []
    for other, kind, share in partners:
        theirs = index.prints[other]
        passages = tuple(
            Passage(
                int(mine.lines[r.start]),
                int(mine.lines[r.end]),
                int(theirs.lines[r.other_start]),
                int(theirs.lines[r.other_end]),
                r.chars,
                spill.excerpt(number, r.start),
            )
            for r in longest_runs(mine, theirs)
        )
        matches.append(
            Match(paths[other], kind, round(share, 4), theirs.unit, passages)
        )
        args = {
            "other": paths[other],
            "other_unit": theirs.unit or "单位未识别",
            "share": percent(share),
            "passages": describe(passages, report.line_unit, "对方"),
        }
        line = passages[0].line if passages else 1
        found.append(related_finding(_ruleset(report), f"batch/{kind}", args, line))
    findings = tuple(sorted((*report.findings, *filter(None, found))))
    return replace(
        report,
        similar=tuple(matches),
        findings=findings,
        status=status_of(findings, options.fail_on),
    )


def percent(share: float) -> str:
    return f"{share:.0%}"


_UNIT = {LineUnit.PARAGRAPH: "段", LineUnit.LINE: "行", None: "行"}


def describe(passages: tuple[Passage, ...], unit: LineUnit | None, other: str) -> str:
    """第3—8行（对方第5—10行，420字）; … for the message of a finding."""
    label = _UNIT[unit]
    parts = [
        f"{_span(p.line, p.end_line, label)}（{other}"
        f"{_span(p.other_line, p.other_end_line, label)}，{p.chars}字）"
        for p in passages
    ]
    return "；".join(parts) or "无"


def _span(first: int, last: int, label: str) -> str:
    return f"第{first}{label}" if first == last else f"第{first}—{last}{label}"


def _ruleset(report: Report) -> str | None:
    return report.ruleset.id if report.ruleset else None
