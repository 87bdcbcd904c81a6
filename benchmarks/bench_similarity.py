"""Copies in a batch (issue 13): fingerprints and comparison on 1k-10k reports.

    .venv/bin/python benchmarks/bench_similarity.py [--sizes 1000 5000 10000] [--cli]

Generates made-up reports (random sentences from a pool of common characters,
so unrelated reports share only stock headings) and plants copies among them:
3% another unit's report renamed, 1% byte-identical, 2% one section rewritten,
and one template copied by 2% of the units (a clique: the worst case, every
member like every other). For each size it measures, in this process:

- worker side: parse + fingerprint per report (what --similarity adds to each
  check, which runs in the workers), against the check alone;
- parent side: the comparison (LSH index, exact shares, passages) over the
  pickled fingerprints, its wall time and its peak traced memory (tracemalloc:
  the fingerprints and the index, which is what the parent holds);
- recall: reports with a planted copy that were flagged, and pairs found that
  were not planted (copies of the same original, copies of copies: real copies
  the generator did not list).

``--cli`` also runs ``fazhi-check check DIR --format jsonl -o /dev/null`` on the
largest size with and without --no-similarity: wall time and peak memory of
the largest process (getrusage). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

POOL = (
    "法治政府建设依法行政执法监督复议诉讼调解宣传教育决策审查合同备案公开服务审批改革"
    "社区街道乡镇村居网格平台数据信息系统制度机制队伍培训考核责任清单目录程序标准规范"
    "群众企业市场安全环境生态交通卫生教育文化住房就业养老医疗救助应急消防食品药品城市"
    "农村农业水利土地规划建设管理运行质量效率创新协调绿色开放共享统筹推进落实完善健全"
)
CLI = str(Path(sys.executable).with_name("fazhi-check"))


def sentence(rng: random.Random) -> str:
    words = ["".join(rng.choices(POOL, k=rng.randint(2, 4))) for _ in range(6)]
    return "，".join(("".join(words[:3]), "".join(words[3:]))) + "。"


def made_up(rng: random.Random, unit: str, year: int) -> str:
    lines = [f"{unit}{year}年度法治政府建设情况报告", "一、主要举措和成效"]
    for n in range(4):
        lines.append(f"（{'一二三四'[n]}）{sentence(rng)[:10]}")
        lines += ["".join(sentence(rng) for _ in range(4)) for _ in range(3)]
    lines += ["二、存在的不足和原因", *("".join(sentence(rng) for _ in range(3)),) * 1]
    lines += ["三、下一年度工作安排", "".join(sentence(rng) for _ in range(4))]
    return "\n".join([*lines, f"{unit}人民政府", f"{year + 1}年1月20日"]) + "\n"


def corpus(size: int) -> tuple[list[tuple[str, str]], set[frozenset[str]]]:
    """(name, text) reports and the planted pairs (names)."""
    rng = random.Random(size)
    docs: list[tuple[str, str]] = []
    planted: set[frozenset[str]] = set()
    template = made_up(rng, "模板镇", 2023)
    members: list[str] = []  # the units that copied the template
    for n in range(size):
        name, unit = f"r{n:05d}.txt", f"第{n}号镇"
        roll = rng.random()
        if n > 10 and roll < 0.03:
            source, text = rng.choice(docs[:n])
            source_unit = text.split("2023年度")[0]
            text = text.replace(source_unit, unit)
            planted.add(frozenset((name, source)))
        elif n > 10 and roll < 0.04:
            source, text = rng.choice(docs[:n])
            planted.add(frozenset((name, source)))
        elif n > 10 and roll < 0.06:
            source, text = rng.choice(docs[:n])
            lines = text.split("\n")
            lines[3:7] = ["".join(sentence(rng) for _ in range(4))] * 4
            text = "\n".join(lines)
            planted.add(frozenset((name, source)))
        elif roll < 0.08:
            text = template.replace("模板镇", unit)
            planted.update(frozenset((name, other)) for other in members)
            members.append(name)
        else:
            text = made_up(rng, unit, 2023)
        docs.append((name, text))
    return docs, planted


def fingerprints(docs: list[tuple[str, str]]) -> tuple[list[bytes], float, float]:
    """Pickled fingerprints (as workers send them); seconds per report for the
    check alone and for the fingerprint added to it."""
    import datasketch  # noqa: F401  (imported once before the workers fork)

    from checker.batch.history import fingerprint_of
    from checker.engine import check_source
    from checker.source import Source

    prints, check_time, print_time = [], 0.0, 0.0
    for name, text in docs:  # CPU time: the machine may be shared
        start = time.process_time()
        report, doc = check_source(Source(name, text))
        middle = time.process_time()
        fp, _ = fingerprint_of(report, doc)
        prints.append(pickle.dumps(fp))
        check_time += middle - start
        print_time += time.process_time() - middle
    return prints, check_time / len(docs), print_time / len(docs)


def compare(prints: list[bytes]) -> tuple[float, float, int, dict[int, list[int]]]:
    """The parent's work: wall and CPU seconds (CPU: what a shared, loaded
    machine does not inflate), peak traced bytes, partners found."""
    from checker.batch.similar import Index, longest_runs

    tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    index = Index()
    for number, data in enumerate(prints):
        index.add(number, pickle.loads(data))
    partners = {}
    for number in range(len(prints)):
        found = index.partners(number)
        for other, _, _ in found:
            longest_runs(index.prints[number], index.prints[other])
        partners[number] = [other for other, _, _ in found]
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return wall, cpu, peak, partners


def recall(docs, planted, partners) -> tuple[int, int, int]:
    """Reports with a planted partner found; planted; flagged but not planted."""
    names = [name for name, _ in docs]
    in_pairs = {name for pair in planted for name in pair}
    found = {names[n] for n, others in partners.items() if others}
    wrong = sum(
        1
        for n, others in partners.items()
        for o in others
        if frozenset((names[n], names[o])) not in planted
    )
    return len(found & in_pairs), len(in_pairs), wrong


def cli(docs: list[tuple[str, str]]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fazhi-sim-"))
    try:
        for name, text in docs:
            (folder / name).write_text(text, encoding="utf-8")
        for extra in ([], ["--no-similarity"]):
            args = [CLI, "check", str(folder), "--format", "jsonl", "-o", "/dev/null"]
            result = _measure([*args, *extra])
            label = "比对关闭" if extra else "比对开启（默认）"
            print(
                f"CLI {len(docs)} 份，{label}：{result['wall']:.1f} 秒，"
                f"{len(docs) / result['wall']:.0f} 份/秒，最大进程峰值内存 "
                f"{result['maxrss_kib'] / 1024:.0f} MiB"
            )
    finally:
        shutil.rmtree(folder)


_HELPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "code": code, "maxrss_kib": rss}))
"""


def _measure(args: list[str]) -> dict:
    import json

    out = subprocess.run(
        [sys.executable, "-c", _HELPER, *args], capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--cli", action="store_true", help="也测命令行端到端")
    options = parser.parse_args()
    print(
        "份数   检查 ms/份  指纹 ms/份  比对 CPU 秒（墙钟）  "
        "比对峰值 MiB  召回  另发现的对"
    )
    for size in options.sizes:
        docs, planted = corpus(size)
        prints, check, added = fingerprints(docs)
        wall, cpu, peak, partners = compare(prints)
        hit, total, wrong = recall(docs, planted, partners)
        print(
            f"{size:<6} {check * 1000:>10.2f}  {added * 1000:>10.2f}  "
            f"{cpu:>8.2f}（{wall:.2f}）  {peak / 2**20:>12.1f}  "
            f"{hit}/{total}  {wrong:>6}"
        )
    if options.cli:
        cli(docs)


if __name__ == "__main__":
    main()
