"""How a Kazakh stem and a suffix meet in Cyrillic (tables version 3 on), for every reader that
puts a known stem and a known suffix together (Arabic and Latin)."""

from __future__ import annotations

from typing import Optional

SUFFIX_VOWELS = frozenset("аәеоөұүыі")  # a suffix opening with one of these drops a stem's ь
SEAM_VOWELS = frozenset("аәеоөұүыіэюяё")  # a stem ending in one takes no such suffix (у и are glides)
SEAM_OPENERS = SUFFIX_VOWELS | {"у"}


def seam(stem: str, suffix: str) -> Optional[str]:
    """The spelling of a stem and a suffix that opens with a vowel or у, or None where they
    cannot meet: ь drops (фестиваль + і: фестивалі), й + у is ю and и + у is ию (жай + у: жаю,
    кірти + у: кіртию), and a vowel never meets a vowel (жібе takes -йсіз, not -есіз)."""
    last = stem[-1]
    if suffix[0] == "у":
        if last == "й":
            return stem[:-1] + "ю" + suffix[1:]
        if last == "и":
            return stem + "ю" + suffix[1:]
        return stem + suffix
    if last == "ь":
        return stem[:-1] + suffix
    if last in SEAM_VOWELS:
        return None
    return stem + suffix
