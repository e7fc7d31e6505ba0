"""Build the gazetteer of a table version (tables/<version>/names.tsv, version 3 on) from jazu's
own lists in tools/curated/names/*.tsv, deterministically; no download is needed.

    python tools/build_names.py 3

Row kinds (see tables/3/README.md): given (personal given names), place (Kazakhstan's places;
`common` marks a name that is also an ordinary word), org (the state's own bodies, always
capitalised), acronym (Kazakh Cyrillic acronyms, the third column a gloss that is not shipped),
phrase (multi-word names, each word in the case it is written).
Every row is checked here and again, with file:line errors, when the tables load.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from own_table import ROOT, main, write_table
KINDS = {"given": 1, "place": 2, "org": 1, "acronym": 2, "phrase": 1}


def _cyrillic(word: str) -> bool:
    return bool(word) and all(
        ch == "-" or (ch.isalpha() and unicodedata.name(ch, "").startswith("CYRILLIC")) for ch in word
    ) and not word.startswith("-") and not word.endswith("-")


def rows() -> list:
    found = {}
    for path in sorted((ROOT / "tools" / "curated" / "names").glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, *values = line.split("\t")
            where = f"{path.relative_to(ROOT)}:{number}"
            if kind not in KINDS or not 1 <= len(values) <= 2:
                sys.exit(f"{where}: expected one of {', '.join(KINDS)} with one or two values")
            name = values[0]
            if not all(_cyrillic(part) for part in name.split(" ")) or not name[0].isupper():
                sys.exit(f"{where}: {name!r} is not a capitalised Cyrillic name")
            if kind == "acronym":
                if not name.isupper():
                    sys.exit(f"{where}: acronym {name!r} is not all capitals")
                values = [name]  # the gloss documents the list; it is not shipped
            elif kind == "place" and len(values) == 2 and values[1] != "common":
                sys.exit(f"{where}: the third column of a place row is empty or `common`")
            elif len(values) > KINDS[kind]:
                sys.exit(f"{where}: {kind} rows take {KINDS[kind]} value(s)")
            key = (kind, name)
            if key in found and found[key] != values:
                sys.exit(f"{where}: {kind} {name!r} is listed twice, differently")
            found[key] = values
    return [[kind] + values for (kind, _), values in sorted(found.items())]


def write(directory: Path, version: str) -> None:
    write_table(
        directory, "names", version,
        "Built by tools/build_names.py from tools/curated/names/*.tsv: edit those, not this.",
        "jazu's own lists written from public facts (tools/curated/names/)",
        ("\t".join(r) for r in rows()),
    )


if __name__ == "__main__":
    main(__doc__, write)
