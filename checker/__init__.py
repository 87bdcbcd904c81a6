"""fazhi-checker: compliance checker for 法治政府建设年度报告.

The Python API (:mod:`checker.api`) is importable from here; it loads lazily,
so that the command line pays nothing for it at start-up.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"
__all__ = ["check_file", "check_text", "report_json"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from checker import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
