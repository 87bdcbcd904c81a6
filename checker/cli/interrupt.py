"""Ctrl-C and SIGTERM end a command the same way: workers killed, temp files
removed (the worker pool's ``finally``), one line on stderr, exit 130 or 143.

SIGTERM is what ``kill``, ``timeout`` and service managers send; Python's
default for it ends the process at once, skipping every ``finally`` and
leaving workers, converters and temporary copies of the documents behind.
"""

from __future__ import annotations

import signal
import sys
from typing import NoReturn

import click

from checker.cli.common import EXIT_INTERRUPTED

#: 128 + SIGTERM, as shells report a process ended by it.
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; handled wherever Ctrl-C is."""


def catch_sigterm() -> None:
    """From now on SIGTERM raises :class:`Terminated` in the main thread."""
    signal.signal(signal.SIGTERM, _raise)


def _raise(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once is enough while cleaning up
    raise Terminated


def stop(interrupt: KeyboardInterrupt, consequence: str) -> NoReturn:
    """Say what an interrupted run left behind and exit with the signal's code."""
    if isinstance(interrupt, Terminated):
        click.echo(f"已中断（收到 SIGTERM）：{consequence}", err=True)
        sys.exit(EXIT_TERMINATED)
    click.echo(f"已中断（Ctrl-C）：{consequence}", err=True)
    sys.exit(EXIT_INTERRUPTED)
