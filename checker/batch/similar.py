"""Copies within a batch: byte-identical and near-identical reports.

Each report arrives with its :class:`~checker.batch.fingerprint.Fingerprint`.
Byte-identical ones are grouped by sha256. For the rest, a MinHash LSH index
(datasketch) proposes candidates: reports whose sets of sentences are alike
(Jaccard); each candidate is then measured exactly on the sentence hashes.
Querying before inserting finds every pair once, when its second report
arrives, so the index is built and searched in one near-linear pass and only
the fingerprints are kept (no texts).

``share`` is the part of a report's body text (normalised characters) whose
sentences the other report also has; a pair is reported when either side's
share reaches the threshold. LSH estimates Jaccard, not containment, so it is
asked for a lower similarity than the threshold (``_lsh_threshold``); a short
report copied whole into one three times its length can still be missed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from checker.batch.fingerprint import NUM_PERM, SCHEME, Fingerprint

DEFAULT_THRESHOLD = 0.6
#: Partners kept per report at most, the first found in input order: a
#: template copied by 2,000 units would otherwise cost 2,000² comparisons and
#: give each of them 1,999 findings (and passages to find).
MAX_PARTNERS = 5
#: Candidates measured per report at most (LSH's false positives included).
MAX_VERIFY = 100
PASSAGES = 3
#: LSH's weights of false positives and false negatives: a missed copy costs
#: more than a candidate measured for nothing. With 128 permutations and the
#: default threshold: 42 bands of 3; two equal-sized reports sharing 60% of
#: their sentences (Jaccard 0.43) become candidates with probability 0.97,
#: sharing 75% (0.6) 0.9999; unrelated ones (0.02) 0.0003.
WEIGHTS = (0.2, 0.8)


@dataclass(frozen=True, slots=True)
class Pair:
    first: int  # input indexes, first < second
    second: int
    kind: str  # duplicate | similar
    share_first: float
    share_second: float


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences shared: positions in both reports' sentence lists."""

    start: int
    end: int  # inclusive
    other_start: int
    other_end: int
    chars: int


class Index:
    """The batch's fingerprints, compared as they arrive."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(
            threshold=_lsh_threshold(threshold), num_perm=NUM_PERM, weights=WEIGHTS
        )
        self.prints: dict[int, Fingerprint] = {}
        self.by_sha: dict[str, list[int]] = {}
        self.pairs: dict[int, list[Pair]] = defaultdict(list)

    def add(self, index: int, fp: Fingerprint) -> None:
        """Compare one report with every one before it; keep its fingerprint."""
        fp.excerpts = ()  # the texts are the caller's to keep (on disk)
        self.prints[index] = fp
        twins = self.by_sha.setdefault(fp.sha256, []) if fp.sha256 else []
        for twin in twins[:MAX_PARTNERS]:
            self._pair(Pair(twin, index, "duplicate", 1.0, 1.0))
        same = set(twins)
        twins.append(index)
        if not len(fp.hashes):
            return
        sketch = _sketch(fp)
        candidates = sorted(set(self.lsh.query(sketch)) - same)[:MAX_VERIFY]
        for other in candidates:
            if len(self.pairs.get(index, ())) >= MAX_PARTNERS:
                break
            mine, theirs = shares(fp, self.prints[other])
            if max(mine, theirs) >= self.threshold:
                self._pair(Pair(other, index, "similar", theirs, mine))
        self.lsh.insert(index, sketch, check_duplication=False)

    def _pair(self, pair: Pair) -> None:
        for side in (pair.first, pair.second):
            if len(self.pairs[side]) < MAX_PARTNERS:
                self.pairs[side].append(pair)

    def partners(self, index: int) -> list[tuple[int, str, float]]:
        """(other index, kind, this report's share): duplicates first, then by
        share, at most MAX_PARTNERS."""
        found = []
        for pair in self.pairs.get(index, ()):
            if index == pair.first:
                found.append((pair.second, pair.kind, pair.share_first))
            else:
                found.append((pair.first, pair.kind, pair.share_second))
        found.sort(key=lambda p: (p[1] != "duplicate", -p[2], p[0]))
        return found[:MAX_PARTNERS]


def shares(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Each side's share of body text whose sentences the other has too."""
    return _share(a, b.hashes), _share(b, a.hashes)


def _share(fp: Fingerprint, other: np.ndarray) -> float:
    total = fp.total
    if not total:
        return 0.0
    common = np.isin(fp.hashes, other, assume_unique=False)
    return float(fp.chars[common].sum()) / total


def longest_runs(a: Fingerprint, b: Fingerprint, count: int = PASSAGES) -> list[Run]:
    """The ``count`` longest runs of consecutive sentences both have, by length."""
    where: dict[int, list[int]] = defaultdict(list)
    for j, value in enumerate(b.hashes.tolist()):
        where[value].append(j)
    runs: list[Run] = []
    previous: dict[int, int] = {}  # j -> length of the run ending at (i - 1, j)
    for i, value in enumerate([*a.hashes.tolist(), None]):
        current = {j: previous.get(j - 1, 0) + 1 for j in where.get(value, ())}
        for j, length in previous.items():
            if j + 1 not in current:  # a run ended at (i - 1, j)
                start = i - length
                chars = int(a.chars[start:i].sum())
                runs.append(Run(start, i - 1, j - length + 1, j, chars))
        previous = current
    runs.sort(key=lambda r: (-r.chars, r.start, r.other_start))
    return _distinct(runs, count)


def _distinct(runs: list[Run], count: int) -> list[Run]:
    """The longest runs that overlap no longer one on this side."""
    chosen: list[Run] = []
    for run in runs:
        if all(run.end < c.start or run.start > c.end for c in chosen):
            chosen.append(run)
        if len(chosen) == count:
            break
    return chosen


def _sketch(fp: Fingerprint):
    """The signature as datasketch's LSH takes it: a LeanMinHash (values only;
    a full MinHash would rebuild its permutations, a millisecond each)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=fp.minhash, scheme=SCHEME)


def _lsh_threshold(threshold: float) -> float:
    """The Jaccard similarity two equal-sized reports sharing ``threshold`` of
    their sentences have (t / (2 - t)), with a margin for MinHash's error."""
    return max(0.05, 0.75 * threshold / (2 - threshold))
