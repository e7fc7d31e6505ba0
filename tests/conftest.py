"""Shared fixtures. The suite runs against the installed package (see README: `pip install
'.[test]'`), with its own compiled-table cache directory so no stale cache can leak in."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARAB = SEEDS / "000_532bcf6876fd3160.txt"
SEED_CYRL = (SEEDS / "003_0632195ffc93f541.txt", SEEDS / "004_fb48069df45bd92e.txt")
DATA = Path(__file__).resolve().parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    cache = ROOT / ".pytest_cache" / "jazu-tables"
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["JAZU_CACHE_DIR"] = str(cache)


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def jazu_exe() -> str:
    """The installed console script, beside the interpreter running the tests."""
    beside = Path(sys.executable).parent / "jazu"
    found = str(beside) if beside.exists() else shutil.which("jazu")
    if not found:
        pytest.fail("the jazu command is not installed: pip install '.[test]' first")
    return found
