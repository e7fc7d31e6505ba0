"""The lexicon by Latin spelling: each known word and stem variant, and each suffix, under the
Latin the 2021 table writes it, for the Latin reader. Packed per table version (a directory of
memory-mapped files, `tableset/packed.py`), made from the compiled lexicon on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from jazu.tableset import Compiled
from jazu.tableset.packed import PackedLists, Part, join, save_trie, write_strings
from jazu.tableset.shared import shared


class LatinIndex:
    """`whole`: {Latin spelling: known Cyrillic words and variants, in the lexicon's order};
    `suffixes`: {Latin spelling: Cyrillic suffixes}; `trie`: the spellings of `whole` (None:
    no lexicon)."""

    def __init__(self, whole: Optional[Dict[str, List[str]]] = None, suffixes: Optional[Dict[str, List[str]]] = None, trie: Any = None) -> None:
        # (a packed mapping is empty, so falsy, until its first look-up)
        self.whole: Dict[str, List[str]] = {} if whole is None else whole
        self.suffixes: Dict[str, List[str]] = {} if suffixes is None else suffixes
        self.trie = trie

    @classmethod
    def packed(cls, part: Part) -> "LatinIndex":
        trie = part.trie("spellings")
        return cls(PackedLists(trie, part.strings("words")), part.meta["suffixes"], trie)


def index_lexicon(latin: Compiled, lexicon: Compiled) -> Dict[str, Dict[str, List[str]]]:
    """{"whole": ..., "suffixes": ...} of a compiled lexicon (`arabic.lexicon.lexicon_source`)."""
    from jazu.latin.writer import LatinWriter

    spell = LatinWriter(latin).word
    whole: Dict[str, List[str]] = {}
    suffixes: Dict[str, List[str]] = {}
    for entry in lexicon["entries"]:
        cyr = entry[1].lower()
        found = whole.setdefault(spell(cyr), [])
        if cyr not in found:
            found.append(cyr)
    for listed in lexicon["suffixes"].values():
        for cyr, _ in listed:
            found = suffixes.setdefault(spell(cyr), [])
            if cyr not in found:
                found.append(cyr)
    return {"whole": whole, "suffixes": suffixes}


def user_latin_index(latin: Compiled, lexicon: Compiled) -> LatinIndex:
    """A user's compiled lexicon (`Transliterator(lexicon=...)`) so indexed, in memory (it is
    small): its words, read ahead of the shipped ones."""
    import marisa_trie

    index = index_lexicon(latin, lexicon)
    return LatinIndex(index["whole"], index["suffixes"], marisa_trie.Trie(index["whole"]))


def pack_latin_index(directory: Path, latin: Compiled, lexicon: Compiled) -> Compiled:
    """Write the packed index into `directory`: spellings.marisa and words.strings by its ids."""
    index = index_lexicon(latin, lexicon)
    trie = save_trie(directory / "spellings.marisa", index["whole"])
    write_strings(directory / "words.strings", [join(index["whole"][k]) for k in sorted(index["whole"], key=trie.key_id)])
    return {"suffixes": index["suffixes"]}


def load_latin_index(version: str, latin: Compiled, lexicon: Callable[[], Compiled]) -> LatinIndex:
    """The index of a table version, mapped from the cache; `lexicon()` gives the compiled
    lexicon it is made from, asked for only when the cache has no index."""
    from jazu.tableset.compile import load_packed

    return shared(LatinIndex.packed, load_packed(version, "latin", lambda d: pack_latin_index(d, latin, lexicon())))
