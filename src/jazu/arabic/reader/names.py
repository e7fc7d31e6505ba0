"""Names and loans in a single word read from Arabic script (tables version 3 on): what the
reader decides about a word by itself, before the capitals stage (`capitals.py`) looks at its
neighbours.

- Acronyms written as one word (ءسىم СІМ, بۇۇ БҰҰ), where no known word is spelt so.
- A word the lexicon does not know whole: a known name's stem keeps its capital with any ending
  (Абылайдай); a stem with a surname's or a given name's ending is a name (Бозымбаев, Боранбай).
- A word that opens with е may be a loan with э (энергетика): the reader's n-gram ranking
  weighs that reading beside the others (`loan_initials`).
"""

from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, List, Optional, Sequence


def ending_test(endings: Iterable[str], suffixes: Iterable[str]) -> Callable[[str], bool]:
    """A test of a lower-case Cyrillic reading: a stem of two letters or more, one of the
    `endings` (-ов, -бек, ...) and a known suffix or none. Asked of words the lexicon does not
    know only: a few C-level searches per call cost less than compiling one big pattern."""
    ends = tuple(sorted(set(endings), key=len, reverse=True))
    if not ends:
        return lambda low: False
    rest = frozenset(suffixes) | {""}
    letters = re.compile("[а-яёәөүұіғқңһ]+").fullmatch

    def test(low: str) -> bool:
        for end in ends:
            i = low.rfind(end)  # its last place: the suffix after it, if any, follows
            if i >= 2 and low[i + len(end):] in rest:
                return letters(low) is not None
        return False

    return test


class NameRules:
    """The word-level rules of names and loans; `active` only where the tables have their rows."""

    def __init__(
        self, case_rows: Dict[str, List[str]], loan_initials: Dict[str, str],
        acronyms: Sequence[str], spell: Dict[str, str], suffixes: Iterable[str],
    ) -> None:
        """`case_rows`: the reader table's rows of capitals by kind; `loan_initials`: its
        `loan-initial` rows; `acronyms`: every known acronym; `spell`: the writer's letters;
        `suffixes`: the lexicon's Cyrillic suffixes."""
        self.active = bool(case_rows)
        suffixes = list(suffixes)
        # A name by its ending, a surname's or a given name's: one test for both.
        self.person = ending_test(
            list(case_rows.get("surname-ending", ())) + list(case_rows.get("given-ending", ())), suffixes
        )
        # е that may open a loan as э: the reader's ranking weighs both readings.
        self.loan_initials = dict(loan_initials)
        # By their letters, hamza left out: the one-word spelling of each acronym.
        self.acronyms: Dict[str, str] = {}
        for acronym in acronyms:
            self.acronyms.setdefault("".join(spell[ch.lower()] for ch in acronym), acronym)

    def acronym(self, word: str, front: bool, whole_word: Callable[[str, bool], bool]) -> Optional[str]:
        """The acronym a normalised, hamza-less word spells, unless `whole_word(word, front)`
        says a known word is spelt so with that hamza (ءسىم СІМ, but سىم сым)."""
        found = self.acronyms.get(word) if self.acronyms else None
        return None if found is None or whole_word(word, front) else found

    def unknown_word(self, reading: str, guesses: List[str]) -> str:
        """The capital of a word the lexicon does not know whole: `reading` is the reader's
        choice, `guesses` its readings from a known stem (see the module docstring)."""
        if reading[:1].isupper():
            return reading
        named = [g for g in guesses if g[:1].isupper() and g.lower() == reading]
        if named and reading not in guesses:  # no common word of that stem reads the same
            return named[0]
        if self.person(reading):
            return reading[:1].upper() + reading[1:]
        return reading
