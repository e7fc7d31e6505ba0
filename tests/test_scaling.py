"""Time grows linearly with adversarial input (no catastrophic backtracking, no quadratic
slicing): each input is converted at 1x and 10x size and the time ratio must stay far from the
100x of a quadratic path. A complexity check with generous bounds, not a speed assertion."""

from __future__ import annotations

import time
from typing import Callable

import pytest

import jazu
from jazu.text import stream as stream_module

W = jazu.Transliterator("cyrl", "arab")
R = jazu.Transliterator("arab", "cyrl")

ADVERSARIAL = {
    "hamzas only": (R, "ء" * 20_000),
    "Arabic marks only": (R, "\u064b\u0640\u200c" * 7_000),
    "combining marks only": (W, "\u0301" * 20_000),
    "one long Arabic word": (R, "بىزدىڭ" * 3_000),
    "one long Cyrillic word": (W, "біздің" * 3_000),
    "spaced single letters": (R, "ب " * 10_000),
    "hyphens and spaces": (R, "ا- " * 7_000 + "1 -ب " * 2_000),
    "punctuation runs": (W, ",-?;" * 5_000 + "а,-" * 2_000),
    "sentence ends": (R, ". " * 10_000 + "؟ ب" * 3_000),
    "mixed scripts": (R, "aءбب1 ‏" * 3_000),
}


def _best(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return max(best, 1e-4)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_time_is_linear(name: str) -> None:
    convert, text = ADVERSARIAL[name]
    big = text * 10
    small = _best(lambda: convert(text))
    large = _best(lambda: convert(big))
    assert large / small < 30, f"{name}: 10x the input took {large / small:.0f}x the time"


def test_streaming_a_long_line_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream_module, "SOFT_LIMIT", 4096)
    monkeypatch.setattr(stream_module, "HARD_LIMIT", 65536)
    line = "ءبىز " * 20_000  # no newline at all

    def run(text: str) -> None:
        for _ in R.stream(text[i : i + 1000] for i in range(0, len(text), 1000)):
            pass

    small = _best(lambda: run(line))
    large = _best(lambda: run(line * 10))
    assert large / small < 30
