"""Bytes of a submitted file to a :class:`~checker.source.Source`, by format.

The format is chosen by content, not by extension alone. Plain text (and
Markdown) is decoded by :func:`checker.source.decode`.
"""

from __future__ import annotations

import hashlib

from checker.source import Source, decode


def load_source(data: bytes, name: str) -> Source:
    """Turn a file's bytes into report text; raise InputError with a Chinese reason."""
    text, encoding = decode(data, name)
    return Source(name, text, encoding, "txt", "行", hashlib.sha256(data).hexdigest())
