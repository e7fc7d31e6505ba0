"""Writing one of jazu's own built tables (MIT, no download), shared by the scripts that build
them (build_names.py, build_endings.py): the meta lines, the rows, and the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]


def write_table(directory: Path, name: str, version: str, comment: str, source: str, rows: Iterable[str]) -> None:
    """tables/<version>/<name>.tsv: a comment, the meta lines, then one row a line."""
    rows = list(rows)
    meta = [f"# {comment}", f"@table\t{name}", f"@version\t{version}", "@direction\tlexicon", f"@source\t{source}",
            "@licence\tMIT (jazu project)", "@status\tstable", ""]
    out = directory / f"{name}.tsv"
    out.write_text("\n".join(meta + rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows")


def main(doc: str, write: Callable[[Path, str], None]) -> None:
    """`python tools/build_X.py VERSION [--out DIR]`: write the version's table into DIR."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("version")
    parser.add_argument("--out", type=Path, help="the tables directory of the version (default: tables/VERSION)")
    args = parser.parse_args()
    write(args.out or ROOT / "tables" / args.version, args.version)
