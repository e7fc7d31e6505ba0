"""Cyrillic -> Latin (the 2021 alphabet): one `str.translate` pass over the text.

Every Cyrillic letter of the table maps to its Latin letters (ь ъ to none); a capital maps to the
capital of its first Latin letter (Я -> Ia, И -> İ, І -> I: the case rows, never Python's, whose
"i".upper() is "I"). Only a capital written with two Latin letters inside an all-caps word
(ЮНЕСКО -> IUNESKO) needs more, and a C-level search finds whether the text has any.
Everything else (Latin, digits, other scripts, spacing) is not in the table, so it passes through.
"""

from __future__ import annotations

from typing import Any, Dict, Tuple

import regex

from jazu.tableset import Compiled


class LatinWriter:
    initial_state = None

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

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        if self._any_wide is not None and self._any_wide(text) is not None:
            text = self._all_caps.sub(lambda m: self._wide[m.group()], text)  # type: ignore[union-attr]
        return text.translate(self._table), None

    def word(self, cyrillic: str) -> str:
        """One word (the reader's lexicon spells its words with this)."""
        return self.convert(cyrillic)[0]
