"""Reading inputs for the commands: files or stdin, errors as one Chinese line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.source.decode import MAX_BYTES, InputError, Source, read_path, within_limit
from checker.source.load import load_source

#: Exit codes: 0 all pass, 1 some document fails, 2 unreadable input or usage,
#: 130 interrupted (128 + SIGINT, as shells report it).
EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def load(path: str, max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode ``path`` ("-" is stdin); raise InputError on any problem."""
    if path == "-":
        data = within_limit(read_stdin(max_bytes), "<stdin>", max_bytes)
        return load_source(data, "<stdin>")
    return load_source(read_path(Path(path), path, max_bytes), path)


def read_stdin(max_bytes: int = MAX_BYTES) -> bytes:
    """stdin's bytes, one past the limit at most, so that too much shows."""
    return sys.stdin.buffer.read(max_bytes + 1)


def report_error(error: InputError) -> None:
    click.echo(f"错误：{error.path}：{error.reason}", err=True)
