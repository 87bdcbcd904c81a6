"""The progress bar of a batch, on stderr, and the messages that share its line."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Redraws per second at most: thousands of tiny writes would slow the batch.
RATE = 10
WIDTH = 24


def pace(done: int, total: int, elapsed: float) -> str:
    """`` 12.5 份/秒 剩余 0:31``: the rate so far and the time left at that rate."""
    if done <= 0 or elapsed <= 0:
        return ""
    rate = done / elapsed
    left = round((total - done) / rate)
    minutes, seconds = divmod(left, 60)
    hours, minutes = divmod(minutes, 60)
    eta = (
        f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    )
    return f" {rate:.1f} 份/秒 剩余 {eta}"


class Progress:
    """``[####----] 120/500 24% 12.5 份/秒 剩余 0:31`` on a terminal's stderr.

    Anything else written to the terminal goes through :meth:`pause` first, so
    a log line or a report row never lands in the middle of the bar.
    """

    def __init__(
        self, total: int, stream: TextIO | None = None, quiet: bool = False
    ) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.shown = total > 1 and not quiet and self.stream.isatty()
        self.done = 0
        self._start = time.monotonic()
        self._drawn = False
        self._last = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self._last >= 1 / RATE or self.done == self.total):
            self._last = now
            self._draw()

    def pause(self) -> None:
        """Clear the bar's line; the next :meth:`advance` draws it again."""
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False

    def log(self, message: str) -> None:
        """One line on stderr, above the bar."""
        self.pause()
        self.stream.write(message + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.pause()

    def _draw(self) -> None:
        filled = WIDTH * self.done // self.total
        percent = 100 * self.done // self.total
        bar = "#" * filled + "-" * (WIDTH - filled)
        line = f"\r[{bar}] {self.done}/{self.total} {percent}%"
        line += pace(self.done, self.total, time.monotonic() - self._start)
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True
