"""The writer: Kazakh Cyrillic -> Arabic script (house style, ORTHOGRAPHY.md §1-3).

One regex pass over the text converts in-word hyphens before a Cyrillic part and `, ; ?` right
after a Cyrillic word; one split then finds the Cyrillic words; everything else is never touched.
Each distinct word is converted once (bounded cache) by: abbreviation check -> lower case ->
hamza -> letter sequences (a trie-shaped regex) -> letters (`str.translate`); the new words of a
piece go through those steps together (`Writer._words`).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress
from typing import Any, Dict, List, Optional, Tuple

from jazu.cyrillic.lookalikes import LOOKALIKES, TO_CYRILLIC
from jazu.tableset import Compiled
from jazu.text.wordcache import LONGEST_CACHED, WordCache



class Writer:
    """Stateless between chunks: every rule looks at most across one hyphen or punctuation mark."""

    initial_state = None
    state_reads_text = False  # the state after a part ending with a line end is known (parallel.py)

    def __init__(
        self, compiled: Compiled, style: Optional[str] = None, hamza: Optional[str] = None, digits: str = "ascii"
    ) -> None:
        """`style` names a spelling style of the `style` rows (other outlets, Xinjiang): the
        reader's lexicon uses them to recognise words, and an output profile (version 4 on) may
        write one. `hamza`: the profile's hamza instead of the house one. `digits`: "arabic"
        writes the digits of numbers as Extended Arabic-Indic ۰–۹."""
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
        self._hamza: str = hamza or c["hamza"]
        # Numbers standing apart in ۰–۹: a number is digits with . , : / between them (3,5;
        # 04.12.2026; 10:30), never inside a Latin word (COVID-19, iPhone15), a URL or an address.
        self._digits = re.compile(
            r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+|\S+@\S+"  # passed over whole
            r"|(?<![A-Za-z0-9_#])(?<![A-Za-z]-)[0-9]+(?:[.,:/][0-9]+)*(?![A-Za-z0-9_@])"
        ) if digits == "arabic" else None
        self._abbr = frozenset(c["abbr"])
        self._vowels = frozenset(classes["vowel"])
        alternatives = []
        if c["seq_pattern"]:
            alternatives.append(f"(?P<s>{c['seq_pattern']})")
        if self._after_vowel:
            vowels = re.escape(classes["vowel"])
            keys = re.escape("".join(self._after_vowel))
            alternatives.append(f"(?<=[{vowels}])(?P<v>[{keys}])")
        # The standard library's `re`: for these short patterns on one word it has half the
        # per-call cost of `regex`.
        self._units = re.compile("|".join(alternatives)) if alternatives else None
        # The same steps for many words at once (`_words`), cheaper on long text: each letter
        # spelt apart after a vowel found by a pattern that opens with it (a fast literal search),
        # then each sequence by str.replace (the compiler ensures they cannot overlap).
        self._after_vowel_steps = [
            (re.compile(f"{re.escape(key)}(?<=[{re.escape(classes['vowel'])}]{re.escape(key)})"), arabic)
            for key, arabic in self._after_vowel.items()
        ]
        # What can make the spelling of two parts written together differ from the two spellings
        # put side by side (see `joins`): the start of a letter sequence at the end of the left
        # part, or a letter spelt apart after a vowel at the start of the right part.
        self._seq_starts = frozenset(key[:i] for key in self._seq for i in range(1, len(key)))
        self._longest_seq_start = max(map(len, self._seq_starts), default=0)
        # The last letters of a left part that may join it to the right one: most words end
        # otherwise, and are settled by one set look-up.
        self._seam_letters = frozenset(start[-1] for start in self._seq_starts) | (
            self._vowels if self._after_vowel else frozenset()
        )
        # Hamza: the first harmony vowel is front and no blocker appears (ORTHOGRAPHY.md §2).
        blockers = classes["hamza-blocker"]
        harmony = classes["front"] + classes["back"]
        no_harmony, front, no_blocker = re.escape(harmony + blockers), re.escape(classes["front"]), re.escape(blockers)
        self._needs_hamza = re.compile(f"[^{no_harmony}]*[{front}][^{no_blocker}]*\\Z")
        # The same, for many words a line each (`_words`): put the hamza before those lines.
        self._hamza_lines = re.compile(f"(?m)^(?=[^{no_harmony}\\n]*[{front}][^{no_blocker}\\n]*$)")
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
        # Marks are judged by their neighbours in the text as given, in a pass of their own
        # before the words (their outputs hold no letters, so the words stay as they were).
        self._marks = re.compile(rf"[{re.escape(''.join(self._punct))}\-]")
        self._split_words = re.compile(f"({word})").split
        self._is_letter = re.compile(letter).match
        self._cache: WordCache[str] = WordCache(self.word)

    def state_after(self, text: str, state: Any = None) -> Any:
        return None  # a writer carries nothing from one piece to the next

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        if self._marks.search(text) is not None:
            text = self._marks.sub(self._mark_match, text)
        # The hot path: one C-level split; the words not yet cached are written together
        # (`_words`), then every word is a cache look-up done by map() in C.
        pieces = self._split_words(text)  # separator, word, separator, ..., separator
        words = pieces[1::2]
        cache = self._cache
        new = set(words).difference(cache)
        if new:
            batch = list(new)
            if max(map(len, batch)) > LONGEST_CACHED:  # such "words" go to __missing__ uncached
                batch = [word for word in batch if len(word) <= LONGEST_CACHED]
            cache.add_all(batch, self._words(batch))
        pieces[1::2] = map(cache.__getitem__, words)
        if self._digits is not None:
            return self._digits.sub(_arabic_number, "".join(pieces)), None
        return "".join(pieces), None

    def _words(self, words: List[str]) -> List[str]:
        """`[self.word(w) for w in words]` for words as the scan finds them (one Cyrillic letter
        at least), as a few passes over the words joined by newlines: every step of `word` is a
        per-line operation, so it can run over all lines at once."""
        if self._rewrite is not None or not words:
            return [self.word(word) for word in words]
        batch = "\n".join(words)
        if not unicodedata.is_normalized("NFC", batch):  # NFC composes nothing with a newline
            batch = unicodedata.normalize("NFC", batch)
        for latin, cyrillic in LOOKALIKES.items():
            if latin in batch:
                batch = batch.replace(latin, cyrillic)
        cleaned = batch.split("\n")
        # All-caps words (found in C) may be abbreviations, spelt letter by letter by `word`.
        spelled = [i for i in compress(range(len(cleaned)), map(str.isupper, cleaned)) if self.is_abbreviation(cleaned[i])]
        low = self._hamza_lines.sub(self._hamza, batch.lower())
        for pattern, arabic in self._after_vowel_steps:  # first: they look at the letter before
            low = pattern.sub(lambda m: arabic, low)  # noqa: B023 (called at once)
        for key, arabic in self._seq.items():
            if key in low:
                low = low.replace(key, arabic)
        out = low.translate(self._translate).split("\n")
        for i in spelled:
            out[i] = self.word(words[i])
        return out

    def _mark_match(self, m: "re.Match[str]") -> str:
        return self._mark(m.string, m.start(), m[0])

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
        rewrites = [(a, b) for a, b in rules["rewrites"]]
        consonant = f"[^{re.escape(vowels)}ьъ\\W]"
        strict = f"[^{re.escape(vowels)}иуйюяёьъ\\W]"  # и у й ю я ё are vowels or glides here
        epenthesis = [
            (letter, re.compile(f"(?<={strict if is_strict else consonant})({re.escape(letter)})(?={consonant}|$)"))
            for letter, is_strict in rules["epenthesis"]
        ]
        doubles = re.compile(r"(\w)\1") if rules["doubles"] else None
        # Native words keep their doubled letters (аттары, қатты): only loans lose them.
        loan = re.compile(f"[вфхцчщъьэёюя]|^{consonant}{consonant}|[{re.escape(vowels)}]{{2}}|(?<!л|н|р|с)кт$")

        def rewrite(word: str) -> str:
            # Each step only where its letters occur: the reader asks this of many candidates.
            for old, new in rewrites:
                word = word.replace(old, new)
            for letter, pattern in epenthesis:
                if letter in word:
                    word = pattern.sub(r"ы\1", word)
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
        word = clean(word)
        if self.is_abbreviation(word):
            return " ".join(self._spell(ch) for ch in word.lower())
        low = word.lower()
        return (self._hamza if self.needs_hamza(low) else "") + self.letters(low)

    def needs_hamza(self, low: str) -> bool:
        """Does this lower-case word (NFC, no abbreviation) take the hamza before it? Every style
        puts it alike: it is decided before a style's rewrites."""
        return self._needs_hamza.match(low) is not None

    def letters(self, low: str) -> str:
        """The spelling of a lower-case word (NFC, no abbreviation) without its hamza: `word`
        is the hamza, when `needs_hamza`, + this, which never holds a hamza (the compiler
        refuses letters that spell one)."""
        if self._rewrite is not None:
            low = self._rewrite(low)
        if self._units is not None:
            low = self._units.sub(self._unit, low)
        return low.translate(self._translate)

    def joins(self, left: str, right: str) -> bool:
        """Can `letters((left + right).lower())` differ from the letters of the two parts put
        side by side? Only a letter sequence begun at the end of `left`, or a letter spelt apart
        after a vowel opening `right`, reach across the seam. A style's rewrites look at the whole
        word, so with them the answer is always yes."""
        if self._rewrite is not None:
            return True
        if left[-1:].lower() not in self._seam_letters:
            return False
        if right[:1].lower() in self._after_vowel and left[-1:].lower() in self._vowels:
            return True
        low = left[-self._longest_seq_start :].lower()
        return any(low[-i:] in self._seq_starts for i in range(1, len(low) + 1))

    def _spell(self, ch: str) -> str:
        return self._letters.get(ch, ch) or ch

    def _unit(self, m: "re.Match[str]") -> str:
        if m.lastgroup == "s":
            return self._seq[m.group("s")]
        return self._after_vowel[m.group("v")]


def writers(compiled: Compiled) -> List[Writer]:
    """A writer of the house style and of every other spelling style, house first: how the
    reader checks that a candidate reading spells the input."""
    return [Writer(compiled)] + [Writer(compiled, style=name) for name in compiled["writer"]["styles"]]


ARABIC_DIGITS = {ord(d): chr(0x06F0 + int(d)) for d in "0123456789"}  # Extended Arabic-Indic ۰–۹


def _arabic_number(match: Any) -> str:
    found: str = match.group()
    return found if not found[:1].isdigit() else found.translate(ARABIC_DIGITS)  # a URL stays


_HAS_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]").search


def clean(word: str) -> str:
    """A Cyrillic word as the writer reads it: NFC, Latin look-alikes made Cyrillic."""
    if not unicodedata.is_normalized("NFC", word):
        word = unicodedata.normalize("NFC", word)
    if not word.isascii() and _HAS_LOOKALIKE(word):
        word = word.translate(TO_CYRILLIC)
    return word


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
