"""What a check reports: a place in the text, the text there, the message args."""

from __future__ import annotations

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
