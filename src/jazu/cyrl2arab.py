"""The writer: Kazakh Cyrillic -> Arabic script (house style, ORTHOGRAPHY.md §1-3).

One regex pass over the text finds Cyrillic words, in-word hyphens before a Cyrillic part, and
`, ; ?` right after a Cyrillic word; everything else is never touched. Each distinct word is
converted once (bounded cache) by: abbreviation check -> lower case -> hamza -> letter sequences
(a trie-shaped regex) -> letters (`str.translate`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Tuple

import regex

from .compiler import Compiled
from .wordcache import WordCache



class Writer:
    """Stateless between chunks: every rule looks at most across one hyphen or punctuation mark."""

    initial_state = None

    def __init__(self, compiled: Compiled, style: Optional[str] = None) -> None:
        """`style` names a spelling style of the `style` rows (other outlets, Xinjiang): such
        spellings are never output; the reader's lexicon uses them to recognise words."""
        c = compiled["writer"]
        self._letters: Dict[str, str] = dict(c["letters"])
        rules = c["styles"][style] if style else None
        if rules:
            self._letters.update(rules["letters"])
        self._rewrite = self._style_rewrites(rules, c["classes"]["vowel"]) if rules else None
        table = {}
        for low, arab in self._letters.items():
            table[ord(low)] = arab or None
            up = low.upper()
            if len(up) == 1 and up != low:
                table[ord(up)] = arab or None
        self._translate = table
        self._seq: Dict[str, str] = dict(c["seq"])
        self._after_vowel: Dict[str, str] = dict(c["after_vowel"]) if not rules or rules["after_vowel"] else {}
        classes = c["classes"]
        self._hamza: str = c["hamza"]
        self._abbr = frozenset(c["abbr"])
        self._vowels = frozenset(classes["vowel"])
        alternatives = []
        if c["seq_pattern"]:
            alternatives.append(f"(?P<s>{c['seq_pattern']})")
        if self._after_vowel:
            vowels = regex.escape(classes["vowel"])
            keys = regex.escape("".join(self._after_vowel))
            alternatives.append(f"(?<=[{vowels}])(?P<v>[{keys}])")
        self._units = regex.compile("|".join(alternatives)) if alternatives else None
        # Hamza: the first harmony vowel is front and no blocker appears (ORTHOGRAPHY.md §2).
        blockers = classes["hamza-blocker"]
        harmony = classes["front"] + classes["back"]
        self._needs_hamza = regex.compile(
            f"[^{regex.escape(harmony + blockers)}]*[{regex.escape(classes['front'])}]"
            f"[^{regex.escape(blockers)}]*\\Z"
        )
        self._punct: Dict[str, str] = dict(c["punct"])
        self._hyphen: Dict[str, str] = dict(c["hyphen"])
        # A Cyrillic word: letters, with any combining marks (decomposed й, accents) kept inside.
        # Punctuation and hyphens match plainly and are judged by their neighbours in Python:
        # cheaper than lookbehinds tried at every position.
        # The hot scan uses the standard library's `re` on explicit ranges: twice as fast as
        # `regex` here (benchmarks/throughput.py).
        scripts = compiled["scripts"]
        letter, mark = f"[{scripts['cyrillic_letter']}]", f"[{scripts['combining_mark']}]"
        # Latin look-alikes typed inside Cyrillic words (бiлiм with Latin i, Əлем) belong to the
        # word: a word is Cyrillic letters, marks and look-alikes, with one Cyrillic letter at least.
        look = re.escape("".join(LOOKALIKES))
        word = rf"[{look}]*{letter}(?:{letter}|{mark}|[{look}])*"
        self._scan = re.compile(rf"({word})|[{re.escape(''.join(self._punct))}\-]")
        self._is_letter = re.compile(letter).match
        self._cache = WordCache(self.word)

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        cache = self._cache

        def replace(m: "regex.Match[str]") -> str:
            word = m[1]
            if word is not None:
                return cache[word]
            return self._mark(m.string, m.start(), m[0])

        return self._scan.sub(replace, text), None

    def _mark(self, text: str, i: int, mark: str) -> str:
        """`, ; ?` right after a Cyrillic word (closing quotes and brackets between) take their
        Arabic form; an in-word hyphen before a Cyrillic part takes the seed's spacing."""
        if mark == "-":
            if i + 1 >= len(text) or not self._is_letter(text, i + 1) or i == 0:
                return mark
            kind = unicodedata.category(text[i - 1])[0]
            if kind == "N":
                return self._hyphen["digit"]
            return self._hyphen["letter"] if kind in "LM" else mark
        j = i - 1
        while j >= 0 and text[j] in _CLOSERS:
            j -= 1
        return self._punct[mark] if j >= 0 and self._is_letter(text, j) else mark

    @staticmethod
    def _style_rewrites(rules: Dict[str, Any], vowels: str):  # type: ignore[no-untyped-def]
        """The Cyrillic rewrites of a spelling style, as one function."""
        steps = [(re.compile(re.escape(a)), b) for a, b in rules["rewrites"]]
        consonant = f"[^{re.escape(vowels)}ьъ\\W]"
        for letter in rules["epenthesis"]:
            steps.append((re.compile(f"(?<={consonant})({re.escape(letter)})(?={consonant}|$)"), r"ы\1"))
        doubles = re.compile(r"(\w)\1") if rules["doubles"] else None
        # Native words keep their doubled letters (аттары, қатты): only loans lose them.
        loan = re.compile(f"[вфхцчщъьэёюя]|^{consonant}{consonant}|[{re.escape(vowels)}]{{2}}|(?<!л|н|р|с)кт$")

        def rewrite(word: str) -> str:
            for pattern, replacement in steps:
                word = pattern.sub(replacement, word)
            if doubles is not None and loan.search(word):
                word = doubles.sub(r"\1", word)
            return word

        return rewrite

    def is_abbreviation(self, word: str) -> bool:
        """All-caps words spelled letter by letter: the curated list, or an all-caps word that
        cannot be a Kazakh word (see `_pronounceable`)."""
        if len(word) < 2 or not word.isupper():
            return False
        return word in self._abbr or not _pronounceable(word.lower(), self._vowels)

    def word(self, word: str) -> str:
        """One Cyrillic word (letters only) in Arabic script."""
        if not unicodedata.is_normalized("NFC", word):
            word = unicodedata.normalize("NFC", word)
        if not word.isascii() and _HAS_LOOKALIKE(word):
            word = word.translate(_LOOKALIKE_TABLE)
        if self.is_abbreviation(word):
            return " ".join(self._spell(ch) for ch in word.lower())
        low = word.lower()
        prefix = self._hamza if self._needs_hamza.match(low) else ""
        if self._rewrite is not None:
            low = self._rewrite(low)
        if self._units is not None:
            low = self._units.sub(self._unit, low)
        return prefix + low.translate(self._translate)

    def _spell(self, ch: str) -> str:
        return self._letters.get(ch, ch) or ch

    def _unit(self, m: "regex.Match[str]") -> str:
        if m.lastgroup == "s":
            return self._seq[m.group("s")]
        return self._after_vowel[m.group("v")]


def spellers(compiled: Compiled) -> List[Callable[[str], str]]:
    """The word functions of the house style and of every other spelling style, house first:
    how the reader checks that a candidate reading spells the input."""
    return [Writer(compiled).word] + [Writer(compiled, style=name).word for name in compiled["writer"]["styles"]]


# Latin letters typed for the Kazakh Cyrillic letters they look like.
LOOKALIKES = {"i": "і", "I": "І", "ə": "ә", "Ə": "Ә"}
_LOOKALIKE_TABLE = str.maketrans(LOOKALIKES)
_HAS_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]").search

_CLOSERS = frozenset("»”’\"')]")

# Native Kazakh words never open with two consonants, never have two vowel letters in a row
# (у and и are glides), and close with at most one consonant, or a sonorant + a voiceless stop.
_SONORANTS = frozenset("лмнңрйу")
_FINAL_STOPS = frozenset("ктқпсш")


def _pronounceable(word: str, vowels: frozenset) -> bool:
    kinds = "".join("V" if ch in vowels else "C" for ch in word)
    if "V" not in kinds:
        return False
    if len(word) > 4:
        return True  # long all-caps words are headline words, loans included (СТРАТЕГИЯ)
    if kinds.startswith("CC") or "VV" in kinds:
        return False
    tail = len(kinds) - len(kinds.rstrip("C"))
    if tail > 2:
        return False
    if tail == 2 and not (word[-2] in _SONORANTS and word[-1] in _FINAL_STOPS):
        return False
    return True
