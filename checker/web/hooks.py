"""The two downloads other formats will provide: wire them here when they land.

Each is one small function the page's endpoints call; until the writer exists
it raises :class:`NotYet` and the page answers 501 with a Chinese “尚未提供”.

- :func:`annotated_docx`: the report as Word with each finding as a comment
  (:mod:`checker.formats.annotate`).
- :func:`scorecard_xlsx`: the batch scorecard as an Excel workbook
  (:mod:`checker.formats.xlsx`, as ``--format xlsx`` writes it).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.engine import Report


class NotYet(Exception):
    """A download whose writer is not part of this build; ``what`` is Chinese."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def annotated_docx(data: bytes, name: str, report: Report) -> bytes:
    """The uploaded report (``data`` as uploaded, named ``name``) annotated.

    The upload was already read and checked in a worker (which is where a
    hostile file would have been stopped); reading it again here gives the
    text the comments anchor on.
    """
    from checker.formats.annotate import annotate
    from checker.source import load_source

    return annotate(data, load_source(data, name).text, report)


def scorecard_xlsx(reports: Sequence[Report]) -> bytes:
    """The scorecard of a batch (reports in upload order) as .xlsx bytes: the
    same writer as ``check --format xlsx``, into memory."""
    import io

    from checker import __version__
    from checker.engine import PackError, load_pack
    from checker.formats import write_all

    def rules(ruleset_id: str) -> list:
        try:
            return list(load_pack(ruleset_id).rules)
        except PackError:
            return []

    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    tool = {"name": "fazhi-checker", "version": __version__}
    write_all("xlsx", out, tool, reports, rules, [r.path for r in reports])
    out.flush()
    return buffer.getvalue()
