"""Where jazu's time goes: the stages of the hot paths, timed apart on the suite's corpora.

    python benchmarks/stages.py [--quick] [--cprofile SOURCE:CORPUS]

Prints, as multiples of the `str.translate` yardstick over the same text (best of 5):
  - Arabic -> Cyrillic, natural text, warm cache: each stage of `Reader.convert`;
  - Cyrillic -> Arabic, distinct words, cold cache: each stage of `Writer.convert`, the
    batch writing of new words (`Writer._words`) step by step;
  - Arabic -> Cyrillic cache misses by how they are read (lexicon; stem guess + ranking; rules +
    ranking): how many, and microseconds per word.
`--cprofile arab:shuffled+suffixed` adds cProfile's top functions for one cold conversion.

The stages are private methods, called here one by one: this tool follows the code, and is
updated with it. Numbers, not judgements: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
import unicodedata
from itertools import compress
from typing import Callable, Dict, List, Tuple

import suite  # the suite's corpora and yardstick, so both tools measure the same text

import jazu  # noqa: E402  (suite put src/ on the path)
from jazu.arabic.writer import LOOKALIKES  # noqa: E402


def best(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def report(title: str, yardstick: float, stages: List[Tuple[str, Callable[[], object]]]) -> None:
    print(f"\n{title} (time / yardstick)")
    for name, fn in stages:
        print(f"  {name:42} {best(fn) / yardstick:6.2f}")


def reader_stages(text: str, yardstick: float) -> None:
    reader = jazu.Transliterator("arab", "cyrl")._converter("arab")
    reader.convert(text)  # warm: every word cached
    normal = reader._norm.text(text)
    joined = reader._join_hyphens(normal)
    ascii_punct = joined
    for arabic, ascii in reader._punct:
        ascii_punct = ascii_punct.replace(arabic, ascii)
    pieces = reader._split(ascii_punct)
    tokens = pieces[1::2]
    read = list(pieces)
    read[1::2] = map(reader._cache.__getitem__, tokens)
    starts = reader._capitals.before(pieces, tokens, True)

    def capitals_after() -> None:
        reader._capitals.after(list(read), starts)

    report("Arabic -> Cyrillic, natural, warm cache", yardstick, [
        ("whole convert", lambda: reader.convert(text)),
        ("normalise", lambda: reader._norm.text(text)),
        ("hyphen spacing", lambda: reader._join_hyphens(normal)),
        ("split into separators and tokens", lambda: reader._split(ascii_punct)),
        ("capitals, before (sentence starts, names)", lambda: reader._capitals.before(pieces, tokens, True)),
        ("cache look-ups (map in C)", lambda: list(map(reader._cache.__getitem__, tokens))),
        ("capitals, after (rules on the readings)", capitals_after),
        ("join", lambda: "".join(pieces)),
    ])


def writer_stages(text: str, yardstick: float) -> None:
    writer = jazu.Transliterator("cyrl", "arab")._converter("cyrl")

    def cold() -> None:
        writer._cache.clear()
        writer.convert(text)

    pieces = writer._split_words(text)
    words = list(set(pieces[1::2]))
    batch = "\n".join(words)
    low = batch.lower()
    cleaned = batch.split("\n")
    report("Cyrillic -> Arabic, distinct words, cold cache", yardstick, [
        ("whole convert", cold),
        ("marks pass", lambda: writer._marks.search(text) and writer._marks.sub(writer._mark_match, text)),
        ("split into separators and words", lambda: writer._split_words(text)),
        ("new words (set difference)", lambda: set(pieces[1::2]).difference({})),
        ("write the new words (_words), of which:", lambda: writer._words(words)),
        ("  join a line each", lambda: "\n".join(words)),
        ("  NFC check, look-alikes", lambda: (unicodedata.is_normalized("NFC", batch), [c in batch for c in LOOKALIKES])),
        ("  split, all-caps words", lambda: list(compress(range(len(cleaned)), map(str.isupper, batch.split("\n"))))),
        ("  lower", lambda: batch.lower()),
        ("  hamza per line", lambda: writer._hamza_lines.sub("ء", low)),
        ("  str.translate", lambda: low.translate(writer._translate)),
        ("cache fill", lambda: dict(zip(words, words))),
        ("join", lambda: "".join(pieces)),
    ])


def miss_classes(name: str, text: str) -> None:
    """Each distinct word of the corpus read once by a fresh reader, timed by how it is read."""
    reader = jazu.Transliterator("arab", "cyrl")._converter("arab")
    words = list(dict.fromkeys(t for t in reader._split(reader._norm.text(text))[1::2] if " " not in t))
    lexicon = reader._lexicon

    def kind(raw: str) -> str:
        word = reader._norm.word(raw)
        front = reader._hamza in word
        known, guesses = reader._from_lexicon(word.replace(reader._hamza, ""), front, lexicon)
        return "lexicon" if known is not None else "stem guess + ranking" if guesses else "rules + ranking"

    kinds = [kind(w) for w in words]
    reader = jazu.Transliterator("arab", "cyrl")._converter("arab")  # fresh memos for the timing
    totals: Dict[str, List[float]] = {}
    for raw, how in zip(words, kinds):
        t0 = time.perf_counter()
        reader._word(raw)
        totals.setdefault(how, [0, 0.0])
        totals[how][0] += 1
        totals[how][1] += time.perf_counter() - t0
    print(f"\nArabic -> Cyrillic cache misses, {name} ({len(words):,} distinct words)")
    for how, (count, seconds) in totals.items():
        print(f"  {how:24} {count:8,} words {seconds / count * 1e6:7.1f} µs/word {seconds:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the suite's ~1 MB corpora")
    parser.add_argument("--cprofile", metavar="SOURCE:CORPUS", help="e.g. arab:shuffled+suffixed")
    args = parser.parse_args()
    corpora = suite.build_corpora(suite.settings(args.quick))
    tables = suite.yardstick_tables()
    jazu.Transliterator("arab", "cyrl")("ءسوز")  # compiled tables and lexicon loaded, untimed
    natural = corpora["arab"]["natural"]
    reader_stages(natural, best(lambda: natural.translate(tables[("arab", "cyrl")])))
    distinct = corpora["cyrl"]["distinct"]
    writer_stages(distinct, best(lambda: distinct.translate(tables[("cyrl", "arab")])))
    for name in ("shuffled+suffixed", "distinct"):
        miss_classes(name, corpora["arab"][name])
    if args.cprofile:
        source, name = args.cprofile.split(":")
        convert = jazu.Transliterator(source, "cyrl" if source == "arab" else "arab")
        text = corpora[source][name]
        profiler = cProfile.Profile()
        profiler.runcall(convert, text)
        print(f"\ncProfile, {args.cprofile}, one cold conversion:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
