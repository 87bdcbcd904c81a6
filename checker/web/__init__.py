"""Stage 7, the local page: uploads -> Reports (via batch) -> pages and downloads.

``fazhi-check serve`` runs :func:`create_app` under uvicorn on 127.0.0.1. The
page calls nothing but the batch (worker pool with hard timeouts), the engine's
packs and the formats' JSON and labels; uploads live in memory under random ids.
"""

from __future__ import annotations

from checker.web.app import create_app

__all__ = ["create_app"]
