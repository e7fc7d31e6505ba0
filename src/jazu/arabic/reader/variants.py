"""Other outlets' tote conventions that the reader recognises beside the house style
(ORTHOGRAPHY.md §8), as far as they are not letters (those are the `lookalike` rows of
normalize.tsv, read by `normalize.Normalizer`, and the writer's `style` rows).

- Where the hamza stands (`convention hamza …` rows of reader.tsv). The house style writes it when
  the first harmony vowel of a word is front and no е э к г is in it (қазір: قازىر); egemen and
  qazaqtimes only when every harmony vowel is front (бірақ: بىراق); qamshy and machine converters
  when any is (қазір: ءقازىر, баспасөз: ءباسپاسوز). A candidate reading spells the input when its
  letters do and its hamza is where one of these puts it; the house style ranks first.
- Names spelt with a hyphen, which the reader's split cuts apart (`نيۋ-يوركتىڭ` Нью-Йорктің).
- A suffix spaced off a number (`5 ءتى` 5-ті; the spaced hyphen `24 - قاڭتار` is a reader row).
"""

from __future__ import annotations

import re
from itertools import compress, count
from typing import Callable, Dict, FrozenSet, Iterable, List

from jazu.text.wordcache import WordCache


class HamzaConventions:
    """Which hamza placements a reading may have in the input, beside the house one."""

    def __init__(self, classes: Dict[str, str], conventions: Iterable[str]) -> None:
        names = set(conventions)
        front, back, blockers = (re.escape(classes[k]) for k in ("front", "back", "hamza-blocker"))
        # "all-front" puts no hamza where a back vowel or a blocker stands: an input without one
        # fits it then. "any-front" puts one wherever a front vowel stands and no blocker.
        self._all_front_omits = (
            re.compile(f"[{back}{blockers}]|^[^{front}]*$").search if "all-front" in names else None
        )
        self._any_front_writes = re.compile(f"^[^{blockers}]*[{front}][^{blockers}]*$").match if "any-front" in names else None
        self.active = bool(names)

    def fits(self, low: str, front: bool) -> bool:
        """Is a hamza (`front`) or none where another outlet's rule would put it in `low`?"""
        if front:
            return self._any_front_writes is not None and self._any_front_writes(low) is not None
        return self._all_front_omits is not None and self._all_front_omits(low) is not None


class HyphenatedNames:
    """Names spelt with a hyphen (Нью-Йорк): the reader's split cuts `نيۋ-يوركتىڭ` at the hyphen,
    so a token that begins such a name, a hyphen and the next token are joined into one token
    where `known(joined)` says the lexicon reads them so together."""

    def __init__(self, heads: FrozenSet[str], known: Callable[[str], bool]) -> None:
        self._heads = heads
        self._known: WordCache[bool] = WordCache(known)  # a pure function of the tokens
        self.active = bool(heads)

    def join(self, pieces: List[str]) -> None:
        """Join in place: separators at even indexes, tokens at odd ones (the reader's split).
        Separators that are a bare hyphen are few: list.index finds them in C."""
        n, heads, at = len(pieces), self._heads, 0
        while True:
            try:
                at = pieces.index("-", at + 1)  # no token is a hyphen: this is a separator
            except ValueError:
                return
            i = at - 1
            if at + 1 < n and pieces[i] in heads and self._known[pieces[i] + "-" + pieces[at + 1]]:
                pieces[i] += "-" + pieces[at + 1]
                pieces[at] = pieces[at + 1] = ""


class NumberSuffixes:
    """`5 ءتى` -> 5-ті: a suffix that a converter spaced off a number (`number-suffix` rows:
    readings that are never a word on their own) is joined to it with a hyphen."""

    def __init__(self, suffixes: Iterable[str]) -> None:
        self._suffixes = frozenset(suffixes)
        self.active = bool(self._suffixes)

    def join(self, pieces: List[str]) -> None:
        """In place, on the readings: separators at even indexes, readings at odd ones."""
        for k in compress(count(), map(self._suffixes.__contains__, pieces[1::2])):
            join_spaced_suffix(pieces, 2 * k + 1)


def join_spaced_suffix(pieces: List[str], i: int) -> None:
    """Reading i is a suffix: where a number and a space stand before it, a hyphen joins them."""
    sep = pieces[i - 1]
    if len(sep) >= 2 and sep[-1] == " " and sep[-2].isdigit():
        pieces[i - 1] = sep[:-1] + "-"
