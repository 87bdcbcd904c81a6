"""This year's report against the same unit's earlier one (``--previous``).

Reports are matched by canonical unit name (checker.checks.unit), and each is
compared with the latest earlier report of its unit: how much of its body text
is carried over (``history/carried-over`` when most of it), and whether each
item of last year's 下一年度安排 (sub-headings and 一是/二是 items of the
next-year-plan section) is reported on in this year's 主要举措和成效. Runs in
the worker that checked the report, next to its parsed document; the earlier
reports' fingerprints reach the workers by fork.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.batch.fingerprint import (
    Fingerprint,
    Sentence,
    fingerprint,
    normalise,
    section_of,
    sentences,
)
from checker.batch.similar import longest_runs, shares
from checker.engine.related import History, Passage, PlanItem
from checker.engine.report import Report
from checker.parse.document import Document
from checker.parse.tree import Node

#: Most of the report is last year's text.
CARRIED_OVER = 0.5
MAX_PLAN_ITEMS = 40
HEADLINE = 40
#: Bigrams every plan and every report uses: they say nothing about which item.
_STOP = re.compile(
    r"进一步|加强|推进|深入|持续|全面|扎实|切实|不断|着力|大力|工作|建设|法治|政府|"
    r"依法|提升|提高|完善|强化|坚持|落实|深化|推动|开展|积极|健全|加快|严格|机制|"
    r"制度|体系|水平|能力|工作|U|Y|0"
)
#: Share of a plan item's distinctive bigrams a sentence must have to report on it.
FOUND = 0.5


@dataclass(frozen=True, slots=True)
class Prior:
    """An earlier report: its file (or store record) and fingerprint."""

    path: str
    fingerprint: Fingerprint


Priors = dict[str, list[Prior]]


def index_priors(priors: Iterable[Prior]) -> Priors:
    """Earlier reports by canonical unit, latest year first."""
    by_unit: Priors = {}
    for prior in priors:
        if prior.fingerprint.unit_key:
            by_unit.setdefault(prior.fingerprint.unit_key, []).append(prior)
    for entries in by_unit.values():
        entries.sort(key=lambda p: (-(p.fingerprint.year or 0), p.path))
    return by_unit


def latest_before(priors: Priors, fp: Fingerprint) -> Prior | None:
    """The unit's latest report of an earlier year (not this very file)."""
    for prior in priors.get(fp.unit_key or "", ()):
        earlier = prior.fingerprint
        if earlier.sha256 and earlier.sha256 == fp.sha256:
            continue
        if fp.year is None or earlier.year is None or earlier.year < fp.year:
            return prior
    return None


def compare(
    prior: Prior, fp: Fingerprint, found: list[Sentence], doc: Document, report: Report
) -> History:
    """Carried-over share, longest carried-over passages, plan follow-through."""
    earlier = prior.fingerprint
    share, _ = shares(fp, earlier)
    passages = tuple(
        Passage(
            int(fp.lines[r.start]),
            int(fp.lines[r.end]),
            int(earlier.lines[r.other_start]),
            int(earlier.lines[r.other_end]),
            r.chars,
            found[r.start].excerpt,
        )
        for r in longest_runs(fp, earlier)
    )
    measures = [
        (s, bigrams(s.norm, normalised=True))
        for s in measure_sentences(doc, report, found)
    ]
    plan = tuple(follow(item, measures) for item in earlier.plan)
    return History(prior.path, earlier.year, round(share, 4), plan, passages)


def fingerprint_of(report: Report, doc: Document) -> tuple[Fingerprint, list[Sentence]]:
    """The report's fingerprint for comparisons, and the sentences it hashes."""
    found = sentences(doc, report.meta.unit)
    return (
        fingerprint(
            doc,
            found,
            sha256=report.sha256,
            unit=report.meta.unit,
            year=report.meta.year,
            plan=plan_items(doc, report),
        ),
        found,
    )


def plan_items(doc: Document, report: Report) -> tuple[str, ...]:
    """The items of the 下一年度安排: its sub-headings and 一是/二是 items (their
    headlines), else the first sentence of each of its paragraphs."""
    section = _section(doc, report, "next-year-plan")
    if section is None:
        return ()
    items = [_headline(n.text) for n in _below(section) if n.kind in _ITEM_KINDS]
    if not items:
        items = [
            _headline(doc.text[n.start : n.head_end])
            for n in _below(section)
            if n.kind == "paragraph"
        ]
    return tuple(i for i in items if i)[:MAX_PLAN_ITEMS]


_ITEM_KINDS = ("section", "enum")


def _below(section: Node):
    walk = section.walk()
    next(walk)  # the section itself
    return walk


def _headline(text: str) -> str:
    """An item's headline: up to its first 。 (the heading of a run-in item)."""
    return re.split(r"[。；;]", text.strip(), maxsplit=1)[0].strip()[:HEADLINE]


def _section(doc: Document, report: Report, item_id: str) -> Node | None:
    item = next((i for i in report.checklist if i.id == item_id), None)
    if item is None or item.status != "present" or item.evidence is None:
        return None
    return section_of(doc, item.evidence.line)


def measure_sentences(
    doc: Document, report: Report, found: list[Sentence]
) -> list[Sentence]:
    """This year's 主要举措和成效: its section when a heading names it, else the
    body without the shortcomings and the plan."""
    measures = _section(doc, report, "measures")
    item = next((i for i in report.checklist if i.id == "measures"), None)
    if measures is not None and item and item.evidence and not item.evidence.note:
        return [s for s in found if measures.start <= s.offset < measures.end]
    others = [_section(doc, report, i) for i in ("shortcomings", "next-year-plan")]
    spans = [(n.start, n.end) for n in others if n is not None]
    return [s for s in found if not any(a <= s.offset < b for a, b in spans)]


def follow(item: str, measures: list[tuple[Sentence, set[str]]]) -> PlanItem:
    """Whether a sentence of this year's measures (with its bigrams) reports on
    a plan item: the one that has most of the item's distinctive bigrams."""
    wanted = bigrams(item)
    best, where = 0.0, None
    if wanted:
        for sentence, has in measures:
            cover = len(wanted & has) / len(wanted)
            if cover > best:
                best, where = cover, sentence
    if where is not None and best >= FOUND and len(wanted) >= 2:
        return PlanItem(item, True, where.line, where.excerpt)
    return PlanItem(item, False)


def bigrams(text: str, normalised: bool = False) -> set[str]:
    """Distinctive character bigrams: stock words of every report removed."""
    norm = text if normalised else normalise(text)
    parts = _STOP.split(norm)
    return {p[i : i + 2] for p in parts for i in range(len(p) - 1)}
