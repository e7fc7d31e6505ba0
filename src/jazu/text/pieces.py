"""Converting a document's text pieces in order, as one text: the way every document format
(HTML text nodes, a paragraph's runs, subtitle cues, JSON strings) hands its text over.

Pieces with only inline markup between them (`joined`) make a run, converted in one call, so
that every rule that reads across words (a multi-word name, a sentence start) sees them as the
text they are; a block break between two runs reads as a line end. The run's conversion is then
shared back out between its pieces: run of letters for run of letters where the conversion kept
them and what stands between them (spaces, digits and marks; punctuation may change script), a
run of letters split between pieces (`Қаз<b>ақ</b>стан`) in proportion to the letters each held,
so a digit or a mark never moves across a tag. Where the conversion joined or
split words (a spaced abbreviation read as one), each piece is converted on its own, in order,
with a word split between two of them converted whole in the first. Every piece keeps its
place, so the markup around it stays where it was.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

import regex

# A word with what clings to it (a comma after it, a hyphen and a suffix): no space inside.
_LEADING = regex.compile(r"\S+").match
_TRAILING = regex.compile(r"(?r)\S+\Z").search
# A run's text is cut into letter runs and what stands between them (spaces, digits, marks),
# which a conversion keeps as it is, or puts into the other script's punctuation.
_BETWEEN = regex.compile(r"([^\p{L}\p{M}]+)")
_PUNCTUATION = {("،", ","), (",", "،"), ("؛", ";"), (";", "؛"), ("؟", "?"), ("?", "؟")}


def _same_between(a: str, b: str) -> bool:
    return a == b or (len(a) == len(b) and all(x == y or (x, y) in _PUNCTUATION for x, y in zip(a, b)))


def convert_pieces(converter: Any, pieces: Sequence[str], joined: Sequence[bool]) -> List[str]:
    """The conversion of each piece. `joined[i]`: pieces i and i + 1 are one text (only inline
    markup between them); else a block break stands between them."""
    out: List[str] = []
    state = converter.initial_state
    i, n = 0, len(pieces)
    while i < n:
        j = i
        while j < n - 1 and j < len(joined) and joined[j]:
            j += 1
        run = list(pieces[i : j + 1])
        text = "".join(run)
        converted, after = converter.convert(text, state) if text else (text, state)
        shared = _share(run, text, converted)
        if shared is None:
            shared, after = _one_by_one(converter, run, state)
        out += shared
        state = after
        if j + 1 < n:
            _, state = converter.convert("\n", state)  # a block break: the next run starts a line
        i = j + 1
    return out


def _share(run: List[str], text: str, converted: str) -> Optional[List[str]]:
    """`converted` (of `text`, the run's pieces joined) cut where the pieces meet, or None where
    the conversion did not keep the words and the spaces between them."""
    if len(run) == 1:
        return [converted]
    source, target = _BETWEEN.split(text), _BETWEEN.split(converted)
    if len(source) != len(target) or not all(map(_same_between, source[1::2], target[1::2])):
        return None
    # Where each source segment starts, and where a place in the text falls in the output.
    starts: List[Tuple[int, int]] = []  # (start in text, start in converted)
    a = b = 0
    for s, t in zip(source, target):
        starts.append((a, b))
        a, b = a + len(s), b + len(t)
    starts.append((a, b))

    def place(x: int) -> int:
        for k, (s, t) in enumerate(zip(source, target)):
            a0, b0 = starts[k]
            if x <= a0 + len(s):
                if k % 2:  # what stands between letters has the same length on both sides
                    return b0 + (x - a0)
                return b0 + (round(len(t) * (x - a0) / len(s)) if s else 0)
        return len(converted)

    cuts = [0]
    at = 0
    for piece in run[:-1]:
        at += len(piece)
        cuts.append(max(place(at), cuts[-1]))
    cuts.append(len(converted))
    return [converted[c0:c1] for c0, c1 in zip(cuts, cuts[1:])]


def _one_by_one(converter: Any, run: List[str], state: Any) -> Tuple[List[str], Any]:
    """Each piece of a run converted on its own, in order; a word split between two pieces is
    moved whole into the first, and its conversion shared back out in proportion."""
    texts = list(run)
    moved: List[Tuple[int, int, List[Tuple[int, int]]]] = []  # (piece, own chars, [(from, chars)])
    for i in range(len(texts) - 1):
        tail = _TRAILING(texts[i]) if texts[i] else None
        if tail is None:
            continue
        parts: List[Tuple[int, int]] = []
        j = i + 1
        while j < len(texts):
            if not texts[j]:
                j += 1  # an empty piece between two that touch (<b></b>)
                continue
            head = _LEADING(texts[j])
            if head is None:
                break
            parts.append((j, head.end()))
            texts[i] += texts[j][: head.end()]
            texts[j] = texts[j][head.end() :]
            if texts[j]:
                break
            j += 1
        if parts:
            moved.append((i, len(tail.group()), parts))
    out: List[str] = []
    for text in texts:
        converted, state = converter.convert(text, state) if text else (text, state)
        out.append(converted)
    for i, own, parts in moved:
        word = _TRAILING(out[i])
        if word is None:
            continue  # nothing came out of it: it all stays where the word started
        letters = word.group()
        total = own + sum(n for _, n in parts)
        cut = [round(len(letters) * own / total)]
        for _, n in parts:
            cut.append(cut[-1] + round(len(letters) * n / total))
        cut[-1] = len(letters)
        out[i] = out[i][: word.start()] + letters[: cut[0]]
        for (j, _), start, end in zip(parts, cut, cut[1:]):
            out[j] = letters[start:end] + out[j]
    return out, state
