"""Cutting a stream of text into pieces that convert independently, so memory stays flat.

A piece ends after the last newline it holds; a piece with no newline is cut once it is long,
after a sentence end and its spaces (not after a one-letter abbreviation), else at a space with
no hyphen, no closing quote and no single-letter word (a spaced abbreviation such as `ب ۇ ۇ`)
beside it, never inside a quotation left open, else (a single "word" of megabytes) anywhere.
The writer's rules never look across such a cut, nor do the reader's, with two exceptions:
"does the next word start a line or a sentence", which the reader carries as state, and, in a
line of over 64 KiB, what the reader's capitals read across a space (a multi-word name, a given
name beside a surname, a split patronymic, a ministry's name, a place before its kind, a name
before атындағы), which a space cut can split: those words then keep their lower case.
Quotations, one-letter abbreviations and datelines (with their dash) are never cut, so their
capitals do not depend on the cut.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Protocol, Tuple

import regex

from jazu.text.quotes import CLOSERS, ascii_quote_opens

SOFT_LIMIT = 1 << 16   # characters held before cutting inside a line
HARD_LIMIT = 1 << 20   # characters held before cutting anywhere
QUOTE_TRIES = 8        # cut points tried before a quotation, each found by a bounded search
QUOTE_MARKS = "«“" + CLOSERS
QUOTE_WORDS = 4        # words after a closing quote that the rules of capitals read with it

# Not after a one-letter abbreviation (т.б., 1991 ж.) nor right after a closing quote: whether
# the next word starts a sentence there depends on that word (tables 3), which a cut hides.
# Nor after a sentence of one word (a dateline's place: `АСТАНА. ҚазАқпарат`).
_SENTENCE_CUT = regex.compile(r"(?<=\S[^\S\n]+\S+)(?<!(?:^|[\s.])\w)[.!?…؟][^\S\n]+(?=\S)", regex.REVERSE)
_SPACE_CUT = regex.compile(
    r"(?<![-\s»”\"'’])(?<!(?:^|\s)\S)(?<!(?:^|[\s.])\w\.)(?<!(?:^|\n)\S+\.)[^\S\n]+(?=[^-\s])(?!\S(?:\s|$))",
    regex.REVERSE,
)


class Converter(Protocol):
    initial_state: Any

    def convert(self, text: str, state: Any) -> Tuple[str, Any]: ...


def cut_point(buffer: str) -> int:
    """Where a long piece with no newline can be cut (0: nowhere yet): never inside a
    quotation still open at the end of the buffer, whose capitals depend on how it closes."""
    for pattern in (_SENTENCE_CUT, _SPACE_CUT):
        end = len(buffer)
        for _ in range(QUOTE_TRIES):
            m = pattern.search(buffer, 0, end)
            if m is None:
                break
            quote = _near_quote(buffer, m.end())
            if quote < 0:
                return m.end()
            end = quote  # the cut fell inside a quotation or right after one: look before it
    return len(buffer) if len(buffer) >= HARD_LIMIT else 0


def _near_quote(buffer: str, cut: int) -> int:
    """The last quotation mark before `cut` when a cut there would split what the reader's
    rules of capitals read together (a quotation still open, or one closed fewer than
    QUOTE_WORDS words before), else -1. C-level searches only."""
    at = max(buffer.rfind(mark, 0, cut) for mark in QUOTE_MARKS)
    if at < 0:
        return -1
    mark = buffer[at]
    opens = mark in "«“" or (mark == '"' and ascii_quote_opens(buffer[at - 1 : at]))
    if opens or buffer.count(" ", at, cut) < QUOTE_WORDS:
        return at
    return -1


def convert_stream(converter: Converter, chunks: Iterable[str], state: Any = None) -> Iterator[str]:
    """Convert `chunks` piece by piece, from `state` (the converter's initial state by default).
    Each character is scanned a bounded number of times (the re-check of a long line backs off
    geometrically), so time is linear in the input."""
    state = converter.initial_state if state is None else state
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
