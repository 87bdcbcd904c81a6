"""A long hostile-input campaign through the batch and every writer (issue 17).

    .venv/bin/python benchmarks/fuzz_campaign.py [--count 100000] [--jobs N]
        [--timeout 10] [--chunk 2000] [--seed 17]

Writes ``--count`` generated inputs, ``--chunk`` at a time, into a temporary
folder: seeds damaged byte by byte or cut short, random bytes, text with lone
surrogates and terminal control sequences in UTF-8, GB18030 and UTF-16, web
pages declaring codecs that are no charsets (hex, base64, unicode_escape…),
PDFs whose font maps a glyph to any BMP code point (surrogates included),
damaged .docx and .doc, all under hostile names (GBK bytes, control
characters, backslashes). Each chunk is discovered, checked by ``check_all``
in worker processes and written by every format to a strict UTF-8 stream.

Prints: inputs, results (pass/fail/error), tracebacks (a report whose error is
the catch-all "检查出错", a crashed worker, or an exception in discovery, the
pool or a writer), hangs (inputs over ``--timeout``), N in vs N out, and peak
memory (this process and the largest worker). Deterministic for a given seed.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fixture builders (test extra)

from hostile import page_declaring, pdf_mapping_to  # noqa: E402

from checker import formats  # noqa: E402
from checker.batch import CRASHED, Options, check_all, discover, item_name  # noqa: E402
from checker.formats import FORMATS  # noqa: E402
from checker.source.sniff import OLE2_MAGIC  # noqa: E402

SEEDS = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
HOSTILE = ["\x1b]0;标题\x07", "\x1b[2J", "\x9b31m", "\ud800", "\udfff", "\u2028", "\r"]
CHARSETS = ["hex", "base64", "rot13", "unicode_escape", "undefined", "idna", "gbk"]
NAME_PARTS = [
    "报告".encode("gbk"),
    "报告".encode(),
    b"\xff\xfe",
    b"\x1b[31m",
    b"\\x41",
    b"a\nb",
    b"\x7f",
    "ｆｕｌｌ".encode(),
    b" ",
]


def samples() -> dict[str, bytes]:
    """Real files of every format, to damage (built once)."""
    from readers_fixtures import docx_typed, html_gbk, pdf_a4

    text = SEEDS[2].decode("utf-8")[:3000]
    return {
        "docx": docx_typed(text),
        "pdf": pdf_a4(text),
        "html": html_gbk(text),
        "txt": text.encode("gb18030"),
    }


def hostile_text(rng: random.Random) -> str:
    text = rng.choice(SEEDS).decode("utf-8")
    for _ in range(rng.randint(1, 6)):
        where = rng.randrange(len(text))
        text = text[:where] + rng.choice(HOSTILE) + text[where:]
    return text


def make_input(rng: random.Random, base: dict[str, bytes]) -> bytes:
    # .doc goes through LibreOffice (~3 s each): 1 in ~350 inputs keeps the
    # converter in the campaign without it taking all of the time.
    (kind,) = rng.choices(range(6), weights=(1, 1, 1, 1, 0.02, 3))
    if kind == 0:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 600)))
    if kind == 1:
        encoding = rng.choice(["utf-8", "gb18030", "utf-16"])
        errors = "surrogatepass" if encoding != "gb18030" else "replace"
        return hostile_text(rng).encode(encoding, errors)
    if kind == 2:
        return page_declaring(rng.choice(CHARSETS), hostile_text(rng)[:2000])
    if kind == 3:
        return pdf_mapping_to(f"{rng.randrange(0x10000):04X}")
    if kind == 4:
        return OLE2_MAGIC + bytes(rng.getrandbits(8) for _ in range(200))
    data = bytearray(base[rng.choice(sorted(base))])
    for _ in range(rng.randint(0, 8)):
        data[rng.randrange(len(data))] = rng.getrandbits(8)
    return bytes(data[: max(1, int(len(data) * rng.uniform(0.05, 1)))])


def make_name(rng: random.Random, index: int) -> bytes:
    parts = rng.sample(NAME_PARTS, rng.randint(0, 3))
    suffix = rng.choice([b".txt", b".TXT", b".html", b".pdf", b".docx", b".doc"])
    return b"%07d" % index + b"".join(parts) + suffix


def write_all(reports: list, names: list[str], counts: Counter) -> None:
    for fmt in FORMATS:
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        try:
            tool = {"name": "fuzz", "version": "0"}
            formats.write_all(fmt, out, tool, reports, None, names)
            out.flush()
        except Exception:
            counts["tracebacks"] += 1
            counts[f"writer {fmt}"] += 1
            print(traceback.format_exc(), file=sys.stderr)


def run_chunk(folder: Path, options: Options, jobs: int, counts: Counter) -> None:
    try:
        items = discover([str(folder)])
        reports = list(check_all(items, options, jobs))
    except Exception:
        counts["tracebacks"] += 1
        print(traceback.format_exc(), file=sys.stderr)
        return
    counts["out"] += len(reports)
    for report in reports:
        counts[report.status.value] += 1
        error = report.error or ""
        if error.startswith("检查出错") or error == CRASHED:
            counts["tracebacks"] += 1
            print(f"{report.path}: {error}", file=sys.stderr)
        elif error.startswith("检查超时"):
            counts["hangs"] += 1
    write_all(reports, [item_name(item) for item in items], counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = samples()
    options = Options(timeout=args.timeout)
    counts: Counter = Counter()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fazhi-fuzz-") as tmp:
        for first in range(0, args.count, args.chunk):
            folder = Path(tmp) / f"{first:07d}"
            folder.mkdir()
            for index in range(first, min(first + args.chunk, args.count)):
                name = make_name(rng, index)
                (Path(os.fsdecode(os.fsencode(folder) + b"/" + name))).write_bytes(
                    make_input(rng, base)
                )
                counts["in"] += 1
            run_chunk(folder, options, args.jobs, counts)
            shutil.rmtree(folder)
            print(
                f"{counts['in']} inputs, {time.monotonic() - start:.0f} s", flush=True
            )
    report(counts, time.monotonic() - start, args)


def report(counts: Counter, seconds: float, args: argparse.Namespace) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\ninputs {counts['in']}  results {counts['out']} "
        f"(pass {counts['pass']}, fail {counts['fail']}, error {counts['error']})\n"
        f"N in == N out: {counts['in'] == counts['out']}\n"
        f"tracebacks {counts['tracebacks']}  hangs (over {args.timeout:g} s) "
        f"{counts['hangs']}\n"
        f"peak memory: campaign process {own:.0f} MB, largest worker {workers:.0f} MB\n"
        f"time {seconds:.0f} s ({counts['in'] / max(seconds, 1e-9):.0f} inputs/s, "
        f"--jobs {args.jobs}, seed {args.seed})"
    )
    writers = {k: v for k, v in counts.items() if k.startswith("writer ")}
    if writers:
        print("writer tracebacks:", writers)


if __name__ == "__main__":
    main()
