"""Cutting a stream of text into pieces that convert independently, so memory stays flat.

A piece ends after the last newline it holds; a piece with no newline is cut once it is long,
after a sentence end and its spaces, else at a space with no hyphen and no single-letter word
(a spaced abbreviation such as `ب ۇ ۇ`) beside it, else (a single "word" of megabytes) anywhere.
The writer's rules never look across such a cut, nor do the reader's, with two exceptions:
"does the next word start a sentence", which the reader carries as state, and a multi-word name
in a line of over 64 KiB with no sentence end, which a space cut can split (its words then keep
their lower case).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Protocol, Tuple

import regex

SOFT_LIMIT = 1 << 16   # characters held before cutting inside a line
HARD_LIMIT = 1 << 20   # characters held before cutting anywhere

_SENTENCE_CUT = regex.compile(r"[.!?…؟][^\S\n]+(?=\S)", regex.REVERSE)
_SPACE_CUT = regex.compile(r"(?<![-\s])(?<!(?:^|\s)\S)[^\S\n]+(?![-\s])(?!\S(?:\s|$))", regex.REVERSE)


class Converter(Protocol):
    initial_state: Any

    def convert(self, text: str, state: Any) -> Tuple[str, Any]: ...


def cut_point(buffer: str) -> int:
    """Where a long piece with no newline can be cut (0: nowhere yet)."""
    for pattern in (_SENTENCE_CUT, _SPACE_CUT):
        m = pattern.search(buffer)
        if m:
            return m.end()
    return len(buffer) if len(buffer) >= HARD_LIMIT else 0


def convert_stream(converter: Converter, chunks: Iterable[str]) -> Iterator[str]:
    """Convert `chunks` piece by piece. Each character is scanned a bounded number of times
    (the re-check of a long line backs off geometrically), so time is linear in the input."""
    state = converter.initial_state
    pending: List[str] = []
    size = 0
    next_check = SOFT_LIMIT
    for chunk in chunks:
        if not chunk:
            continue
        newline = chunk.rfind("\n")
        if newline >= 0:
            pending.append(chunk[: newline + 1])
            out, state = converter.convert("".join(pending), state)
            if out:
                yield out
            rest = chunk[newline + 1 :]
            pending, size, next_check = ([rest] if rest else []), len(rest), SOFT_LIMIT
            continue
        pending.append(chunk)
        size += len(chunk)
        while size >= next_check:
            buffer = "".join(pending)
            cut = cut_point(buffer)
            if not cut:
                pending, next_check = [buffer], min(next_check * 2, HARD_LIMIT)
                break
            out, state = converter.convert(buffer[:cut], state)
            if out:
                yield out
            rest = buffer[cut:]
            pending, size, next_check = ([rest] if rest else []), len(rest), SOFT_LIMIT
    if pending:
        out, state = converter.convert("".join(pending), state)
        if out:
            yield out
