"""Shared fixtures: where the real documents in ../shared live."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL = SHARED / "corpus" / "real"
SEED = SHARED / "corpus" / "seed"
UPR = SHARED / "corpus" / "upr"


def need(path: Path) -> Path:
    """The path, or skip the test with the reason when ../shared lacks it."""
    if not path.exists():
        pytest.skip(f"{path} not found: the real documents live in ../shared/corpus")
    return path
