"""Bracketed markers not written in GB/T 9704's full-width （一） （1）.

The norm is the standard (GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）), not the
majority of the document: where a report writes most of its markers (一) and a
few （一）, the half-width ones are wrong. Reported:

- a marker that mixes widths within itself: ``(一）``;
- half-width ``(一)`` in a document that also writes full-width （） markers:
  each one, at the rule's severity;
- half-width used throughout (what websites that normalise punctuation
  produce): one finding for the whole report at ``half_width_severity``,
  pointing at the first, with the count — or each one at the rule's severity
  when ``strict`` is true.

Wrong punctuation after a numeral (1、 （一）、 一.), a lost numeral or full stop
are the other numbering rules' findings, not reported again here.

Options:
  strict: report each half-width marker of a consistently half-width report.
  half_width_severity: severity of the one grouped finding; "" for none.

Examples: the rules' cases, tests/cases/<area>/<rule>.yaml (explain shows them).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.context import Context
from checker.checks.hit import Hit
from checker.checks.option import Flag, Severity
from checker.parse.numbering import Marker

NODES = ("section",)
OPTIONS = {"strict": Flag(False), "half_width_severity": Severity("info", off=True)}
ARGS = {"marker": "序号", "problem": "问题说明"}
#: Reported by numbering/punctuation, missing-punctuation and missing-numeral.
_OWN_RULES = {"missing-numeral", "missing-punctuation", "punctuation"}
_STANDARD = "应为全角“（）”（GB/T 9704）"


def check(ctx: Context, nodes: list, options: dict) -> Iterator[Hit]:
    markers = [n.marker for n in nodes if n.marker and n.marker.level]
    markers = [m for m in markers if not _OWN_RULES & set(m.defects)]
    half = [m for m in markers if "half-width-bracket" in m.defects]
    full = any(m.style.startswith("（") and m.style.endswith("）") for m in markers)
    for marker in markers:
        if "mixed-bracket" in marker.defects:
            yield _hit(marker, "括号全角半角混用，" + _STANDARD)
        elif marker in half and (full or options["strict"]):
            problem = "使用了半角括号，" + (
                "与本文其他全角序号不一致" if full else _STANDARD
            )
            yield _hit(marker, problem)
    severity = options["half_width_severity"]
    if half and not full and not options["strict"] and severity:
        count = f"等{len(half)}处" if len(half) > 1 else ""
        yield _hit(half[0], f"{count}使用了半角括号，{_STANDARD}", str(severity))


def _hit(marker: Marker, problem: str, severity: str | None = None) -> Hit:
    return Hit(
        marker.start, marker.text, {"marker": marker.text, "problem": problem}, severity
    )
