"""A small character n-gram model of Kazakh Cyrillic words, to rank candidate readings of a word
the lexicon does not know. Trained on the lexicon's forms; stored as plain JSON counts, and
packed (memory-mapped) for use.

Scores are log-probabilities with interpolated lower orders (no heavy dependencies): good enough
to tell `көмпәния` from `компания` or `економика` from `экономика`.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import reduce
from operator import add
from pathlib import Path
from typing import Dict, Iterable, Union

from jazu.tableset.packed import PackedCounts, Part, save_trie, write_counts
from jazu.text.wordcache import WordCache

_Counts = Union[Dict[str, int], PackedCounts]  # `.get(gram, 0)`

BOUNDARY = "^"
END = "$"
LONGEST_SCORED = 80  # n-grams per word cut by ready-made slices (longer words make their own)
LOGP_CACHE = 200_000  # n-grams whose log-probability is kept (about 30 MB): flat memory on any input


def train(words: Iterable[str], order: int = 4, min_count: int = 2) -> Dict[str, object]:
    """Counts of every n-gram up to `order` (padded with ^ and $); rare ones are dropped to keep
    the model small."""
    counts: Counter = Counter()
    for word in words:
        padded = BOUNDARY * (order - 1) + word.lower() + END
        for n in range(1, order + 1):
            for i in range(len(padded) - n + 1):
                gram = padded[i : i + n]
                if gram.strip(BOUNDARY):
                    counts[gram] += 1
    kept = {g: c for g, c in counts.items() if c >= min_count or len(g) == 1}
    return {"order": order, "counts": kept}


def _totals(counts: Dict[str, int]) -> Dict[str, int]:
    """Context totals: how often each (n-1)-gram was followed by anything."""
    totals: Counter = Counter()
    for gram, count in counts.items():
        if len(gram) > 1:
            totals[gram[:-1]] += count
    return dict(totals)


def pack_ngram(directory: Path, model: Dict[str, object]) -> Dict[str, object]:
    """Write a trained model into a packed part (`tableset/packed.py`): its n-grams and contexts
    in grams.marisa, their counts and context totals by id. Returns its meta data."""
    counts: Dict[str, int] = model["counts"]  # type: ignore[assignment]
    totals = _totals(counts)
    grams = set(counts) | set(totals)
    trie = save_trie(directory / "grams.marisa", grams)
    ordered = sorted(grams, key=trie.key_id)
    write_counts(directory / "gram.counts", [counts.get(g, 0) for g in ordered])
    write_counts(directory / "context.counts", [totals.get(g, 0) for g in ordered])
    return {"ngram": {"order": model["order"], "unigrams": _unigrams(counts), "vocab": _vocab(counts)}}


def _unigrams(counts: Dict[str, int]) -> int:
    return sum(c for g, c in counts.items() if len(g) == 1)


def _vocab(counts: Dict[str, int]) -> int:
    return max(1, sum(1 for g in counts if len(g) == 1))


class NgramModel:
    """Built in memory from a trained model, or over a packed part (`NgramModel.packed`)."""

    def __init__(self, model: Dict[str, object]) -> None:
        counts: Dict[str, int] = model["counts"]  # type: ignore[assignment]
        self._setup(int(model["order"]), counts, _totals(counts), _unigrams(counts), _vocab(counts))  # type: ignore[call-overload]

    @classmethod
    def packed(cls, part: Part) -> "NgramModel":
        """The model of a packed part, memory-mapped: an n-gram's count is read when its
        log-probability is first needed."""
        trie, meta = part.trie("grams"), part.meta["ngram"]
        self = cls.__new__(cls)
        self._setup(
            meta["order"], PackedCounts(trie, part.counts("gram")), PackedCounts(trie, part.counts("context")),
            meta["unigrams"], meta["vocab"],
        )
        return self

    def _setup(self, order: int, counts: _Counts, totals: _Counts, unigrams: int, vocab: int) -> None:
        self.order = order
        self._counts = counts
        self._totals = totals
        self._unigrams = unigrams
        self._vocab = vocab
        self._padding = BOUNDARY * (self.order - 1)
        # The n-grams of a padded word are cut by slice objects made once: map() then does in C
        # what a comprehension of slices does in bytecode.
        self._cuts = [slice(i, i + self.order) for i in range(LONGEST_SCORED)]
        # log P by n-gram, filled as grams are met: scoring a word is then a few dict look-ups.
        self._logp: WordCache[float] = WordCache(lambda gram: math.log(self._prob(gram)), size=LOGP_CACHE)

    def score(self, word: str) -> float:
        """Log-probability per character (higher is more Kazakh-like)."""
        padded = self._padding + word.lower() + END
        count = len(padded) - self.order + 1
        cuts = self._cuts if count <= LONGEST_SCORED else [slice(i, i + self.order) for i in range(count)]
        grams = map(padded.__getitem__, cuts[:count])
        # reduce(add) adds in order like a plain loop, on every Python (sum() of floats is
        # compensated from 3.12 on, which could move a close ranking between versions).
        return reduce(add, map(self._logp.__getitem__, grams), 0.0) / count

    def _prob(self, gram: str) -> float:
        # Interpolate from the unigram up: each order weighs in by how much its context was seen.
        ch = gram[-1]
        p = (self._counts.get(ch, 0) + 1) / (self._unigrams + self._vocab)
        for n in range(2, len(gram) + 1):
            sub = gram[-n:]
            context = sub.lstrip(BOUNDARY) and sub[:-1]
            seen = self._totals.get(context, 0) if context else 0
            if seen:
                weight = seen / (seen + 3.0)
                p = weight * self._counts.get(sub, 0) / seen + (1 - weight) * p
        return p
