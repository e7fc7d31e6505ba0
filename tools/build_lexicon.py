"""Build the lexicon tables of a table version from their sources, deterministically.

    python tools/fetch_sources.py            # Debian hunspell-kk + PyPI g2p-kz -> build/sources/
    python tools/build_lexicon.py 2          # -> tables/2/lexicon-*.tsv, tables/2/suffixes.tsv
    python tools/build_lexicon.py 2 --holdout build/holdout   # evaluation build, see below

What it writes (each file with its provenance and licence in its meta lines):
- lexicon-hunspell.tsv: the stems of hunspell-kk's kk_KZ.dic, each with the stem variants its
  own affix rules produce (кітап -> кітаб, жазу -> жаз), cleaned of Latin look-alike letters;
  stems without a vowel (abbreviations, fragments) are left out.
- suffixes.tsv: every suffix string the affix rules attach to at least MIN_SUFFIX_STEMS stems,
  minus forms that break vowel harmony (flag l of kk_KZ.aff attaches -лармен to front stems).
- lexicon-g2p.tsv: g2p-kz's `rightreading` list, converted from its phonemic Latin to Cyrillic,
  kept only where the notation is unambiguous (no ya yw yo ts shsh, no initial e) and our writer
  spells the Cyrillic exactly as the list's Arabic key.
- lexicon-curated.tsv: copied from tools/curated/*.tsv (our own lists written from public facts).
- names.tsv, endings.tsv (version 3 on): the gazetteer, from tools/curated/names/
  (tools/build_names.py), and chains of Kazakh endings (tools/build_endings.py).

--holdout DIR: leaves out a deterministic 10 % of hunspell stems (by a hash of the stem, so by
stem, not by form), writes the lexicon of the rest to DIR/tables/<version>/ and the held-out
forms to DIR/heldout.tsv, for benchmarks/accuracy.py.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import hunspell_expand  # noqa: E402
from jazu.arabic.lexicon import harmony, suffix_harmony  # noqa: E402  (the reader's own, -ев included)

SOURCES = ROOT / "build" / "sources"
MIN_SUFFIX_STEMS = 20
LATIN_LOOKALIKES = str.maketrans("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу")
VOWELS = set("аәеёиоөұүыіэюяу")


def stem_is_held_out(stem: str) -> bool:
    return hashlib.sha256(stem.encode("utf-8")).digest()[0] % 10 == 0


def clean(stem: str) -> str:
    return stem.translate(LATIN_LOOKALIKES) if any("a" <= c.lower() <= "z" for c in stem) else stem


def split(stem: str, form: str) -> Tuple[str, str]:
    """(stem variant, suffix): the form's longest common prefix with the stem is the variant."""
    n = 0
    for a, b in zip(stem, form):
        if a != b:
            break
        n += 1
    return form[:n], form[n:]


def hunspell(holdout: bool) -> Tuple[Dict[str, Set[str]], Counter, List[Tuple[str, str]]]:
    variants: Dict[str, Set[str]] = defaultdict(set)
    suffix_stems: Dict[str, Set[str]] = defaultdict(set)
    held: List[Tuple[str, str]] = []
    pairs = hunspell_expand.expand(str(SOURCES / "kk_KZ.dic"), str(SOURCES / "kk_KZ.aff"), repair_short_rules=True)
    for raw_stem, raw_form in pairs:
        stem, form = clean(raw_stem), clean(raw_form)
        if not VOWELS.intersection(stem.lower()):
            continue
        variant, suffix = split(stem, form)
        if len(variant) < max(1, len(stem) - 2) or not variant:
            continue
        h_stem, h_suffix = harmony(variant), suffix_harmony(suffix)
        if h_stem >= 0 and h_suffix >= 0 and h_suffix != h_stem:
            continue  # a harmony-breaking form (kk_KZ.aff flag l): not Kazakh
        if holdout and stem_is_held_out(stem):
            held.append((stem, form))
            continue
        variants[stem].add(variant)
        if suffix:
            suffix_stems[suffix].add(stem)
    counts = Counter({s: len(stems) for s, stems in suffix_stems.items()})
    return variants, counts, held


# g2p-kz's phonemic Latin -> Cyrillic (symbols read off the package's own converters).
G2P_MULTI = [("shsh", "щ"), ("ah", "ә"), ("oh", "ө"), ("uh", "ү"), ("ih", "і"), ("sh", "ш"),
             ("ch", "ч"), ("nh", "ң"), ("xh", "һ"), ("yw", "ю"), ("ya", "я"), ("yo", "ё")]
G2P_AMBIGUOUS = ("ya", "yw", "yo", "ts", "shsh")
G2P_SINGLE = dict(zip("abvgcdejzkqlmnoprstwufxi", "абвгғдежзкқлмнопрстуұфхы"))
G2P_ARABIC = [("sh", "ش"), ("ch", "چ"), ("nh", "ڭ"), ("xh", "ھ")] + list(
    zip("abpvdxcqfjzrsgklmnoeuwyit", "ابپۆدحعقفجزرسگكلمنوەۇۋيىت")
)


def _transcribe(latin: str, pairs, single) -> str:  # type: ignore[no-untyped-def]
    """Longest-first match of `pairs` (key, output) over `latin`; `single(ch, out)` writes any
    other character given what is written so far."""
    out: List[str] = []
    i = 0
    while i < len(latin):
        for key, value in pairs:
            if latin.startswith(key, i):
                out.append(value)
                i += len(key)
                break
        else:
            out.append(single(latin[i], out))
            i += 1
    return "".join(out)


def g2p_cyrillic(latin: str) -> str:
    # y is й after a vowel, и elsewhere (entries with ya yw yo are left out before this).
    return _transcribe(
        latin, G2P_MULTI,
        lambda ch, out: ("й" if out and out[-1] in VOWELS else "и") if ch == "y" else G2P_SINGLE.get(ch, ch),
    )


def g2p_arabic(latin: str) -> str:
    return _transcribe(latin, G2P_ARABIC, lambda ch, out: ch)


def g2p(known: Set[str]) -> List[str]:
    import jazu

    write = jazu.Transliterator("cyrl", "arab", tables="1")
    kept = []
    for line in (SOURCES / "g2p_kz_rightreading.txt").read_text(encoding="utf-8").splitlines():
        if "|" not in line:
            continue
        key, value = (part.strip().strip(".") for part in line.split("|", 1))
        if any(x in value for x in G2P_AMBIGUOUS) or value.startswith("e"):
            continue  # ия/я, ию/ю, ц/тс, щ/шш, э/е: the notation does not say which
        cyr = g2p_cyrillic(value)
        if not cyr or cyr in known or not cyr.isalpha():
            continue
        if write(cyr).replace("ء", "") == g2p_arabic(key):
            kept.append(cyr)
    return sorted(set(kept))


def header(table: str, version: str, source: str, licence: str) -> str:
    return (
        f"@table\t{table}\n@version\t{version}\n@direction\tlexicon\n@source\t{source}\n"
        f"@licence\t{licence}\n@status\tstable\n"
    )


def write_table(path: Path, head: str, comment: str, rows: Iterable[str]) -> int:
    lines = list(rows)
    path.write_text(f"# {comment}\n{head}\n" + "".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version")
    parser.add_argument("--holdout", type=Path, help="evaluation build: leave out 10%% of stems")
    args = parser.parse_args()
    import json

    sources = json.loads((SOURCES / "SOURCES.json").read_text(encoding="utf-8"))["sources"]
    hk, gk = sources["hunspell-kk"], sources["g2p-kz"]
    out = (args.holdout / "tables" / args.version) if args.holdout else (ROOT / "tables" / args.version)
    out.mkdir(parents=True, exist_ok=True)
    variants, suffix_counts, held = hunspell(holdout=args.holdout is not None)
    hunspell_licence = "MPL-1.1+ (hunspell-kk is GPL-2+ or LGPL-2.1+ or MPL-1.1+; jazu takes MPL-1.1 or later)"
    hunspell_source = f"Debian hunspell-kk {hk['version']} (kk_KZ.dic, kk_KZ.aff; sha256 {hk['artifact_sha256'][:16]}), expanded by tools/hunspell_expand.py"
    n_words = write_table(
        out / "lexicon-hunspell.tsv",
        header("lexicon-hunspell", args.version, hunspell_source, hunspell_licence),
        "Built by tools/build_lexicon.py: do not edit by hand. word<TAB>stem<TAB>its variants before suffixes",
        ("\t".join(["word", stem] + sorted(v for v in vs if v != stem)[:7]) for stem, vs in sorted(variants.items())),
    )
    kept_suffixes = sorted(s for s, n in suffix_counts.items() if n >= MIN_SUFFIX_STEMS)
    n_suffixes = write_table(
        out / "suffixes.tsv",
        header("suffixes", args.version, hunspell_source + f"; suffixes on >= {MIN_SUFFIX_STEMS} stems", hunspell_licence),
        "Built by tools/build_lexicon.py: do not edit by hand. suffix<TAB>the Cyrillic suffix string",
        (f"suffix\t{s}" for s in kept_suffixes),
    )
    known = set(variants)
    g2p_words = g2p(known)
    n_g2p = write_table(
        out / "lexicon-g2p.tsv",
        header("lexicon-g2p", args.version, f"PyPI g2p-kz {gk['version']} kzphoneme/data/rightreading.kz, converted to Cyrillic", "MIT (g2p-kz)"),
        "Built by tools/build_lexicon.py: do not edit by hand. Entries whose Cyrillic our writer spells as the list's Arabic key.",
        (f"word\t{w}" for w in g2p_words),
    )
    curated_rows = []
    for path in sorted((ROOT / "tools" / "curated").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                curated_rows.append(line)
    n_cur = write_table(
        out / "lexicon-curated.tsv",
        header("lexicon-curated", args.version, "jazu's own lists written from public facts (tools/curated/)", "MIT (jazu project)"),
        "Built by tools/build_lexicon.py from tools/curated/*.tsv: edit those, not this.",
        sorted(set(curated_rows)),
    )
    print(f"{out}: {n_words} hunspell stems, {n_suffixes} suffixes, {n_g2p} g2p-kz words, {n_cur} curated")
    if int(args.version) >= 3:  # the gazetteer and the endings (tools/build_names.py, build_endings.py)
        import build_endings
        import build_names

        build_names.write(out, args.version)
        build_endings.write(out, args.version)
    if args.holdout:
        with open(args.holdout / "heldout.tsv", "w", encoding="utf-8") as f:
            for stem, form in sorted(set(held)):
                f.write(f"{stem}\t{form}\n")
        for name in ("writer.tsv", "reader.tsv", "normalize.tsv", "latin.tsv", "README.md"):
            src = ROOT / "tables" / args.version / name
            if src.exists():
                shutil.copy(src, out / name)
        print(f"held out: {len(set(held))} forms of {len({s for s, _ in held})} stems")


if __name__ == "__main__":
    main()
