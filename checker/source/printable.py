"""Control characters shown as ``\\xNN``: text that is printed, never obeyed.

A report quotes its input and its file names; a submitted file can hold
escape sequences that set a terminal's title or clear its screen, and a file
name can hold bytes a table cannot show. Both the batch (file names) and the
formats (text for a terminal) escape through this one function.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, and the Unicode line and paragraph separators
#: (U+009B is a one-byte CSI).
_CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029"


def _pattern(keep: str) -> re.Pattern[str]:
    kept = "".join(re.escape(ch) for ch in keep)
    return re.compile(f"(?![{kept}])[{_CONTROLS}]" if kept else f"[{_CONTROLS}]")


_ALL = _pattern("")
_BUT_LAYOUT = _pattern("\t\n")


def escape_controls(text: str, keep_layout: bool = True) -> str:
    """``text`` with each control character as ``\\xNN`` (``\\uNNNN``); tab and
    newline stay unless ``keep_layout`` is false (a file name has no layout)."""
    return (_BUT_LAYOUT if keep_layout else _ALL).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
