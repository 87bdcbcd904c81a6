"""Parse throughput: the Lark pipeline beside a plain ``re`` line classifier.

Run by hand (never part of the test suite):

    python benchmarks/bench_parse.py [--docs 2000] [--big-mb 15]

Prints MB/s and documents/s for (a) the five seeds, (b) a generated corpus of
seed mutations and (c) one large generated report, for three stages measured in
the same run: the ``re`` baseline (classify each line's leading marker with one
regular expression), the Lark LALR line parse alone, the line scan derived
from the grammar (what the checker uses; held equal to the Lark parse by
tests/test_scan.py), and the full parse into a document tree with metadata.
The ratio full/baseline is the price of the tree.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from pathlib import Path

from checker.parse.document import parse
from checker.parse.numbering import parse_lines, parse_lines_lark

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# The baseline: what a hand-written checker would do, one regex per line start.
BASELINE = re.compile(
    r"[ \t\u3000]*(?:(?P<l1>[一二三四五六七八九十]+[、.，])"
    r"|(?P<l2>[（(][一二三四五六七八九十]*[）)])|(?P<l3>\d+[.．、])|(?P<l4>[（(]\d+[）)])|(?P<enum>[一二三四五六七八九十]+是))"
)


def baseline(text: str) -> int:
    count = 0
    for line in text.splitlines():
        if BASELINE.match(line):
            count += 1
    return count


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.3:
            del lines[i]
        elif choice < 0.6:
            lines.insert(i, lines[rng.randrange(len(lines))])
        else:
            lines[i] = lines[i].replace("(", "（").replace(")", "）")
    year = str(rng.randint(2015, 2025))
    return "\n".join(lines).replace("2018", year)


def timed(func, docs: list[str], repeat: int) -> float:
    best = []
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            func(doc)
        best.append(time.perf_counter() - start)
    return min(best)


def row(name: str, docs: list[str], repeat: int) -> None:
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    base = timed(baseline, docs, repeat)
    lark = timed(parse_lines_lark, docs, repeat)
    scan = timed(parse_lines, docs, repeat)
    full = timed(parse, docs, repeat)
    print(
        f"{name:<22}{len(docs):>6}{size:>9.2f}"
        f"{size / base:>10.1f}{size / lark:>10.2f}{size / scan:>10.2f}"
        f"{size / full:>10.2f}{len(docs) / full:>12.0f}{full / base:>8.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--big-mb", type=float, default=15.0)
    args = parser.parse_args()
    rng = random.Random(20261122)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    corpus = [mutate(rng.choice(seeds), rng) for _ in range(args.docs)]
    big, size = [], 0
    while size < args.big_mb * 1e6:
        piece = rng.choice(seeds)
        big.append(piece)
        size += len(piece.encode("utf-8"))
    print(
        f"{'input':<22}{'docs':>6}{'MB':>9}{'re MB/s':>10}{'lark MB/s':>10}"
        f"{'scan MB/s':>10}{'tree MB/s':>10}{'tree docs/s':>12}{'tree/re':>9}"
    )
    row("seeds (x20)", seeds * 20, 3)
    row("generated corpus", corpus, 1)
    row(f"one {args.big_mb:g} MB report", ["\n".join(big)], 1)
    single = seeds[2]
    times = []
    for _ in range(200):
        start = time.perf_counter()
        parse(single)
        times.append(time.perf_counter() - start)
    print(
        f"\nseed 002 ({len(single.encode('utf-8')) / 1024:.1f} KB): "
        f"median {statistics.median(times) * 1000:.2f} ms per full parse"
    )


if __name__ == "__main__":
    main()
