"""The bounded load test of `jazu serve` (benchmarks/load.py) runs on loopback and stops by
itself: 200 concurrent conversion requests, all answered without an error (its latencies are
reported, never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("uvicorn")


@pytest.mark.parametrize("target", ["arab", "cyrl"])
def test_200_concurrent_requests_succeed(target: str) -> None:
    done = subprocess.run([sys.executable, "benchmarks/load.py", "--requests", "200", "--target", target],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "200 ok, 0 errors" in done.stdout, done.stdout
