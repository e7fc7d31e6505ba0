"""Which representation should the writer's letter stage use? Measured, not guessed.

Converts the same Cyrillic text (the two Cyrillic seeds, repeated to ~2 MB) with the writer's
letter table (42 letters + the и-merges ия ий ию) five ways, and prints MB/s and the time ratio
to the `str.translate` 1:1 yardstick (which ignores the merges: the speed of light):

  marisa     per-position longest match with marisa_trie.Trie.prefixes()
  dict-trie  per-position longest match walking a nested dict trie
  regex      one generated alternation (longest first) + dict lookup per match
  trie+tr    the shipped design: a trie-shaped regex for the multi-letter keys, then str.translate

    python benchmarks/letter_maps.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import marisa_trie  # noqa: E402
import regex  # noqa: E402

from jazu.tableset.compile import load_compiled, trie_pattern  # noqa: E402


def corpus() -> str:
    text = "".join((ROOT / "seeds" / n).read_text(encoding="utf-8") for n in ("003_0632195ffc93f541.txt", "004_fb48069df45bd92e.txt"))
    text = text.lower()
    return text * max(1, (2_000_000 // len(text.encode())))


def build(compiled: Dict) -> Dict[str, Callable[[str], str]]:
    letters = {k: v for k, v in compiled["writer"]["letters"].items()}
    mapping = dict(letters)
    mapping.update(compiled["writer"]["seq"])
    keys = sorted(mapping, key=len, reverse=True)
    table = {ord(k): (v or None) for k, v in letters.items()}

    trie = marisa_trie.Trie(keys)

    def marisa(text: str) -> str:
        out: List[str] = []
        i, n = 0, len(text)
        prefixes = trie.prefixes
        while i < n:
            found = prefixes(text[i : i + 3])
            if found:
                key = max(found, key=len)
                out.append(mapping[key])
                i += len(key)
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    root: Dict = {}
    for k, v in mapping.items():
        node = root
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = v

    def dict_trie(text: str) -> str:
        out: List[str] = []
        i, n = 0, len(text)
        while i < n:
            node, j, best, best_end = root, i, None, i
            while j < n:
                node = node.get(text[j])
                if node is None:
                    break
                j += 1
                if "" in node:
                    best, best_end = node[""], j
            if best is None:
                out.append(text[i])
                i += 1
            else:
                out.append(best)
                i = best_end
        return "".join(out)

    alternation = regex.compile("|".join(regex.escape(k) for k in keys))

    def generated_regex(text: str) -> str:
        return alternation.sub(lambda m: mapping[m.group()], text)

    seq = compiled["writer"]["seq"]
    seq_re = regex.compile(trie_pattern(seq))

    def trie_then_translate(text: str) -> str:
        return seq_re.sub(lambda m: seq[m.group()], text).translate(table)

    def yardstick(text: str) -> str:
        return text.translate(table)

    return {
        "str.translate 1:1 (yardstick)": yardstick,
        "marisa": marisa,
        "dict-trie": dict_trie,
        "regex": generated_regex,
        "trie+tr (shipped)": trie_then_translate,
    }


def main() -> None:
    text = corpus()
    size = len(text.encode())
    runs = build(load_compiled())
    expected = runs["trie+tr (shipped)"](text)
    for name, fn in runs.items():
        if name != "str.translate 1:1 (yardstick)":
            assert fn(text) == expected, f"{name} disagrees"
    times: Dict[str, List[float]] = {name: [] for name in runs}
    for _ in range(5):  # interleaved repetitions
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn(text)
            times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["str.translate 1:1 (yardstick)"])
    print(f"{size / 1e6:.1f} MB of lower-case Kazakh Cyrillic, median of 5 interleaved runs")
    print(f"{'method':32} {'MB/s':>8} {'x yardstick':>12}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:32} {size / med / 1e6:8.1f} {med / base:12.2f}")


if __name__ == "__main__":
    main()
