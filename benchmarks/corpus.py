"""The benchmark corpus: seed variants as .txt, .docx and .pdf files.

Variants mutate the seeds (sections swapped or deleted, renumbered, defects
injected, years changed). A .docx is the seed's package from python-docx with
its ``word/document.xml`` replaced (one paragraph a line, as a drafter types
it), so thousands are written in seconds. A .pdf is set like an official
document (28 characters a line, first lines indented, "— N —" under each page)
by the test suite's own builder (tests/readers_fixtures.py, reportlab), in
parallel because reportlab takes some 60 ms a report.
"""

from __future__ import annotations

import io
import multiprocessing
import random
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LEVEL1 = re.compile(r"^(?=[一二三四五六七八九十]+、)", re.M)
NUMERALS = "一二三四五六七八九十"
DEFECTS = ("XX", "××", "【】", "（此处填写）", "    年  月  日", "()", "2加强")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def mutate(text: str, rng: random.Random) -> str:
    """One plausible report variant; a few mutations chosen at random."""
    for _ in range(rng.randint(1, 3)):
        text = rng.choice((_swap, _delete, _renumber, _inject, _year))(text, rng)
    return text


def _swap(text: str, rng: random.Random) -> str:
    parts = LEVEL1.split(text)
    if len(parts) > 3:
        i, j = rng.sample(range(1, len(parts)), 2)
        parts[i], parts[j] = parts[j], parts[i]
    return "".join(parts)


def _delete(text: str, rng: random.Random) -> str:
    parts = LEVEL1.split(text)
    if len(parts) > 3:
        del parts[rng.randrange(1, len(parts))]
    return "".join(parts)


def _renumber(text: str, rng: random.Random) -> str:
    old, new = rng.sample(NUMERALS[:5], 2)
    return re.sub(rf"^{old}、", f"{new}、", text, count=1, flags=re.M)


def _inject(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    lines[at] = rng.choice(DEFECTS) + lines[at]
    return "\n".join(lines)


def _year(text: str, rng: random.Random) -> str:
    year = str(rng.randint(2015, 2024))
    return re.sub(r"20[12]\d(?=年)", year, text, count=rng.randint(1, 3))


def variants(count: int) -> list[str]:
    rng = random.Random(20240401)
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    return [mutate(texts[n % len(texts)], rng) for n in range(count)]


def generate(folder: Path, count: int, fmt: str) -> list[Path]:
    """``count`` variants written as ``fmt`` files under ``folder``."""
    texts = variants(count)
    paths = [
        folder / f"{n // 1000:02d}" / f"report_{n:05d}.{fmt}" for n in range(count)
    ]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "txt":
        for path, text in zip(paths, texts, strict=True):
            path.write_text(text, encoding="utf-8")
    elif fmt == "docx":
        template = _docx_template()
        for path, text in zip(paths, texts, strict=True):
            path.write_bytes(_docx(template, text))
    else:
        with multiprocessing.Pool() as pool:
            for path, data in zip(
                paths, pool.imap(_pdf, texts, chunksize=8), strict=True
            ):
                path.write_bytes(data)
    return paths


def _docx_template() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _docx(template: dict[str, bytes], text: str) -> bytes:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.splitlines()
        if line.strip()
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in template.items():
            if name == "word/document.xml":
                data = document.encode("utf-8")
            archive.writestr(name, data)
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from readers_fixtures import pdf_a4

    return pdf_a4(text)
