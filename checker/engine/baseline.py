"""Findings known before: fingerprints that survive edits, and a baseline.

A finding's fingerprint is its rule, its section path (一、/（二）) and its text
(or, where it has none, the words at its place), NFKC-folded with all
whitespace removed: not its line, so a paragraph inserted above, a heading
reworded or a report re-typeset leaves the fingerprints of the other findings
as they were. The same fingerprint is SARIF's ``partialFingerprints``.

A baseline maps each report's path to its findings' entries (rule, section,
fingerprint; repeats kept). Checking against it keeps the findings it does not
account for, in two passes: first by fingerprint; then a finding whose text
changed (a reworded heading it quotes) is still known if the baseline has an
entry of the same rule and section left over, one for one. A rule firing
once more in a section than before is new.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from checker.engine.report import Finding, Report, Status, status_of

_SPACE = re.compile(r"\s+")
#: Baseline as stored: path -> entries (rule, section, fingerprint), sorted.
Baseline = Mapping[str, list[dict[str, str]]]


def normalise(text: str) -> str:
    """NFKC (full-width and half-width alike), whitespace removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def fingerprint(finding: Finding) -> str:
    """A stable hex digest of rule, section path and normalised text."""
    words = normalise(finding.text or finding.quote)
    key = "\0".join((finding.rule, normalise(finding.section), words))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def entry(finding: Finding) -> dict[str, str]:
    """A finding as a baseline stores it."""
    return {
        "rule": finding.rule,
        "section": finding.section,
        "fingerprint": fingerprint(finding),
    }


def baseline_of(reports: Iterable[Report]) -> dict[str, list[dict[str, str]]]:
    """The baseline of checked reports (unreadable ones have no entry)."""
    return {
        report.path: sorted(
            (entry(f) for f in report.findings), key=lambda e: tuple(e.values())
        )
        for report in reports
        if report.status is not Status.ERROR
    }


def new_since(report: Report, baseline: Baseline, fail_on: str = "error") -> Report:
    """The report with only the findings its baseline entry does not hold."""
    if report.status is Status.ERROR or report.path not in baseline:
        return report
    known = baseline[report.path]
    marks = Counter(e.get("fingerprint") for e in known)
    unmatched = []
    for finding in report.findings:
        mark = fingerprint(finding)
        if marks[mark] > 0:
            marks[mark] -= 1
        else:
            unmatched.append(finding)
    # Entries no finding matched by fingerprint, by place: a reworded text.
    left = Counter()
    for e in known:
        if marks[e.get("fingerprint")] > 0:
            marks[e.get("fingerprint")] -= 1
            left[(e.get("rule"), e.get("section"))] += 1
    fresh = []
    for finding in unmatched:
        place = (finding.rule, finding.section)
        if left[place] > 0:
            left[place] -= 1
        else:
            fresh.append(finding)
    findings = tuple(fresh)
    return replace(report, findings=findings, status=status_of(findings, fail_on))
