"""The reader's rules (ORTHOGRAPHY.md §4): what an Arabic word reads as with no lexicon.

Context rules for ي يا يۋ يو يە تس شش, then the harmony of each ambiguous vowel (ا و ۇ ى)
from local evidence:
  1. a vowel standing next to ق ع is back, next to ك گ front;
  2. otherwise it takes the harmony of the nearest decided vowel on its left (the hamza counts
     as a front vowel before the word), else on its right, else that of the word's markers.
Local evidence, not one flag per word, is what reads бірақ, ағаштарымен and бұлшықет right.
A stage of the reader (`reader/__init__.py`), which mixes it in.
"""

from __future__ import annotations

import re
from operator import getitem, itemgetter
from typing import Dict, List, Optional, Sequence, Tuple

from jazu.arabic.normalize import Normalizer
from jazu.tableset import Compiled
from jazu.text.wordcache import WordCache

BACK, FRONT = 0, 1
REST_MEMO = 50_000  # rule readings of word rests kept (`_read_rest`): bounded memory


class RuleReading:
    """Letters, vowels, context rules and harmony: the rule reading of a word, and of the rest
    of a word after a known stem."""

    def _init_rules(self, compiled: Compiled) -> None:
        """The letters, vowels and context rules of the reader table, and the units they make."""
        c = compiled["reader"]
        self._norm = Normalizer(compiled)
        self._vowels: Dict[str, List[str]] = c["vowels"]
        self._letters: Dict[str, str] = c["letters"]
        self._markers: Dict[str, int] = c["markers"]
        self._evidence: Dict[str, int] = c["evidence"]
        self._hamza: str = c["hamza"]
        # ى writes ы/і, the one vowel Russian loans never put beside к г (so it follows them)
        self._close_vowel = next((a for a, (back, _) in self._vowels.items() if back == "ы"), "")
        self._vowel_letters = frozenset(self._vowels) | frozenset(
            a for a, cyr in self._letters.items() if cyr in ("е", "у")
        )
        # Context rules by their first letter, each with the unit it reads as (see `_units`);
        # a context of * (any) is None, so that the common case costs no call.
        self._rules: Dict[str, List[Tuple[str, Tuple[str, str, Optional[int]], Optional[str], Optional[str]]]] = {}
        for key, cyr, before, after, evidence in c["rules"]:
            self._rules.setdefault(key[0], []).append(
                (key, (cyr, "x", evidence), None if before == "*" else before, None if after == "*" else after)
            )
        self._invariant = [(a, cyr) for a, cyr in c["invariant"]]
        # The back and front reading of a unit, by its text (`_readings_of`).
        self._pairs: WordCache[Sequence[str]] = WordCache(lambda text: (text, text))
        self._pairs.update((v, tuple(pair)) for v, pair in self._vowels.items())
        # The unit of each letter read on its own: (text, kind, harmony evidence), see `_units`.
        self._plain: Dict[str, Tuple[str, str, Optional[int]]] = {v: (v, "v", None) for v in self._vowels}
        for a, cyr in self._letters.items():
            self._plain[a] = (cyr, "m", self._markers[a]) if a in self._markers else (cyr, "x", self._evidence.get(a))
        # Letters of another script typed in a word (a Latin i for і, `lookalike` rows): read as
        # their row says, and as evidence of its harmony.
        self._placeholders = self._norm.placeholders
        for ph, (arabic, harm) in self._placeholders.items():
            h = FRONT if harm == "front" else BACK
            cyr = self._vowels[arabic][h] if arabic in self._vowels else self._letters.get(arabic, arabic)
            self._plain[ph] = (cyr, "x", h)
            self._vowel_letters |= {ph} if arabic in self._vowel_letters else set()
        self._lookalike_readings = {ph: self._plain[ph][0] for ph in self._placeholders}
        self._has_placeholder = re.compile(f"[{''.join(self._placeholders)}]").search if self._placeholders else None
        self._rests: Dict[Tuple[str, Optional[int]], Tuple[str, str]] = {}

    def _read_letter(self, ch: str) -> str:
        if ch in self._vowels:
            return self._vowels[ch][BACK]
        return self._letters.get(ch, ch)

    def _by_rule(self, word: str, front: bool, units: Optional[List[Tuple[str, str, Optional[int]]]] = None) -> str:
        """The rule reading; `units`, if given, are `_units(word)` already worked out."""
        for suffix, reading in self._invariant:
            # -мен/-пен/-бен keep their е on back stems: read the stem on its own.
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                return self.read(word[: -len(suffix)], FRONT if front else None) + reading
        if units is None:
            units = self._units(word)
        return self._spell_units(units, FRONT if front else None)

    def _read_rest(self, word: str, left: Optional[int], start: int) -> Tuple[str, str]:
        """`read(word, left, start)` for start >= 1, and the house style's letters for that
        reading, memoised: the reading sees one letter before `start` (a rule's context), so it
        is the reading of word[start - 1:] from 1 on, and the rests of words repeat (suffixes)."""
        key = (word[start - 1 :], left)
        found = self._rests.get(key)
        if found is None:
            if len(self._rests) >= REST_MEMO:
                self._rests.clear()
            reading = self.read(key[0], left, 1)
            found = self._rests[key] = (reading, self._writers[0].letters(reading.lower()))
        return found

    def read(self, word: str, left: Optional[int] = None, start: int = 0) -> str:
        """Read a normalised Arabic word without hamza by rule, from index `start` on (the letters
        before it are context only); `left` is the harmony that stands before the part read
        (FRONT for a hamza word, a stem's harmony for a suffix)."""
        return self._spell_units(self._units(word, start), left)

    def _spell_units(self, units: List[Tuple[str, str, Optional[int]]], left: Optional[int]) -> str:
        return "".join(map(getitem, self._readings_of(units), self._harmony(units, left)))

    def _readings_of(self, units: List[Tuple[str, str, Optional[int]]]) -> List[Sequence[str]]:
        """Each unit's (back, front) reading: a vowel's two, anything else's text twice (texts
        of other units are never an ambiguous vowel's letter). Looked up in C."""
        return list(map(self._pairs.__getitem__, map(itemgetter(0), units)))

    def _units(self, word: str, start: int = 0) -> List[Tuple[str, str, Optional[int]]]:
        """Split word[start:] into (text, kind, harmony evidence): kind v = ambiguous vowel
        letter, m = marker consonant, x = anything else already read."""
        units: List[Tuple[str, str, Optional[int]]] = []
        append, rules_of, plain, fits = units.append, self._rules.get, self._plain.get, self._fits
        n = len(word)
        i = start
        while i < n:
            ch = word[i]
            rules = rules_of(ch)
            if rules is not None:
                for key, unit, before, after in rules:
                    end = i + len(key)
                    if (
                        word.startswith(key, i)
                        and (before is None or fits(before, word, i - 1))
                        and (after is None or fits(after, word, end))
                    ):
                        append(unit)
                        i = end
                        break
                else:
                    append(plain(ch) or (ch, "x", None))
                    i += 1
            else:
                append(plain(ch) or (ch, "x", None))
                i += 1
        return units

    def _fits(self, context: str, word: str, j: int) -> bool:
        """Does the letter at index j, just before or just after a rule's key, fit `context`?
        ^ (before) and $ (after) ask that j is outside the word."""
        if context == "*":
            return True
        outside = j < 0 or j >= len(word)
        if context in ("^", "$"):
            return outside
        if outside:
            return False
        ch = word[j]
        if context == "V":
            return ch in self._vowel_letters
        if context == "C":
            return ch not in self._vowel_letters
        return ch in context

    @staticmethod
    def _harmony(units: List[Tuple[str, str, Optional[int]]], left: Optional[int]) -> List[int]:
        n = len(units)
        result = [BACK] * n
        pending: List[int] = []
        for i, (_, kind, evidence) in enumerate(units):
            if kind == "v":
                # Rule 1: a marker consonant beside the vowel decides it; the one before it (the
                # vowel's own syllable onset) wins a tie.
                if i > 0 and units[i - 1][1] == "m":
                    value: Optional[int] = units[i - 1][2]
                elif i + 1 < n and units[i + 1][1] == "m":
                    value = units[i + 1][2]
                else:
                    # Rule 2: the nearest decided vowel on the left (the hamza stands before the
                    # word), else the one on the right (when it comes, below).
                    if left is None:
                        pending.append(i)
                    else:
                        result[i] = left
                    continue
            elif kind == "x" and evidence is not None:
                value = evidence  # ە, and readings such as я
            else:
                continue
            for j in pending:
                result[j] = value
            pending = []
            left = result[i] = value
        # A word with no vowel evidence at all follows its marker consonants that stand apart
        # from vowels (инклюзивті), else it is back.
        if pending:
            markers = [evidence for _, kind, evidence in units if kind == "m"]
            fallback = markers[0] if markers else BACK
            for j in pending:
                result[j] = fallback
        return result
