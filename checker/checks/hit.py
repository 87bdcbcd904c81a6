"""What a check reports: a place in the text, the text there, the message args."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    """Where (offset into the text), what, and the arguments a message may use.

    ``args`` must hold exactly the names the check declares in ``ARGS``; the
    engine adds ``text``. ``severity`` overrides the rule's severity for this
    one hit (level-skip uses it to make a tolerated skip informational).
    """

    offset: int
    text: str
    args: dict[str, str | int] = field(default_factory=dict, compare=False)
    severity: str | None = None


def no_hits(ctx: object, nodes: list, options: dict) -> Iterator[Hit]:
    """``check`` of a type run over finished reports (``BATCH``), never by the
    single-document engine: it finds nothing in one document alone."""
    return iter(())
