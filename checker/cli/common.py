"""What the commands share: exit codes and reading stdin."""

from __future__ import annotations

import sys

from checker.source.decode import MAX_BYTES

#: Exit codes: 0 all pass, 1 some document fails, 2 unreadable input or usage,
#: 130 interrupted (128 + SIGINT, as shells report it).
EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def read_stdin(max_bytes: int = MAX_BYTES) -> bytes:
    """stdin's bytes, one past the limit at most, so that too much shows."""
    return sys.stdin.buffer.read(max_bytes + 1)
