"""A report's compact fingerprint: what comparing it with others needs.

Computed in the worker that checked the report, from its parsed document, so
the parent never holds a report's text. Body text only (no page chrome, title
or 落款), cut into sentences; each sentence normalised (full-width folded,
spaces and punctuation dropped, the unit's own name and all numbers (years
included) masked:
a copied report changes exactly these) and hashed to 64 bits. A report is the
sequence of its sentence hashes with their lengths and lines, plus a MinHash of
the set of them (datasketch) for finding candidates among thousands.

Sentences rather than whole paragraphs: a report whose line breaks were lost
(PDF, 文库 sites) is one paragraph, and an edit to one sentence should not hide
the rest of a copied paragraph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from checker.checks.unit import unit_key
from checker.parse.document import Document
from checker.parse.tree import Node

NUM_PERM = 128
#: datasketch's permutation scheme: 32-bit values, half the memory of 64.
SCHEME = "affine32"
#: Normalised sentences shorter than this are headings' stock words
#: (主要举措和成效) or connectives that every report shares.
MIN_CHARS = 8
EXCERPT = 24
_BODY = ("preamble", "section", "paragraph", "enum")
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NON_WORD = re.compile(r"[\W_]+")
_ADMIN = re.compile(r"(?:街道|镇|乡|县|市|区|旗|州|省)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    hash: int
    chars: int
    line: int
    offset: int
    excerpt: str
    norm: str


@dataclass(slots=True)
class Fingerprint:
    """Per report: sentence hashes, lengths and lines in document order, the
    MinHash of their set, and last year's plan items (for next year's check)."""

    sha256: str | None
    unit: str | None
    unit_key: str | None
    year: int | None
    hashes: np.ndarray  # uint64, document order
    chars: np.ndarray  # uint32
    lines: np.ndarray  # uint32
    minhash: np.ndarray  # uint32, NUM_PERM values (SCHEME)
    plan: tuple[str, ...] = ()
    excerpts: tuple[str, ...] = field(default=())  # dropped once spilled

    @property
    def total(self) -> int:
        return int(self.chars.sum())


def sentences(doc: Document, unit: str | None) -> list[Sentence]:
    """The body's sentences, normalised, in document order."""
    mask = _masker(unit)
    found = []
    for node in doc.nodes:
        if node.kind not in _BODY:
            continue
        own = doc.text[node.start : node.head_end]
        start = node.start
        if node.kind == "section":  # the heading without its number
            start += max(0, own.find(node.text))
            own = node.text
        folded = unicodedata.normalize("NFKC", own)
        if len(folded) != len(own):  # rare (ligatures, ½): per sentence below
            folded = own
        for match in _SENTENCE.finditer(folded):
            norm = normalise(match.group(), mask, folded is own)
            if len(norm) < MIN_CHARS:
                continue
            offset = start + match.start()
            shown = own[match.start() : match.end()].strip()[:EXCERPT]
            found.append(
                Sentence(
                    _hash(norm), len(norm), doc.line_of(offset), offset, shown, norm
                )
            )
    return found


def normalise(text: str, mask: re.Pattern[str] | None = None, fold: bool = True) -> str:
    """Fold widths, mask the unit's names and numbers (years too), keep words."""
    if fold:
        text = unicodedata.normalize("NFKC", text)
    if mask is not None:
        text = mask.sub("U", text)
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub("", text)


def _masker(unit: str | None) -> re.Pattern[str] | None:
    """The unit's names: as written, canonical, short (南城街道办事处/南城街道/南城)."""
    key = unit_key(unit)
    if not key:
        return None
    names = {unicodedata.normalize("NFKC", unit or ""), key, _ADMIN.sub("", key)}
    names = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def _hash(norm: str) -> int:
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big")


def fingerprint(
    doc: Document,
    found: list[Sentence],
    *,
    sha256: str | None,
    unit: str | None,
    year: int | None,
    plan: tuple[str, ...] = (),
) -> Fingerprint:
    hashes = np.fromiter((s.hash for s in found), dtype=np.uint64, count=len(found))
    return Fingerprint(
        sha256=sha256,
        unit=unit,
        unit_key=unit_key(unit),
        year=year,
        hashes=hashes,
        chars=np.fromiter((s.chars for s in found), np.uint32, len(found)),
        lines=np.fromiter((s.line for s in found), np.uint32, len(found)),
        minhash=minhash(hashes),
        plan=plan,
        excerpts=tuple(s.excerpt for s in found),
    )


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature of the set of sentence hashes (NUM_PERM values)."""
    from datasketch import MinHash

    sketch = MinHash(
        NUM_PERM, permutations=_permutations(), hashfunc=int, scheme=SCHEME
    )
    if len(hashes):
        sketch.update_batch((np.unique(hashes) & np.uint64(0xFFFFFFFF)).tolist())
    return sketch.hashvalues.copy()


@cache
def _permutations():
    from datasketch import MinHash

    return MinHash(NUM_PERM, seed=1, scheme=SCHEME).permutations


def section_of(doc: Document, line: int | None) -> Node | None:
    """The section whose heading is on ``line`` (a checklist item's evidence)."""
    if line is None:
        return None
    return next((n for n in doc.nodes if n.kind == "section" and n.line == line), None)
