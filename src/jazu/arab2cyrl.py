"""The reader: Kazakh Arabic script -> Cyrillic, first (rule-only) version (ORTHOGRAPHY.md §4).

Per text: normalise, read the seed's hyphen spacing back, then one tokeniser pass over Arabic
words, spaced single-letter abbreviations, sentence ends and other words (which pass through).
Per distinct word (bounded cache): context rules for ي يا يۋ يو يە تس شش, then the harmony of each
ambiguous vowel (ا و ۇ ى) from local evidence:
  1. a vowel standing next to ق ع is back, next to ك گ front;
  2. otherwise it takes the harmony of the nearest decided vowel on its left (the hamza counts as
     a front vowel before the word), else on its right, else back.
Local evidence, not one flag per word, is what reads бірақ, ағаштарымен and бұлшықет right.
A lexicon plugs in as `lexicon`: a mapping from normalised Arabic words to readings, consulted
before the rules.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Tuple

import regex

from .compiler import Compiled
from .normalize import Normalizer
from .wordcache import WordCache

BACK, FRONT = 0, 1


class Reader:
    """State between chunks: whether the next word starts a sentence."""

    initial_state = True

    def __init__(self, compiled: Compiled, lexicon: Optional[Mapping[str, str]] = None) -> None:
        c = compiled["reader"]
        self._norm = Normalizer(compiled)
        self._vowels: Dict[str, List[str]] = c["vowels"]
        self._letters: Dict[str, str] = c["letters"]
        self._markers: Dict[str, int] = c["markers"]
        self._evidence: Dict[str, int] = c["evidence"]
        self._hamza: str = c["hamza"]
        self._vowel_letters = frozenset(self._vowels) | frozenset(
            a for a, cyr in self._letters.items() if cyr in ("е", "у")
        )
        self._rules: Dict[str, List[Tuple[str, str, str, str, Optional[int]]]] = {}
        for key, cyr, before, after, harmony in c["rules"]:
            self._rules.setdefault(key[0], []).append((key, cyr, before, after, harmony))
        self._invariant = [(a, cyr) for a, cyr in c["invariant"]]
        self._lexicon = lexicon
        letter = f"[{compiled['scripts']['arabic_letter']}]"
        joiners = f"[{re.escape(self._norm.strip_chars)}]"
        word = f"{letter}+(?:{joiners}+{letter}+)*"  # joiners only between letters
        single = "[" + re.escape("".join(self._letters) + "".join(self._vowels)) + "]"
        self._punct: Dict[str, str] = c["punct"]
        # The hot scan uses the standard library's `re` on explicit ranges: twice as fast as
        # `regex` here (benchmarks/throughput.py). `\w` stands for "letter or digit".
        self._scan = re.compile(
            rf"(?P<a>(?<!\w){single}(?: {single})+(?!\w))|{word}"
            rf"|(?P<p>[{re.escape(''.join(self._punct))}])"
        )
        # A word starts a sentence when only non-letters stand between it and a sentence end
        # (or the start of a piece that begins a sentence).
        enders = ".!?…\n" + "".join(a for a, ascii in self._punct.items() if ascii in ".!?")
        gap = r"[^\p{L}\p{M}\p{N}]*"
        self._sentence_gaps = regex.compile(rf"[{regex.escape(enders)}]{gap}")
        self._leading_gap = regex.compile(gap)
        self._last_mark = regex.compile(rf"(?r)[\p{{L}}\p{{M}}\p{{N}}]|(?P<end>[{regex.escape(enders)}])")
        letter_hyphen, digit_hyphen = c["hyphen"]["letter"], c["hyphen"]["digit"]
        self._hyphens = regex.compile(
            rf"(?<=[\p{{L}}\p{{M}}]){regex.escape(letter_hyphen)}(?={letter})"
            rf"|(?<=\p{{N}}){regex.escape(digit_hyphen)}(?={letter})"
        )
        self._cache = WordCache(self._word)

    # --- text level ---------------------------------------------------------------------------

    def convert(self, text: str, state: Any = True) -> Tuple[str, Any]:
        """Convert one piece; `state` says whether it begins a sentence, and the state for the
        next piece is returned with the text."""
        text = self._hyphens.sub("-", self._norm.text(text))
        starts = {m.end() for m in self._sentence_gaps.finditer(text)}
        if state:
            starts.add(self._leading_gap.match(text).end())
        cache = self._cache

        def replace(m: "regex.Match[str]") -> str:
            kind = m.lastgroup
            if kind is not None:
                if kind == "p":
                    return self._punct[m[0]]
                return self._abbreviation(m[0], m.start() in starts)
            word = cache[m[0]]
            if m.start() in starts:
                return word[:1].upper() + word[1:]
            return word

        out = self._scan.sub(replace, text)
        last = self._last_mark.search(text)
        return out, bool(state) if last is None else last.group("end") is not None

    def _abbreviation(self, spaced: str, sentence_start: bool) -> str:
        """`ب ۇ ۇ` -> БҰҰ. Runs of vowels only are ordinary one-letter words (а, е, о) read
        apart, the first capitalised at a sentence start."""
        letters = spaced.split(" ")
        if all(ch in self._vowel_letters for ch in letters):
            words = " ".join(self._cache.get(ch) for ch in letters)
            return words[:1].upper() + words[1:] if sentence_start else words
        return "".join(self._read_letter(ch) for ch in letters).upper()

    def _read_letter(self, ch: str) -> str:
        if ch in self._vowels:
            return self._vowels[ch][BACK]
        return self._letters.get(ch, ch)

    # --- word level ---------------------------------------------------------------------------

    def _word(self, word: str) -> str:
        word = self._norm.word(word)
        front = self._hamza in word
        if front:
            word = word.replace(self._hamza, "")
            if not word:
                return self._hamza  # a lone hamza is not a word: keep it
        if self._lexicon is not None:
            known = self._lexicon.get(word)
            if known is not None:
                return known
        for suffix, reading in self._invariant:
            # -мен/-пен/-бен keep their е on back stems: read the stem on its own.
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                return self.read(word[: -len(suffix)], front) + reading
        return self.read(word, front)

    def read(self, word: str, front: bool = False) -> str:
        """Read one normalised Arabic word without hamza; `front` says a hamza marked it."""
        units = self._units(word)
        harmony = self._harmony(units, front)
        return "".join(
            self._vowels[text][h] if kind == "v" else text
            for (text, kind, _), h in zip(units, harmony)
        )

    def _units(self, word: str) -> List[Tuple[str, str, Optional[int]]]:
        """Split into (text, kind, harmony evidence): kind v = ambiguous vowel letter,
        m = marker consonant, x = anything else already read."""
        units: List[Tuple[str, str, Optional[int]]] = []
        n = len(word)
        i = 0
        while i < n:
            ch = word[i]
            for key, cyr, before, after, harmony in self._rules.get(ch, ()):
                end = i + len(key)
                if word.startswith(key, i) and self._fits(before, word, i - 1) and self._fits_after(after, word, end):
                    units.append((cyr, "x", harmony))
                    i = end
                    break
            else:
                if ch in self._vowels:
                    units.append((ch, "v", None))
                elif ch in self._markers:
                    units.append((self._letters[ch], "m", self._markers[ch]))
                else:
                    units.append((self._letters.get(ch, ch), "x", self._evidence.get(ch)))
                i += 1
        return units

    def _fits(self, context: str, word: str, j: int) -> bool:
        """Does the letter before the match (index j) fit `context`?"""
        if context == "*":
            return True
        if context == "^":
            return j < 0
        if j < 0:
            return False
        ch = word[j]
        if context == "V":
            return ch in self._vowel_letters
        if context == "C":
            return ch not in self._vowel_letters
        return ch in context

    def _fits_after(self, context: str, word: str, j: int) -> bool:
        if context == "*":
            return True
        if context == "$":
            return j >= len(word)
        if j >= len(word):
            return False
        ch = word[j]
        if context == "V":
            return ch in self._vowel_letters
        if context == "C":
            return ch not in self._vowel_letters
        return ch in context

    @staticmethod
    def _harmony(units: List[Tuple[str, str, Optional[int]]], front: bool) -> List[int]:
        n = len(units)
        decided: List[Optional[int]] = [None] * n
        for i, (_, kind, evidence) in enumerate(units):
            if kind == "v":
                # Rule 1: a marker consonant beside the vowel decides it; the one before it (the
                # vowel's own syllable onset) wins a tie.
                if i > 0 and units[i - 1][1] == "m":
                    decided[i] = units[i - 1][2]
                elif i + 1 < n and units[i + 1][1] == "m":
                    decided[i] = units[i + 1][2]
            elif kind == "x" and evidence is not None:
                decided[i] = evidence  # ە, and readings such as я
        # Rule 2: propagate from the nearest decided vowel on the left (the hamza stands before
        # the word), else on the right; a word with no vowel evidence at all follows its marker
        # consonants that stand apart from vowels (инклюзивті), else it is back.
        result = [BACK] * n
        left: Optional[int] = FRONT if front else None
        pending: List[int] = []
        for i, (_, kind, _) in enumerate(units):
            value = decided[i]
            if value is not None:
                for j in pending:
                    result[j] = value
                pending = []
                left = result[i] = value
            elif kind == "v":
                if left is None:
                    pending.append(i)
                else:
                    result[i] = left
        if pending:
            markers = [evidence for _, kind, evidence in units if kind == "m"]
            fallback = markers[0] if markers else BACK
            for j in pending:
                result[j] = fallback
        return result
