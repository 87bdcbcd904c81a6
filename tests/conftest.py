"""Shared fixtures: the bundled seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` ("000" .. "004")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


@pytest.fixture(params=["000", "001", "002", "003", "004"])
def seed(request: pytest.FixtureRequest) -> str:
    """Each seed's prefix in turn."""
    return request.param
