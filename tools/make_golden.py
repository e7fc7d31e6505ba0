"""Write the golden outputs of the seed articles for one table version: tests/golden/<version>/.

Run this only when a NEW table version is made, review the diff by eye, and commit it with the
version: the golden files of a released version are what "output never changes silently" means,
and tests/test_golden.py holds the converter to them byte for byte.

    python tools/make_golden.py 2
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import jazu  # noqa: E402

# seed file -> the script it is converted to
GOLDEN = {
    "000_532bcf6876fd3160.txt": "cyrl",
    "003_0632195ffc93f541.txt": "arab",
    "004_fb48069df45bd92e.txt": "arab",
}


def main(version: str) -> None:
    out_dir = ROOT / "tests" / "golden" / version
    out_dir.mkdir(parents=True, exist_ok=True)
    for seed, target in GOLDEN.items():
        text = (ROOT / "seeds" / seed).read_text(encoding="utf-8")
        result = jazu.transliterate(text, target=target, tables=version)
        path = out_dir / f"{seed[:3]}.{target}.txt"
        path.write_bytes(result.encode("utf-8"))
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/make_golden.py VERSION")
    main(sys.argv[1])
