"""The benchmark tools run on a fresh clone (README: Speed), in their quick mode; their numbers
are reported, never asserted (timings belong to benchmarks/, not to tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _run(args: list, timeout: int = 300) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_suite_measures_every_row(tmp_path: Path) -> None:
    out = tmp_path / "suite.json"
    text = _run(["benchmarks/suite.py", "--quick", "--json", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = {(r["source"], r["target"], r["corpus"]) for r in report["in_process"]}
    directions = [("cyrl", "arab"), ("arab", "cyrl"), ("cyrl", "latn"), ("latn", "cyrl")]
    assert rows == {(s, t, c) for s, t in directions for c in ("natural", "shuffled+suffixed", "distinct")}
    assert all(r["ratio"] > 0 and r["words"] > 0 for r in report["in_process"])
    assert "| Arabic → Cyrillic | distinct |" in text and "start-up: `jazu --version`" in text
    assert "| Latin → Cyrillic | natural |" in text


def test_the_stage_timings_cover_both_directions() -> None:
    text = _run(["benchmarks/stages.py", "--quick"])
    for heading in ("Arabic -> Cyrillic, natural, warm cache", "Cyrillic -> Arabic, distinct words, cold cache",
                    "Arabic -> Cyrillic cache misses, shuffled+suffixed"):
        assert heading in text
