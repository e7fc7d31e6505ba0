"""End-to-end throughput of both directions on natural text, against the `str.translate`
yardstick over the same text in the same run (median of interleaved repetitions).

    python benchmarks/throughput.py [MB]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import jazu  # noqa: E402
from jazu.tableset.compile import load_compiled  # noqa: E402


def seeds(names: List[str], megabytes: float) -> str:
    text = "".join((ROOT / "seeds" / n).read_text(encoding="utf-8") for n in names)
    return text * max(1, int(megabytes * 1e6 // len(text.encode())))


def measure(runs: Dict[str, Callable[[], object]], repeat: int = 5) -> Dict[str, float]:
    times: Dict[str, List[float]] = {k: [] for k in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def main(megabytes: float) -> None:
    compiled = load_compiled()
    cyr_table = {ord(k): v or None for k, v in compiled["writer"]["letters"].items()}
    arab_table = {ord(k): v for k, v in compiled["reader"]["letters"].items()}
    arab_table.update({ord(k): v[0] for k, v in compiled["reader"]["vowels"].items()})
    cyrl = seeds(["003_0632195ffc93f541.txt", "004_fb48069df45bd92e.txt"], megabytes)
    arab = seeds(["000_532bcf6876fd3160.txt"], megabytes)
    writer, reader = jazu.Transliterator("cyrl", "arab"), jazu.Transliterator("arab", "cyrl")
    writer(cyrl[:1000]), reader(arab[:1000])  # compile before timing
    print(f"jazu {jazu.__version__}, tables {writer.tables}, natural text (seeds repeated), median of 5 interleaved runs")
    print(f"{'direction':24} {'MB':>5} {'MB/s':>7} {'words/s':>10} {'yardstick MB/s':>15} {'ratio':>6}")
    for label, text, conv, table in (
        ("Cyrillic -> Arabic", cyrl, writer, cyr_table),
        ("Arabic -> Cyrillic", arab, reader, arab_table),
    ):
        t = measure({"jazu": lambda: conv(text), "yardstick": lambda: text.translate(table)})
        size, words = len(text.encode()), len(text.split())
        print(
            f"{label:24} {size / 1e6:5.1f} {size / t['jazu'] / 1e6:7.1f} {words / t['jazu']:10,.0f}"
            f" {size / t['yardstick'] / 1e6:15.1f} {t['jazu'] / t['yardstick']:6.2f}"
        )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 5.0)
