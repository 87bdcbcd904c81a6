"""Stage 1, bytes -> Source: sniff the format, decode, read docx/pdf/html/doc/zip.

A reader never prints: it returns a :class:`Source` (the report as text, with
its format and what a line number counts) or raises :class:`InputError` with a
one-line Chinese reason. A new input format is one module here and one branch
in :func:`load_source`. A .zip submission packet holds several reports: the
batch expands it with :func:`read_packet` and loads each member on its own.
"""

from __future__ import annotations

from checker.source.decode import (
    MAX_BYTES,
    InputError,
    Source,
    decode,
    read_path,
    within_limit,
)
from checker.source.load import load_source
from checker.source.packet import Member, packet_members, read_packet

__all__ = [
    "MAX_BYTES",
    "InputError",
    "Member",
    "Source",
    "decode",
    "load_source",
    "packet_members",
    "read_packet",
    "read_path",
    "within_limit",
]
