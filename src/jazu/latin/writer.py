"""Cyrillic -> Latin (the 2021 alphabet): one `str.translate` pass over the text.

Every Cyrillic letter of the table maps to its Latin letters (ь ъ to none); a capital maps to the
capital of its first Latin letter (Я -> Ia, И -> İ, І -> I: the case rows, never Python's, whose
"i".upper() is "I"). Only a capital written with two Latin letters inside an all-caps word
(ЮНЕСКО -> IUNESKO) needs more, and a C-level search finds whether the text has any.
Everything else (Latin, digits, other scripts, spacing) is not in the table, so it passes through.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, Tuple

import regex

from jazu.cyrillic.lookalikes import TO_CYRILLIC
from jazu.tableset import Compiled


_CYRILLIC = "\u0400-\u04ff"
# Patterns that open with the rare character, so that `re` scans for it at C speed.
_HAS_LOOKALIKE = re.compile(f"[iIəƏ](?:(?<=[{_CYRILLIC}].)|(?=[{_CYRILLIC}]))").search
_LOOKALIKE_IN_WORD = re.compile(f"[iIəƏ](?<=[{_CYRILLIC}].)[iIəƏ]*|[iIəƏ]+(?=[{_CYRILLIC}])")
# The marks that compose with a Cyrillic letter into a Kazakh or Russian one (й ў; ё ӧ ӱ ӓ).
COMPOSING = "\u0306\u0308"
_DECOMPOSED = re.compile(f"[{_CYRILLIC}][\u0300-\u036f]+")


class LatinWriter:
    initial_state = None
    state_reads_text = False  # the state after a part ending with a line end is known (parallel.py)

    def __init__(self, latin: Compiled) -> None:
        upper: Dict[str, str] = latin["upper"]

        def capitals(word: str) -> str:
            return "".join(upper[ch] for ch in word)

        table: Dict[int, str] = {}
        for cyr, lat in latin["letters"].items():
            table[ord(cyr)] = lat
            table[ord(cyr.upper())] = capitals(lat[:1]) + lat[1:]
        self._table = table
        # Two-letter capitals beside another capital: both letters are capitals there.
        self._wide = {cyr.upper(): capitals(lat) for cyr, lat in latin["letters"].items() if len(lat) > 1}
        wide = "".join(self._wide)
        self._any_wide = regex.compile(f"[{wide}]").search if wide else None
        self._all_caps = regex.compile(rf"[{wide}](?=\p{{Lu}})|(?<=\p{{Lu}})[{wide}]") if wide else None

    def state_after(self, text: str, state: Any = None) -> Any:
        return None  # a writer carries nothing from one piece to the next

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        # A decomposed letter (и + U+0306 for й) is composed first; a Latin look-alike typed in a
        # Cyrillic word (бiлiм with a Latin i) is made the Cyrillic letter it stands for, as the
        # Arabic writer does (`cyrillic.lookalikes`). Both are rare: C-level searches first.
        if any(mark in text for mark in COMPOSING):
            text = _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)
        if _HAS_LOOKALIKE(text) is not None:
            text = _LOOKALIKE_IN_WORD.sub(lambda m: m.group().translate(TO_CYRILLIC), text)
        if self._any_wide is not None and self._any_wide(text) is not None:
            text = self._all_caps.sub(lambda m: self._wide[m.group()], text)  # type: ignore[union-attr]
        return text.translate(self._table), None

    def word(self, cyrillic: str) -> str:
        """One word (the reader's lexicon spells its words with this)."""
        return self.convert(cyrillic)[0]
