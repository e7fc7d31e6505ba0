"""Other outlets' tote conventions that the reader recognises beside the house style
(ORTHOGRAPHY.md §8), as far as they are not letters (those are the `lookalike` rows of
normalize.tsv, read by `normalize.Normalizer`, and the writer's `style` rows).

- Where the hamza stands (`convention hamza …` rows of reader.tsv). The house style writes it when
  the first harmony vowel of a word is front and no е э к г is in it (қазір: قازىر); egemen and
  qazaqtimes only when every harmony vowel is front (бірақ: بىراق); qamshy and machine converters
  when any is (қазір: ءقازىر, баспасөз: ءباسپاسوز). A candidate reading spells the input when its
  letters do and its hamza is where one of these puts it; the house style ranks first.
- A surname told by its ending (`surname-ending` rows): Бозымбаев, Захарованың.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, Iterable, Optional


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


def surname_test(endings: Iterable[str], lexicon: Optional[Any]) -> Callable[[str], bool]:
    """A test of a lower-case Cyrillic reading: is it a stem of two letters or more with a
    surname ending (-ов, -ева, ...) and a known suffix or none? Only readings the lexicon did
    not give are asked (a known word is not a surname by its ending: бензин, магазин)."""
    endings = sorted(set(endings), key=len, reverse=True)
    if not endings:
        return lambda low: False
    suffixes = sorted(set(lexicon.cyrillic_suffixes) if lexicon is not None else (), key=len, reverse=True)
    letters = "а-яёәөүұіғқңһ"
    pattern = re.compile(
        f"[{letters}]{{2,}}(?:{'|'.join(map(re.escape, endings))})(?:{'|'.join(map(re.escape, suffixes)) or '(?!)'})?"
    )
    return lambda low: pattern.fullmatch(low) is not None
