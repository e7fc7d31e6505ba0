"""A small character n-gram model of Kazakh Cyrillic words, to rank candidate readings of a word
the lexicon does not know. Trained on the lexicon's forms; stored as plain JSON counts.

Scores are log-probabilities with interpolated lower orders (no heavy dependencies): good enough
to tell `көмпәния` from `компания` or `економика` from `экономика`.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import reduce
from operator import add
from typing import Dict, Iterable

from jazu.text.wordcache import WordCache

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


class NgramModel:
    def __init__(self, model: Dict[str, object]) -> None:
        self.order: int = int(model["order"])  # type: ignore[arg-type]
        self._counts: Dict[str, int] = model["counts"]  # type: ignore[assignment]
        # Context totals: how often each (n-1)-gram was followed by anything.
        totals: Counter = Counter()
        for gram, count in self._counts.items():
            if len(gram) > 1:
                totals[gram[:-1]] += count
        self._totals = dict(totals)
        self._unigrams = sum(c for g, c in self._counts.items() if len(g) == 1)
        self._vocab = max(1, sum(1 for g in self._counts if len(g) == 1))
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
