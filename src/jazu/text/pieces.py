"""Converting a document's text pieces in order, as one text: the way every document format
(HTML text nodes, a paragraph's runs, subtitle cues, JSON strings) hands its text over.

Each piece is converted with the state the pieces before it left (a sentence goes on across an
inline tag), and a block break between two pieces reads as a line end. A word split between
two pieces that touch (`Қаз<b>ақ</b>стан`, `сөз<b>,</b>`) is converted whole, in the first of
them, and its conversion is shared back out in proportion to the characters each piece held:
every piece keeps its place, so the markup around it stays where it was.
"""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

import regex

# A word with what clings to it (a comma after it, a hyphen and a suffix): no space inside.
_LEADING_LETTERS = regex.compile(r"\S+").match
_TRAILING_LETTERS = regex.compile(r"(?r)\S+\Z").search


def convert_pieces(converter: Any, pieces: Sequence[str], joined: Sequence[bool]) -> List[str]:
    """The conversion of each piece. `joined[i]`: pieces i and i + 1 are one text (only inline
    markup between them); else a block break stands between them."""
    texts = list(pieces)
    # Move the letters that continue a word across a joined boundary into the piece where the
    # word starts: (piece, its own letters of the word, [(piece moved from, letters), ...]).
    moved: List[Tuple[int, int, List[Tuple[int, int]]]] = []
    for i in range(len(texts) - 1):
        if not joined[i] or not texts[i]:
            continue
        tail = _TRAILING_LETTERS(texts[i])
        if tail is None:
            continue
        parts: List[Tuple[int, int]] = []
        j = i + 1
        while j < len(texts):
            if not texts[j] and j < len(joined) and joined[j]:
                j += 1  # an empty piece between two that touch (<b></b>)
                continue
            head = _LEADING_LETTERS(texts[j])
            if head is None:
                break
            parts.append((j, head.end()))
            texts[i] += texts[j][: head.end()]
            texts[j] = texts[j][head.end() :]
            if texts[j] or j >= len(joined) or not joined[j]:
                break
            j += 1
        if parts:
            moved.append((i, len(tail.group()), parts))
    out: List[str] = []
    state = converter.initial_state
    for i, text in enumerate(texts):
        converted, state = converter.convert(text, state) if text else (text, state)
        out.append(converted)
        if i + 1 < len(texts) and not joined[i]:
            _, state = converter.convert("\n", state)  # a block break: the next piece starts a line
    for i, own, parts in moved:
        word = _TRAILING_LETTERS(out[i])
        if word is None:
            continue  # nothing of letters came out: it all stays where the word started
        letters = word.group()
        total = own + sum(n for _, n in parts)
        cut = [round(len(letters) * own / total)]
        for _, n in parts:
            cut.append(cut[-1] + round(len(letters) * n / total))
        cut[-1] = len(letters)
        out[i] = out[i][: word.start()] + letters[: cut[0]]
        for (j, _), start, end in zip(parts, cut, cut[1:]):
            out[j] = letters[start:end] + out[j]
    return out
