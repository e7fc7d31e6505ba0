"""Word-level accuracy on the seed article, for any table version.

  1. arab -> cyrl -> arab round trip of seed 000: words identical
  2. cyrl -> arab of a careful human transliteration of seed 000 vs Kazinform's own words
  3. arab -> cyrl of seed 000 vs that careful transliteration (ignoring case, and with case)

    python benchmarks/accuracy.py [VERSION]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import jazu  # noqa: E402

SEED = ROOT / "seeds" / "000_532bcf6876fd3160.txt"
REFERENCE = ROOT / "tests" / "data" / "seed000.cyrl.reference.txt"


def share(pairs, same=lambda a, b: a == b) -> str:
    pairs = list(pairs)
    right = sum(same(a, b) for a, b in pairs)
    return f"{right / len(pairs):.1%} ({right}/{len(pairs)})"


def main(version: str = None) -> None:
    arab = SEED.read_text(encoding="utf-8")
    reference = REFERENCE.read_text(encoding="utf-8")
    cyrl = jazu.transliterate(arab, target="cyrl", source="arab", tables=version)
    back = jazu.transliterate(cyrl, target="arab", source="cyrl", tables=version)
    written = jazu.transliterate(reference, target="arab", source="cyrl", tables=version)
    used = jazu.Transliterator("arab", "cyrl", tables=version).tables
    print(f"tables version {used}, seed 000 ({len(arab.split())} words)")
    print(f"  arab -> cyrl -> arab, words identical:          {share(zip(arab.split(), back.split()))}")
    print(f"  human cyrl -> arab, words as Kazinform wrote:   {share(zip(written.split(), arab.split()))}")
    lower = lambda a, b: a.lower() == b.lower()  # noqa: E731
    print(f"  arab -> cyrl vs human, ignoring case:           {share(zip(cyrl.split(), reference.split()), lower)}")
    print(f"  arab -> cyrl vs human, with case:               {share(zip(cyrl.split(), reference.split()))}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
