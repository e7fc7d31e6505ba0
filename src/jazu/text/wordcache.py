"""A bounded per-word memo in front of a converter: natural text repeats words (Zipf), so most
words cost one dict look-up; the bound keeps memory flat on any vocabulary."""

from __future__ import annotations

from typing import Callable, Dict, List, TypeVar

V = TypeVar("V")

DEFAULT_SIZE = 200_000
LONGEST_CACHED = 64  # characters: longer "words" are no words, and must not fill the memory


class WordCache(Dict[str, V]):
    """`cache[word]` is a plain dict hit in C; only a miss calls back into Python."""

    def __init__(self, convert: Callable[[str], V], size: int = DEFAULT_SIZE) -> None:
        super().__init__()
        self._convert = convert
        self._size = size

    def __missing__(self, word: str) -> V:
        out = self._convert(word)
        if len(word) > LONGEST_CACHED:
            return out
        if len(self) >= self._size:
            # Dropping everything is O(1) amortised and safe under the GIL; the frequent words
            # come back within a few sentences.
            self.clear()
        self[word] = out
        return out

    def add_all(self, words: List[str], values: List[V]) -> None:
        """Cache many words worked out at once (callers leave out words over LONGEST_CACHED).
        The cache may then hold one batch over its size, until the next batch or miss."""
        if len(self) + len(words) > self._size:
            self.clear()
        self.update(zip(words, values))

    def get(self, word: str) -> V:  # type: ignore[override]
        return self[word]
