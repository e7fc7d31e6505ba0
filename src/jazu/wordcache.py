"""A bounded per-word memo in front of a converter: natural text repeats words (Zipf), so most
words cost one dict look-up; the bound keeps memory flat on any vocabulary."""

from __future__ import annotations

from typing import Callable, Dict

DEFAULT_SIZE = 200_000


class WordCache:
    def __init__(self, convert: Callable[[str], str], size: int = DEFAULT_SIZE) -> None:
        self._convert = convert
        self._size = size
        self._data: Dict[str, str] = {}

    def get(self, word: str) -> str:
        out = self._data.get(word)
        if out is None:
            out = self._convert(word)
            if len(self._data) >= self._size:
                # Dropping everything is O(1) amortised and thread-safe under the GIL; the
                # frequent words come back within a few sentences.
                self._data = {}
            self._data[word] = out
        return out

    def __len__(self) -> int:
        return len(self._data)
