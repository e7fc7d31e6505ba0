"""Word-level accuracy, for any table version.

Seed article (always):
  1. arab -> cyrl -> arab round trip of seed 000: words identical
  2. cyrl -> arab of a careful human transliteration of seed 000 vs Kazinform's own words
  3. arab -> cyrl of seed 000 vs that careful transliteration (ignoring case, and with case)

Real outlet text (with --dev DIR, e.g. ../shared/dev/web): each NN.arab.txt read into Cyrillic
  against its careful NN.cyrl.txt, line by line, words aligned (difflib) so that a word joined
  or split (Ілияс ұлы -> Ілиясұлы) costs only itself; the seed's hyphen spacing (`X- Y`,
  `2012 -жыл`) folded; ignoring case and with case; misses counted by kind, and listed with -v.

Held-out vocabulary (with --heldout DIR, made by `tools/build_lexicon.py 2 --holdout DIR`):
  every form of the 10 % of hunspell-kk stems left out of that build, Cyrillic -> Arabic ->
  Cyrillic, ignoring case; overall, for words with a Kazakh-specific letter, and by class;
  beside the rule-only reading of tables version 1 on the same words.

Latin (with --latin, tables version 4 on; add --heldout DIR for the held-out vocabulary):
  the Cyrillic seeds 003 and 004 Cyrillic -> Latin -> Cyrillic, words with a Cyrillic letter
  identical (with case); seed 000 Arabic -> Latin against the careful transliteration written in
  Latin, ignoring case; the held-out forms Cyrillic -> Latin -> Cyrillic, ignoring case, with the
  Latin reader's lexicon built without their stems.

    python benchmarks/accuracy.py [VERSION] [--heldout DIR | --dev DIR [-v] | --latin [--heldout DIR] [-v]]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

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


KAZAKH_SPECIFIC = set("әөүұіғқңһ")
LOAN_LETTERS = set("вфхһцчщъьэёюя")
BACK, FRONT = set("аоұы"), set("әөүіе")


def word_class(stem: str, form: str) -> str:
    if stem[:1].isupper():
        return "name"
    low = form.lower()
    if LOAN_LETTERS.intersection(low) or (BACK.intersection(low) and FRONT.intersection(low)):
        return "loan or mixed"
    return "native front" if FRONT.intersection(low) else "native back"


def heldout(version: str, directory: Path) -> None:
    rows = [line.split("\t") for line in (directory / "heldout.tsv").read_text(encoding="utf-8").splitlines()]
    import os

    os.environ["JAZU_TABLES_DIR"] = str(directory / "tables")
    write = jazu.Transliterator("cyrl", "arab", tables=version)
    read = jazu.Transliterator("arab", "cyrl", tables=version)
    os.environ["JAZU_TABLES_DIR"] = str(ROOT / "tables")
    read_rules = jazu.Transliterator("arab", "cyrl", tables="1")
    totals: dict = {}
    for stem, form in rows:
        arabic = write(form)
        ok = read(arabic).lower() == form.lower()
        ok_rules = read_rules(arabic).lower() == form.lower()
        keys = ["all", word_class(stem, form)]
        if KAZAKH_SPECIFIC.intersection(form.lower()):
            keys.append("with a Kazakh-specific letter")
        for key in keys:
            t = totals.setdefault(key, [0, 0, 0])
            t[0] += 1
            t[1] += ok
            t[2] += ok_rules
    print(f"held-out forms ({len(rows)} forms of {len({s for s, _ in rows})} stems), cyrl -> arab -> cyrl, ignoring case")
    print(f"  {'class':32} {'forms':>8} {'lexicon':>9} {'rules (v1)':>11}")
    for key in ("all", "with a Kazakh-specific letter", "native back", "native front", "loan or mixed", "name"):
        if key in totals:
            n, ok, ok_rules = totals[key]
            print(f"  {key:32} {n:8} {ok / n:9.1%} {ok_rules / n:11.1%}")


def _fold(line: str) -> List[str]:
    import re

    line = re.sub(r"(?<=\S)- (?=\S)", "-", line)
    line = re.sub(r"(?<=\d) -(?=\S)", "-", line)
    return line.split()


def dev(version: Optional[str], directory: Path, verbose: bool) -> None:
    """Word accuracy on real outlet text: see the module's docstring."""
    from difflib import SequenceMatcher

    read = jazu.Transliterator("arab", "cyrl", tables=version)
    totals = {"words": 0, "ignoring case": 0, "with case": 0}
    kinds = {"letters": 0, "capital missing": 0, "capital wrong": 0, "case otherwise": 0}
    print(f"tables version {read.tables}, real outlet text in {directory}")
    for arab_path in sorted(directory.glob("*.arab.txt")):
        name = arab_path.name.split(".")[0]
        got = read(arab_path.read_text(encoding="utf-8")).splitlines()
        want = (directory / f"{name}.cyrl.txt").read_text(encoding="utf-8").splitlines()
        if len(got) != len(want):
            raise SystemExit(f"{arab_path}: {len(got)} lines read, {len(want)} in the Cyrillic")
        n = low_ok = ok = 0
        for out_line, ref_line in zip(got, want):
            out, ref = _fold(out_line), _fold(ref_line)
            n += len(ref)
            lower = SequenceMatcher(None, [w.lower() for w in out], [w.lower() for w in ref], autojunk=False)
            low_ok += sum(b.size for b in lower.get_matching_blocks())
            exact = SequenceMatcher(None, out, ref, autojunk=False)
            ok += sum(b.size for b in exact.get_matching_blocks())
            for tag, i1, i2, j1, j2 in exact.get_opcodes():
                if tag == "equal":
                    continue
                pairs = list(zip(out[i1:i2], ref[j1:j2])) if i2 - i1 == j2 - j1 else []
                for o, r in pairs:
                    if o.lower() != r.lower():
                        kinds["letters"] += 1
                    elif r[:1].isupper() and not o[:1].isupper():
                        kinds["capital missing"] += 1
                    elif o[:1].isupper() and not r[:1].isupper():
                        kinds["capital wrong"] += 1
                    else:
                        kinds["case otherwise"] += 1
                if not pairs:
                    kinds["letters"] += max(i2 - i1, j2 - j1)
                if verbose:
                    print(f"  {name} {' '.join(out[i1:i2])!s:40} | {' '.join(ref[j1:j2])}")
        totals["words"] += n
        totals["ignoring case"] += low_ok
        totals["with case"] += ok
        print(f"  {name}: {n:5} words  ignoring case {low_ok / n:6.1%}  with case {ok / n:6.1%}")
    n = totals["words"]
    print(f"  all: {n:5} words  ignoring case {totals['ignoring case'] / n:6.1%}  with case {totals['with case'] / n:6.1%}")
    print("  misses by kind (aligned words): " + ", ".join(f"{k} {v}" for k, v in kinds.items()))


def latin(version: Optional[str], holdout: Optional[Path], verbose: bool) -> None:
    """Latin: see the module's docstring."""
    import os
    import re

    write = jazu.Transliterator("cyrl", "latn", tables=version)
    read = jazu.Transliterator("latn", "cyrl", tables=version)
    cyrillic = re.compile("[а-яёәіңғүұқөһ]", re.IGNORECASE).search
    n = ok = 0
    for number in ("003", "004"):
        text = next((ROOT / "seeds").glob(f"{number}_*.txt")).read_text(encoding="utf-8")
        back = read(write(text)).split()
        words = text.split()
        assert len(back) == len(words)
        for word, got in zip(words, back):
            if cyrillic(word):
                n, ok = n + 1, ok + (word == got)
                if verbose and word != got:
                    print(f"  {word} -> {write(word)} -> {got}")
    print(f"tables version {write.tables}, Latin")
    print(f"  seeds 003+004, cyrl -> latn -> cyrl, words identical (with case): {ok / n:6.2%} ({ok}/{n})")
    got = jazu.transliterate(SEED.read_text(encoding="utf-8"), target="latn", source="arab", tables=version).split()
    want = write(REFERENCE.read_text(encoding="utf-8")).split()
    right = sum(a.lower() == b.lower() for a, b in zip(got, want))
    print(f"  seed 000, arab -> latn vs the careful transliteration, ignoring case: {right / len(want):6.2%} ({right}/{len(want)})")
    if holdout is None:
        return
    rows = [line.split("\t") for line in (holdout / "heldout.tsv").read_text(encoding="utf-8").splitlines()]
    from jazu.tableset import compile as compiler

    # The compiled tables are kept in memory by version name: load the held-out build afresh.
    compiler._memory.clear()
    os.environ["JAZU_TABLES_DIR"] = str(holdout / "tables")
    read_held = jazu.Transliterator("latn", "cyrl", tables=version)
    os.environ["JAZU_TABLES_DIR"] = str(ROOT / "tables")
    compiler._memory.clear()
    assert len(read_held._converter("latn")._whole) < len(read._converter("latn")._whole)
    totals: dict = {}
    for stem, form in rows:
        right = read_held(write(form)).lower() == form.lower()
        for key in ("all", word_class(stem, form)):
            t = totals.setdefault(key, [0, 0])
            t[0] += 1
            t[1] += right
    print(f"  held-out forms ({len(rows)} forms of {len({s for s, _ in rows})} stems), cyrl -> latn -> cyrl, ignoring case")
    for key in ("all", "native back", "native front", "loan or mixed", "name"):
        if key in totals:
            count, right = totals[key]
            print(f"    {key:30} {count:8} {right / count:7.1%}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-") and not Path(a).is_dir()]
    version = args[0] if args else None
    if "--latin" in sys.argv:
        held = Path(sys.argv[sys.argv.index("--heldout") + 1]) if "--heldout" in sys.argv else None
        latin(version, held, "-v" in sys.argv)
    elif "--dev" in sys.argv:
        dev(version, Path(sys.argv[sys.argv.index("--dev") + 1]), "-v" in sys.argv)
    elif "--heldout" in sys.argv:
        heldout(version or "2", Path(sys.argv[sys.argv.index("--heldout") + 1]))
    else:
        main(version)
