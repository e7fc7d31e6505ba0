"""Arabic-script input normalisation (ORTHOGRAPHY.md §5), a stage of its own before reading.

Text level: variant letters, legacy Kazinform glyphs, presentation forms and Arabic-Indic digits
become the canonical characters (all of them are Arabic-script characters, so
nothing in another script is touched). Word level: tatweel, harakat, zero-width and bidi marks are
deleted inside an Arabic word only; outside words they pass through.
"""

from __future__ import annotations

import re
from typing import Dict, Optional

from .compiler import Compiled, class_of


class Normalizer:
    def __init__(self, compiled: Compiled) -> None:
        n = compiled["normalize"]
        chars: Dict[str, str] = dict(n["chars"])
        self._text_table: Dict[int, str] = {ord(k): v for k, v in chars.items()}
        # Most text has nothing to normalise: one fast scan decides whether to translate at all.
        self._variant = re.compile(f"[{class_of(chars)}]")
        self.strip_chars: str = n["strip"]
        self._word_table: Dict[int, Optional[str]] = {ord(c): None for c in self.strip_chars}
        # A search is 7x cheaper than a translate that finds nothing to strip, the usual case.
        self._strippable = re.compile(f"[{re.escape(self.strip_chars)}]").search if self.strip_chars else None

    def text(self, text: str) -> str:
        if self._variant.search(text) is None:
            return text
        return text.translate(self._text_table)

    def word(self, word: str) -> str:
        if self._strippable is None or self._strippable(word) is None:
            return word
        return word.translate(self._word_table)
