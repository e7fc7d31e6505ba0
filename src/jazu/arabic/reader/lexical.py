"""The reader's word level: a word is read from the lexicon where a known stem and a known
suffix spell it (in the house style or another outlet's), else by the rules, where the rule
reading competes with stem guesses and one-harmony readings, ranked by a character n-gram model
(`_rank`); names and loans by their endings (`names.py`). A stage of the reader
(`reader/__init__.py`), which mixes it in after the rules (`rules.py`)."""

from __future__ import annotations

from operator import getitem
from typing import Any, Dict, List, Optional, Tuple

from jazu.arabic.lexicon import Lexicon, harmony
from jazu.arabic.writer import Writer, clean
from jazu.cyrillic.morphology import SEAM_OPENERS, seam as _seam
from jazu.arabic.reader.rules import BACK, FRONT

MIN_STEM = 4  # Arabic letters a known stem needs before the rest of a word is read by rule
LONGEST_WORD = 64  # letters: anything longer is read by rule alone (no word is that long)
NGRAM_MARGIN = 0.15  # how much more Kazakh-like (log-probability per letter) a guess must look


def _left_harmony(cyrillic: str, rule: Any = harmony) -> Optional[int]:
    h = rule(cyrillic)
    return None if h < 0 else h


def _best_spelled(scored: List[Tuple[str, int]]) -> List[str]:
    """The readings spelled in the best-ranked style (house style before the others)."""
    top = max((score for _, score in scored), default=0)
    return [c for c, score in scored if top and score == top]


def _prefer(readings: List[str]) -> str:
    """Among readings that all spell the word: a common word before a name, then the first."""
    if len(readings) == 1:
        return readings[0]
    return min(readings, key=lambda c: (c[:1].isupper(), readings.index(c)))


def _same_spelling(written: str, target: str, hamza: str) -> bool:
    """Equal up to where the hamza stands (the input may carry it anywhere in the word)."""
    if written == target:
        return True
    return (hamza in written) == target.startswith(hamza) and written.replace(hamza, "") == target.replace(hamza, "")


class LexiconReading:
    """A word: from the lexicon, else by rule and rank (see the module docstring)."""

    def _word(self, raw: str) -> str:
        word = self._norm.word(raw)
        front = self._hamza in word
        if front:
            word = word.replace(self._hamza, "")
        if not word:
            return raw  # only hamzas or marks: nothing to read, so nothing is dropped
        if not self._lexicons or len(word) > LONGEST_WORD:
            return self._by_rule(word, front)
        if self._has_placeholder is not None and self._has_placeholder(word) is not None:
            return self._with_lookalikes(word, front)
        if word in self._acronym_spellings:
            acronym = self._names.acronym(word, front, self._is_whole_word)
            if acronym is not None:
                return acronym
        guesses: List[str] = []
        others = self._conventions.active  # other outlets' hamza, after the house one
        for lexicon in self._lexicons:  # the user's first
            known, found = self._from_lexicon(word, front, lexicon, others)
            if known is not None:
                return known
            guesses = guesses or found
        units = self._units(word)
        by_rule = self._by_rule(word, front, units)
        if self._ngram is None:
            return by_rule
        reading = self._rank(by_rule, guesses, word, front, units)
        return self._names.unknown_word(reading, guesses) if self._names.active else reading

    def _is_whole_word(self, word: str, front: bool) -> bool:
        """Does the lexicon hold a whole word (no stem variant) spelt `word` with this hamza?"""
        needs_hamza = self._writers[0].needs_hamza
        return any(
            needs_hamza(stem.lower()) == front for lex in self._lexicons for stem in lex.whole_words.get(word, ())
        )

    def _with_lookalikes(self, word: str, front: bool) -> str:
        """A word with letters of another script typed in it (`بiزدiڭ`): the converter that
        left them did not count them for the hamza, so a known word is looked up with the hamza
        either way, and must read each such letter as its row says; else the rule reading, in
        which they are evidence of their harmony."""
        plain = word
        wanted: Dict[str, int] = {}
        for ph, (arabic, _) in self._placeholders.items():
            if ph in plain:
                plain = plain.replace(ph, arabic)
                reading = self._lookalike_readings[ph]
                wanted[reading] = wanted.get(reading, 0) + word.count(ph)
        for hamza in (front, not front):
            for lexicon in self._lexicons:
                known, _ = self._from_lexicon(plain, hamza, lexicon, others=True)
                if known is not None and all(known.lower().count(r) >= n for r, n in wanted.items()):
                    return known
        return self._by_rule(word, front)

    def _from_lexicon(
        self, word: str, front: bool, lexicon: Lexicon, others: bool = False
    ) -> Tuple[Optional[str], List[str]]:
        """Read a word as a known stem + the rest, keeping only readings that our writer spells
        back as the word (in the house spelling or a variant one). Returns the reading with a
        known suffix after the longest such stem, if any; else guesses: the longest stem (of
        MIN_STEM letters at least) with the rest read by rule in the stem's harmony. With
        `others`, a reading whose hamza only another outlet writes counts where no stem gives
        one with the house hamza."""
        longest = None  # for guesses, read only if no known suffix fits
        fallback: Optional[str] = None  # the longest stem's reading with another outlet's hamza
        suffix_spellings, house_writer = lexicon.suffix_spellings, self._writers[0]
        for prefix, variants, otherwise in lexicon.stems(word):
            length = len(prefix)
            rest = word[length:]
            if longest is None and length >= MIN_STEM and rest:
                longest = (prefix, variants, otherwise)
            if rest and rest not in suffix_spellings:  # no known suffix is spelt so
                continue
            known: List[str] = []
            house: List[str] = []  # those the house style spells as the input
            for variant in variants:
                stem_letters = otherwise.get(variant, prefix)
                if not rest:
                    known.append(variant)
                    if self._house_spells(variant, stem_letters == word, False, word, front):
                        house.append(variant)
                    continue
                for suffix, suffix_letters in lexicon.suffixes(rest, variant):
                    candidate = variant + suffix
                    if lexicon.seams and suffix[0] in SEAM_OPENERS:
                        candidate = _seam(variant, suffix)
                        if candidate is None:
                            continue
                    known.append(candidate)
                    joins = house_writer.joins(variant, suffix)
                    # Most often both parts are spelt as their look-up keys: no concatenation
                    parts = (stem_letters is prefix and suffix_letters == rest) or stem_letters + suffix_letters == word
                    if self._house_spells(candidate, parts, joins, word, front):
                        house.append(candidate)
            if house:  # the house style ranks first (`_spells`): no other style need be asked
                return _prefer(house), []
            if known:
                scored = [(c, self._spells(c, word, front, others=others)) for c in known]
                good = _best_spelled(scored)
                if good:
                    if not others or max(score for _, score in scored) > len(self._writers):
                        return _prefer(good), []
                    # Only another outlet's hamza fits: a shorter stem that the house hamza
                    # fits still wins (ажуам is not әжуам without a hamza), so keep looking.
                    fallback = fallback or _prefer(good)
        if fallback is not None:
            return fallback, []
        if longest is None:
            return None, []
        prefix, variants, otherwise = longest
        ruled: List[str] = []
        house = []
        for variant in variants:
            reading, letters = self._read_rest(word, _left_harmony(variant, lexicon.harmony), len(prefix))
            candidate = variant + reading
            if lexicon.seams and reading[:1] in SEAM_OPENERS:
                candidate = _seam(variant, reading)
                if candidate is None:
                    continue
            ruled.append(candidate)
            parts = otherwise.get(variant, prefix) + letters == word
            if self._house_spells(candidate, parts, house_writer.joins(variant, reading), word, front):
                house.append(candidate)
        return None, house or _best_spelled([(c, self._spells(c, word, front)) for c in ruled])

    def _rank(
        self, by_rule: str, guesses: List[str], word: str, front: bool, units: List[Tuple[str, str, Optional[int]]]
    ) -> str:
        """An unknown word: the rule reading, unless a stem guess or a one-harmony reading that
        also spells the word back is clearly more Kazakh-like to the n-gram model."""
        others = self._rivals(by_rule, guesses, word, front, units)
        if not others:
            return by_rule
        score = self._ngram.score  # type: ignore[union-attr]
        scores = [score(other) for other in others]
        top = max(scores)
        best = others[scores.index(top)]  # the first of equals, as max() would pick
        return best if top > score(by_rule) + NGRAM_MARGIN else by_rule

    def _rivals(
        self, by_rule: str, guesses: List[str], word: str, front: bool, units: List[Tuple[str, str, Optional[int]]]
    ) -> List[str]:
        """The readings of an unknown word that compete with its rule reading (see `_rank`)."""
        # A guess equal to the rule reading could only win as itself: leave it out (most
        # guesses are), and often nothing is left to score.
        others = [guess for guess in guesses if guess != by_rule]
        # Every ambiguous vowel in one harmony, but ы/і beside қ ғ к г as those demand: no
        # Kazakh or Russian word has кы or қі.
        fixed: List[Tuple[int, int]] = []
        if self._close_vowel in word:
            n = len(units)
            for i, (text, kind, _) in enumerate(units):
                if kind == "v" and text == self._close_vowel:
                    if i > 0 and units[i - 1][1] == "m":  # the marker before it first
                        fixed.append((i, units[i - 1][2]))  # type: ignore[arg-type]
                    elif i + 1 < n and units[i + 1][1] == "m":
                        fixed.append((i, units[i + 1][2]))  # type: ignore[arg-type]
        readings = self._readings_of(units)
        for one in (BACK, FRONT):
            choice = [one] * len(units)
            for i, h in fixed:
                choice[i] = h
            uniform = "".join(map(getitem, readings, choice))
            if uniform != by_rule and uniform not in others and self._spells(uniform, word, front):
                others.append(uniform)
        # A loan's letter that opens the word (е for э: ەنەرگەتيكا) competes too (version 3 on).
        # Native words keep one harmony, so only a reading with a back vowel is a loan's.
        loan = self._names.loan_initials.get(by_rule[:1])
        if loan is not None:  # every reading of the word opens with the same letter
            for reading in [by_rule] + others:
                if self._back_readings.intersection(reading):
                    others.append(loan + reading[1:])
        return others

    def _house_spells(self, candidate: str, parts: bool, joins: bool, word: str, front: bool) -> bool:
        """Does the house style spell `candidate` (a known stem + a known suffix) as `word`?
        Answered without writing the candidate when the writer spells the two parts apart as
        it would together (no `joins`, no all-caps abbreviation): then `parts` (the parts'
        house spellings make up the input's letters) and the hamza decide."""
        if joins or (len(candidate) > 1 and candidate.isupper()):
            return self._spells(candidate, word, front, self._writers[:1]) > 0
        return parts and self._writers[0].needs_hamza(candidate.lower()) == front

    def _spells(
        self, cyrillic: str, word: str, front: bool, writers: Optional[List[Writer]] = None, others: bool = False
    ) -> int:
        """0 if `cyrillic` is not spelled `word` (hamza-less; with a hamza when `front`) in any
        style (of `writers`, all by default), else the rank of the first style that spells it
        so: with the house hamza from 2n (the house style) down to n + 1 (the last of n styles);
        with `others`, also with another outlet's hamza only, from n down to 1."""
        writers = writers or self._writers
        n = len(self._writers)
        cyrillic = clean(cyrillic)
        # Every style tells abbreviations and puts the hamza alike (before its own rewrites).
        if self._writers[0].is_abbreviation(cyrillic):
            target = (self._hamza if front else "") + word
            for rank, writer in enumerate(writers):
                if _same_spelling(writer.word(cyrillic), target, self._hamza):
                    return n - rank + n
            return 0
        # The input may carry its hamza anywhere (`_same_spelling`); the writers' letters never
        # hold one, so the hamza and the letters are compared apart, the cheap one first.
        low = cyrillic.lower()
        if self._writers[0].needs_hamza(low) != front:
            # Another outlet's hamza (`others`, version 3 on) ranks below every house hamza.
            if not (others and self._conventions.fits(low, front)):
                return 0
            n = 0
        for rank, writer in enumerate(writers):
            if writer.letters(low) == word:
                return n - rank + len(self._writers)
        return 0
