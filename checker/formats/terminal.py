"""Text for a terminal: control characters shown, never obeyed.

A report quotes its input (titles, offending text, file names), and a
submitted file can hold escape sequences that set the window title, clear the
screen or rewrite what was printed (ESC, BEL, CSI, a bare carriage return).
Every format read on a terminal (``text``, ``table``, the outline) passes its
text through :func:`escape_controls`; JSON escapes them by itself.
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-byte CSI),
#: and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """``text`` with each control character as ``\\xNN`` (``\\uNNNN``)."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
