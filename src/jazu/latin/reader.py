"""Latin -> Cyrillic: the lossy direction (и and й are both i, х and һ both h, and the letters the
2021 table leaves open are written with others).

Per line of text:
1. which alphabet it is written in: the 2021 one, 2018's (acute accents) or 2017's (apostrophes),
   the one whose own letters the line holds most; a line with none of them keeps the alphabet
   of the lines before it (the converter's state, so a stream reads as the whole text), else
   2021 (a stream cuts a line only past 64 KiB: each part is then judged on its own);
2. words: runs of Latin letters (with the 2017 apostrophes, inner hyphens, and Cyrillic letters
   typed into them); URLs and e-mail addresses, and words with letters outside the alphabet (c w
   x, other languages' letters), pass through unchanged;
3. each word in lower case (the case rows: I is ı's capital, İ is i's), in 2021 spelling, is read
   once (bounded cache): a known word of the lexicon, else the longest known stem and a known
   suffix, else the longest known stem of MIN_STEM letters and the rest by rule, else the rules
   (`read` and `rule` rows); then it gets the case the source word had.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List, Optional, Sequence, Tuple

import regex

from jazu.cyrillic.morphology import SEAM_OPENERS, seam
from jazu.latin.index import LatinIndex
from jazu.tableset import Compiled
from jazu.text.wordcache import WordCache

ALPHABETS = ("2021", "2018", "2017")
MIN_STEM = 4  # Latin letters a known stem needs before the rest of a word is read by rule
CYRILLIC_VOWELS = frozenset("аәеиоөуұүыіэюяё")
# Latin letters that stand for more than one Cyrillic letter: only the lexicon tells which.
AMBIGUOUS = ("i", "h", "s", "e", "ş", "io")
# The letters of the Latin script's blocks (Basic Latin, Latin-1, Extended-A and -B, Additional)
LATIN_LETTERS = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
COMBINING = "\u0300-\u036f"
URL = r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^\s<>\"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def _alternation(keys: Sequence[str]) -> str:
    return "|".join(regex.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))


class LatinReader:
    initial_state = None  # the alphabet of the text so far; None: none seen yet (read as 2021)
    state_reads_text = True  # `state_after` a part depends on its lines' alphabets (parallel.py)

    def __init__(
        self, latin: Compiled, index: Optional[LatinIndex] = None, case: str = "restore", user: Optional[LatinIndex] = None,
    ) -> None:
        """`index`: the lexicon by Latin spelling (`latin.index.load_latin_index`); without it,
        words are read by rule only. `user`: a user's lexicon so indexed, consulted first."""
        self._lower_only = case == "lower"
        self._upper: Dict[str, str] = latin["upper"]
        self._alphabet = frozenset(self._upper)
        # Our own lower case: Python's "I".lower() is "i", but I is the capital of ı.
        self._lower_2021 = {ord(up): low for low, up in self._upper.items()}
        self._lower_older = dict(self._lower_2021)
        self._lower_older.update({ord("I"): "i", ord("İ"): "i"})  # 2017/2018: I is i's capital
        vowels = frozenset(latin["vowels"])
        reads: Dict[str, str] = latin["reads"]
        self._reads = reads
        self._vowels = vowels
        self._consonants = frozenset(u for u, cyr in reads.items() if len(u) == 1 and cyr not in CYRILLIC_VOWELS)
        self._unit = regex.compile(_alternation(list(reads)))
        self._rules: Dict[str, List[Tuple[str, str, str]]] = {}
        for unit, cyr, before, after in latin["rules"]:
            self._rules.setdefault(unit, []).append((cyr, before, after))
        # Look-alikes (ǧ ŋ, Cyrillic letters in a Latin word), in either case.
        look: Dict[int, str] = {}
        for ch, letter in latin["lookalikes"].items():
            look[ord(ch)] = letter
            if ch.upper() != ch and len(ch.upper()) == 1:
                look[ord(ch.upper())] = self._upper[letter[0]] + letter[1:]
        self._lookalikes = look
        apostrophes = latin["apostrophes"]
        self._apostrophe_marks = {ord(a): "'" for a in apostrophes}
        self._apostrophe_marks_str = apostrophes
        # The Latin letters' blocks, as ranges: the `re` module splits twice as fast as `regex`.
        letters = LATIN_LETTERS + re.escape("".join(latin["lookalikes"]))
        run = rf"[{letters}][{letters}{COMBINING}]*"  # letters, with the marks of decomposed ones
        marks = re.escape(apostrophes)
        # Words: letters with inner hyphens; in 2017 text a letter may carry an apostrophe. One
        # group, so that `split` leaves the words at its odd indexes.
        self._words = {
            "plain": re.compile(rf"({run}(?:-{run})*)"),
            "2017": re.compile(rf"((?:{run}[{marks}]?)+(?:-(?:{run}[{marks}]?)+)*)"),
        }
        # URLs and e-mail addresses are looked for only where their marks stand (a C-level find).
        self._urls = re.compile(f"({URL})")
        # The older alphabets' spellings -> 2021, longest first; and what tells each alphabet.
        self._spellings: Dict[str, Tuple[Any, Dict[str, str]]] = {}
        own_letters = set()
        for name, pairs in latin["alphabets"].items():
            table = dict(pairs)
            self._spellings[name] = (regex.compile(_alternation(list(table))), table)
            own_letters |= {ch for spelling in table for ch in spelling}
        older_marks = sorted(ch for ch in {ch for s, _ in latin["alphabets"].get("2018", ()) for ch in s}
                             if ch not in self._alphabet and not ch.isascii())
        markers = {
            "2021": sorted(ch for ch in self._alphabet if not ch.isascii() and ch not in own_letters),
            "2018": older_marks,
        }
        # Each alphabet's marks, and the characters a text must hold for it to have any: most
        # text has none of an older alphabet's, and `ch in text` finds that at C speed.
        self._gates: Dict[str, str] = {}
        self._markers = {}
        for name, chars in markers.items():
            if chars:
                both = "".join(chars + [self._upper.get(c, c.upper()) for c in chars])
                self._gates[name] = both
                self._markers[name] = re.compile(f"[{re.escape(both)}]")
        apostrophe_letters = sorted({s[0] for s, _ in latin["alphabets"].get("2017", ()) if s.endswith("'")})
        if apostrophe_letters:
            both = "".join(apostrophe_letters) + "".join(apostrophe_letters).upper()
            self._gates["2017"] = apostrophes
            # Inside a word (a letter follows), and no English contraction (n't 's 'll ...).
            self._markers["2017"] = re.compile(rf"[{re.escape(both)}][{marks}](?=[^\W\d_])(?!(?:t|s|re|ve|ll|d|m)\b)")
        self._has_letter = regex.compile(r"\p{Latin}").search
        self._camel = regex.compile(r"\p{Ll}\p{Lu}").search  # a capital inside a word
        # The lexicon, indexed by the Latin spelling of each known word, stem variant and suffix
        # (built once per process and table version, then shared: it is never changed).
        index = index or LatinIndex()
        self._whole, self._suffixes, self._trie = index.whole, index.suffixes, index.trie
        # The known words, a user's first: (their Latin spellings, their trie) of each lexicon.
        self._user = user if user is not None and user.trie is not None else None
        self._indexes = [(i.whole, i.trie) for i in (self._user, index) if i is not None and i.trie is not None]
        self._cache: WordCache[str] = WordCache(self._read)
        # Each token as written, per alphabet: natural text repeats them, so most cost one look-up.
        self._tokens = {name: WordCache(lambda token, name=name: self._word(token, name)) for name in ALPHABETS}

    # --- text level ---------------------------------------------------------------------------

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        """Each line in its alphabet (`state`: the one of the lines before). Most text holds no
        letter of an older alphabet: then it is read in one pass."""
        if not any(self._holds(text, name) for name in self._markers if name != "2021") and state in (None, "2021"):
            return self._in(text, "2021"), "2021" if self._holds(text, "2021") else state
        out = []
        for line in text.splitlines(keepends=True):
            state = self._alphabet_of(line) or state
            out.append(self._in(line, state or "2021"))
        return "".join(out), state

    def state_after(self, text: str, state: Any = None) -> Any:
        """The state `convert` leaves after `text` (the alphabet of its last line that shows
        one), without converting it."""
        line = self.state_text(text)
        return self._alphabet_of(line) if line else state

    def state_text(self, text: str) -> str:
        """A line that leaves the state `text` leaves, after any state: its last line that shows
        an alphabet, or "" (so `--jobs` workers find it for their own parts, parallel.py)."""
        if not any(self._holds(text, name) for name in self._markers):
            return ""
        for line in reversed(text.splitlines()):
            if self._alphabet_of(line):
                return line
        return ""

    def _holds(self, text: str, alphabet: str) -> bool:
        """Does `text` hold a mark of `alphabet`?"""
        return any(ch in text for ch in self._gates[alphabet]) and self._markers[alphabet].search(text) is not None

    def _in(self, text: str, alphabet: str) -> str:
        if "@" in text or "://" in text or "www." in text:
            pieces = self._urls.split(text)  # the URLs at odd indexes pass through
            pieces[0::2] = [self._words_in(piece, alphabet) for piece in pieces[0::2]]
            return "".join(pieces)
        return self._words_in(text, alphabet)

    def _words_in(self, text: str, alphabet: str) -> str:
        parts = self._words["2017" if alphabet == "2017" else "plain"].split(text)
        if alphabet == "2017":
            # A word's last apostrophe is a closing quote where the same mark opened before the
            # word ('Almaty'): it goes back to the text after the word.
            for k in range(1, len(parts), 2):
                word, before = parts[k], parts[k - 1]
                if word[-1:] in self._apostrophe_marks_str and before[-1:] == word[-1:]:
                    parts[k], parts[k + 1] = word[:-1], word[-1] + parts[k + 1]
        parts[1::2] = map(self._tokens[alphabet].__getitem__, parts[1::2])
        return "".join(parts)

    def _alphabet_of(self, line: str) -> Optional[str]:
        """The alphabet whose own letters `line` holds most, or None if it holds none."""
        counts = {name: len(found.findall(line)) if self._holds(line, name) else 0 for name, found in self._markers.items()}
        best = max(counts, key=counts.__getitem__, default=None)
        return best if best is not None and counts[best] else None

    # --- word level ---------------------------------------------------------------------------

    def explain_word(self, token: str) -> Dict[str, Any]:
        """The readings of a Latin word (see `Transliterator.explain`): the lexicon's (a known
        word, or a known stem and suffix) and the rules'. Uncertain where no lexicon knows the
        word and it holds a letter that stands for two (i: и й; h: х һ; s: с ц; e: е э ...), or
        where the lexicon knows it in more than one way."""
        reading = self._word(token, "2021")
        low = self._lower(token.translate(self._lookalikes), "2021")
        if low is None or "-" in low:
            return {"reading": reading, "from": "kept" if low is None else "rule", "alternatives": [],
                    "score": 1.0, "uncertain": False}
        ruled = self._rule(low)
        mine = list(self._user.whole.get(low, ())) if self._user is not None else []
        known = mine + [c for c in self._whole.get(low, ()) if c not in mine]
        stem_read = self._cache[low]  # the reading `_word` made of it, cached
        candidates = [(c, "user lexicon" if c in mine else "lexicon") for c in known]
        user_stem = self._user is not None and self._known_reading(
            low, self._user.whole, self._user.trie.prefixes(low)) is not None
        if stem_read not in known and stem_read != ruled:
            candidates.append((stem_read, "user lexicon" if user_stem else "lexicon"))
        candidates.append((ruled, "rule"))
        seen: Dict[str, str] = {}
        for candidate, origin in candidates:
            seen.setdefault(candidate, origin)
        origin = seen.get(reading.lower(), "rule")
        if origin == "rule" and self._known(low):
            origin = "lexicon"
        ambiguous = any(unit in low for unit in AMBIGUOUS)
        score = (0.6 if len(known) > 1 else 1.0) if origin.endswith("lexicon") else (0.4 if ambiguous else 0.8)
        alternatives = [{"reading": _with_case(token, c), "from": o} for c, o in seen.items() if c != reading.lower()]
        return {"reading": reading, "from": origin, "alternatives": alternatives, "score": score,
                "uncertain": score < 0.6}

    def _word(self, token: str, alphabet: str) -> str:
        if self._has_letter(token) is None:
            return token  # a Cyrillic word (only look-alikes): already in the target script
        shaped = unicodedata.normalize("NFC", token).translate(self._lookalikes)
        low = self._lower(shaped, alphabet)
        if low is None:
            return token  # letters outside the alphabet: no Kazakh word
        if self._camel(shaped) is not None and not self._known(low):
            return token  # iPhone, TikTok, YouTube: a brand's case inside a word no lexicon knows
        reading = self._read_parts(low)
        if alphabet == "2021" and "I" in shaped:
            # A capital I is ı's in this alphabet, but many type it for İ (и): Иран, not Іран,
            # where only that reading is a known word.
            other = self._lower(shaped.replace("I", "İ"), alphabet)
            if other is not None and other != low and not self._known(low) and self._known(other):
                reading = self._read_parts(other)
        if self._lower_only:
            return reading
        return _with_case(shaped, reading)

    def _lower(self, token: str, alphabet: str) -> Optional[str]:
        """The token in lower case and 2021 spelling, or None where it holds a letter outside it."""
        low = token.translate(self._lower_2021 if alphabet == "2021" else self._lower_older).lower()
        if alphabet != "2021":
            if alphabet == "2017":
                low = low.translate(self._apostrophe_marks)
            found, table = self._spellings[alphabet]
            low = found.sub(lambda m: table[m.group()], low)
        alphabet_letters = self._alphabet
        if not all(ch in alphabet_letters or ch == "-" for ch in low):
            return None
        return low

    def _read_parts(self, low: str) -> str:
        """A word, or a hyphenated one known whole (нью-йорк) or read part by part."""
        if "-" not in low:
            return self._cache[low]
        for whole, _ in self._indexes:
            found = whole.get(low)
            if found:
                return self._pick(found, low)
        return "-".join(self._cache[part] if part else part for part in low.split("-"))

    def _known(self, low: str) -> bool:
        return any(
            low in whole or any(low[len(p):] in self._suffixes for p in trie.prefixes(low))
            for whole, trie in self._indexes
        )

    def _read(self, word: str) -> str:
        """A lower-case 2021 Latin word (letters only) in Cyrillic (see the module docstring)."""
        prefixes: List[str] = []
        for whole, trie in self._indexes:  # a user's words first, the shipped lexicon's last
            prefixes = trie.prefixes(word)  # shortest first
            found = self._known_reading(word, whole, prefixes)
            if found is not None:
                return found
        if self._trie is None:
            return self._rule(word)
        for prefix in reversed(prefixes):  # the shipped lexicon's stems, with the rest by rule
            if len(prefix) < MIN_STEM:
                break
            stem = self._pick(self._whole[prefix], prefix)
            rest = self._rule(word, len(prefix))
            joined = seam(stem, rest) if rest[:1] in SEAM_OPENERS else stem + rest
            if joined is not None:
                return joined
        return self._rule(word)

    def _known_reading(self, word: str, whole: Any, prefixes: List[str]) -> Optional[str]:
        """`word` as a lexicon knows it: a known word, else its longest known stem (of its
        `prefixes` in that lexicon's trie, shortest first) with a known suffix (the shipped
        lexicon's suffixes); None where it knows neither."""
        found = whole.get(word)
        if found:
            return self._pick(found, word)
        for prefix in reversed(prefixes):
            suffixes = self._suffixes.get(word[len(prefix):])
            if suffixes and len(prefix) >= 2:
                stem = self._pick(whole[prefix], prefix)
                for suffix in suffixes:
                    joined = seam(stem, suffix) if suffix[0] in SEAM_OPENERS else stem + suffix
                    if joined is not None:
                        return joined
        return None

    def _pick(self, found: List[str], latin: str) -> str:
        """Of the known words spelt alike, the one the rules read (no loan letter to restore),
        else the first listed."""
        if len(found) == 1:
            return found[0]
        ruled = self._rule(latin)
        return ruled if ruled in found else found[0]

    def _rule(self, word: str, start: int = 0) -> str:
        """The rule reading of `word` from `start` (the letters before it are its context)."""
        out = []
        i, n = start, len(word)
        match, reads, rules = self._unit.match, self._reads, self._rules
        while i < n:
            unit = match(word, i).group()  # type: ignore[union-attr]  # every letter is a unit
            end = i + len(unit)
            cyr = reads[unit]
            for ruled, before, after in rules.get(unit, ()):
                if self._fits(before, word, i - 1) and self._fits(after, word, end, after=True):
                    cyr = ruled
                    break
            out.append(cyr)
            i = end
        return "".join(out)

    def _fits(self, context: str, word: str, at: int, after: bool = False) -> bool:
        if context == "*":
            return True
        if context == "^":
            return at < 0
        if context == "$":
            return at >= len(word)
        if at < 0 or at >= len(word):
            return False
        return word[at] in (self._vowels if context == "V" else self._consonants)


def _with_case(source: str, reading: str) -> str:
    """`reading` with the case of `source`: lower, Title, ALL CAPS, or letter by letter where the
    two have as many letters (BŪŪ-nyñ: БҰҰ-ның)."""
    letters = [ch for ch in source if ch.isalpha() or ch == "-"]
    if not any(ch.isupper() for ch in letters):
        return reading
    if all(ch.isupper() or ch == "-" for ch in letters) and sum(ch.isalpha() for ch in letters) > 1:
        return reading.upper()
    if letters[0].isupper() and not any(ch.isupper() for ch in letters[1:]):
        return reading[:1].upper() + reading[1:]
    if len(letters) == len(reading):
        return "".join(r.upper() if s.isupper() else r for s, r in zip(letters, reading))
    return reading[:1].upper() + reading[1:] if letters[0].isupper() else reading
