"""Arabic-script input normalisation (ORTHOGRAPHY.md §5), a stage of its own before reading.

Text level: variant letters, legacy Kazinform glyphs, presentation forms and Arabic-Indic digits
become the canonical characters (all of them are Arabic-script characters, so
nothing in another script is touched). Word level: tatweel, harakat, zero-width and bidi marks are
deleted inside an Arabic word only; outside words they pass through.
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from jazu.tableset.compile import PLACEHOLDERS, Compiled, class_of


# Letters of another script typed inside an Arabic word (`lookalike` rows, version 3 on) become
# one of the compiler's PLACEHOLDERS, Arabic letters no Kazakh text uses: the reader reads each
# as the letter of its row in that row's harmony (a Latin i for і: read as і, and as front
# evidence). A placeholder letter found as such in the input is read the same way.

class Normalizer:
    def __init__(self, compiled: Compiled) -> None:
        n = compiled["normalize"]
        lookalikes: Dict[str, List[str]] = n.get("lookalikes", {})
        # placeholder -> (the Arabic letter it stands for, its harmony); one per distinct reading
        self.placeholders: Dict[str, Tuple[str, str]] = {}
        by_reading: Dict[Tuple[str, str], str] = {}
        self._lookalike_table: Dict[int, str] = {}
        for char, (arabic, harmony) in lookalikes.items():
            key = (arabic, harmony)
            if key not in by_reading:
                by_reading[key] = PLACEHOLDERS[len(by_reading)]
                self.placeholders[by_reading[key]] = key
            self._lookalike_table[ord(char)] = by_reading[key]
        self._lookalike_chars: Tuple[str, ...] = ()
        if lookalikes:
            # Each such letter that touches an Arabic letter, found by str.find (the letters are
            # rare in Arabic text, and a regex scan for them costs as much as reading the text).
            self._arabic_letter = re.compile(f"[{compiled['scripts']['arabic_letter']}]").match
            self._lookalike_chars = tuple(lookalikes)
        chars: Dict[str, str] = dict(n["chars"])
        self._text_table: Dict[int, str] = {ord(k): v for k, v in chars.items()}
        # Most text has nothing to normalise: one fast scan decides whether to translate at all.
        self._variant = re.compile(f"[{class_of(chars)}]")
        self.strip_chars: str = n["strip"]
        self._word_table: Dict[int, Optional[str]] = {ord(c): None for c in self.strip_chars}
        # A search is 7x cheaper than a translate that finds nothing to strip, the usual case.
        self._strippable = re.compile(f"[{re.escape(self.strip_chars)}]").search if self.strip_chars else None

    def text(self, text: str) -> str:
        if self._lookalike_chars:
            text = self._replace_lookalikes(text)
        if self._variant.search(text) is None:
            return text
        return text.translate(self._text_table)

    def _replace_lookalikes(self, text: str) -> str:
        touches, found = self._arabic_letter, []
        for char in self._lookalike_chars:
            i = text.find(char)
            while i >= 0:
                if (i and touches(text, i - 1)) or touches(text, i + 1):
                    found.append(i)
                i = text.find(char, i + 1)
        if not found:
            return text
        chars = list(text)
        for i in found:
            chars[i] = self._lookalike_table[ord(chars[i])]
        return "".join(chars)

    def word(self, word: str) -> str:
        if self._strippable is None or self._strippable(word) is None:
            return word
        return word.translate(self._word_table)
