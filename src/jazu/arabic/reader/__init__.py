"""The reader: Kazakh Arabic script -> Cyrillic (ORTHOGRAPHY.md §4), in stages:

- text level (here): normalise (`arabic/normalize.py`), read the seed's hyphen spacing back,
  Arabic punctuation into ASCII, then one split into separators and tokens (Arabic words, spaced
  single-letter abbreviations); each token is a cache look-up; everything else passes through;
- word level, per distinct word (bounded cache): the lexicon and the ranking of unknown words
  (`lexical.py`), the rules (`rules.py`), names and loans by their endings (`names.py`), other
  outlets' conventions (`variants.py`);
- capitals (`capitals.py`): sentence starts, multi-word names and the rules of capitals, on the
  readings of a whole piece (unless case="lower");
- and, asked for it, why a word reads as it does (`explain.py`).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

import regex

from jazu.arabic.lexicon import Lexicon, LexiconPart
from jazu.arabic.ngram import NgramModel
from jazu.arabic.reader.capitals import Capitals
from jazu.arabic.reader.explain import Explaining
from jazu.arabic.reader.lexical import LexiconReading
from jazu.arabic.reader.names import NameRules
from jazu.arabic.reader.rules import RuleReading
from jazu.arabic.reader.variants import HamzaConventions, HyphenatedNames, NumberSuffixes
from jazu.arabic.writer import writers
from jazu.tableset import Compiled
from jazu.text.wordcache import WordCache

SENTENCE = "sentence"  # the state of a piece that begins a sentence inside a line (see `convert`)


class Reader(LexiconReading, RuleReading, Explaining):
    """State between chunks: whether the next word starts a sentence."""

    initial_state = True
    state_reads_text = False  # the state after a part ending with a line end is known (parallel.py)

    def __init__(
        self, compiled: Compiled, lexicon: Optional[LexiconPart] = None, case: str = "restore",
        user: Optional[Compiled] = None,
    ) -> None:
        """`lexicon`: the lexicon part (`arabic.lexicon.load_lexicon`), if the version has one.
        `case`: "restore" (sentence starts, names, abbreviations) or "lower" (all lower case).
        `user`: a compiled user lexicon, consulted first."""
        self._restore = case == "restore"
        c = compiled["reader"]
        self._init_rules(compiled)
        self._lexicon: Optional[Lexicon] = lexicon.lexicon if lexicon else None
        self._user: Optional[Lexicon] = Lexicon(user, suffixes_from=self._lexicon) if user else None
        self._lexicons = [lex for lex in (self._user, self._lexicon) if lex is not None]
        # Candidate readings must be spelt exactly as the input by our writer, in the house style
        # or another style of the `style` rows (ц as س, -аев as اەۆ, Xinjiang): see `_spells`.
        self._writers = writers(compiled) if self._lexicons else []  # the house style's first
        # Other outlets' hamza placement (`convention` rows, version 3 on): recognised after the
        # house style's, for words the lexicon knows.
        self._conventions = HamzaConventions(compiled["writer"]["classes"], c.get("conventions", ()))
        names = lexicon.names if lexicon else {}
        spell = compiled["writer"]["letters"]
        case_rows: Dict[str, List[str]] = c.get("case", {})
        self._names = NameRules(
            case_rows, c.get("loan_initials", {}),
            list(compiled["writer"]["abbr"]) + names["acronyms"] if names else [], spell,
            (s for lex in self._lexicons for s in lex.cyrillic_suffixes),
        )
        self._acronym_spellings = self._names.acronyms.keys()  # a C-level test before the call
        self._number_suffixes = NumberSuffixes(case_rows.get("number-suffix", ()))
        self._back_readings = frozenset(back for back, front in self._vowels.values()) - frozenset(
            front for _, front in self._vowels.values()
        )
        self._hyphenated = HyphenatedNames(
            frozenset().union(*(lex.hyphen_heads for lex in self._lexicons)), self._reads_with_hyphen
        )
        self._ngram: Optional[NgramModel] = lexicon.ngram if lexicon else None  # shared: its memo warms up once
        letter = f"[{compiled['scripts']['arabic_letter']}]"
        joiners = f"[{re.escape(self._norm.strip_chars)}]"
        word = f"{letter}+(?:{joiners}+{letter}+)*"  # joiners only between letters
        single = "[" + re.escape("".join(self._letters) + "".join(self._vowels)) + "]"
        punct: Dict[str, str] = c["punct"]
        # One character each way, no letters (the compiler checks): replaced before the scan,
        # by str.replace (str.translate is 20x slower on non-ASCII text).
        self._punct = list(punct.items())
        # The writer's known abbreviations, by their spaced Arabic letters: read back as written.
        # Those of vowels only (ЕО) are left out: `ە و` is as likely two one-letter words.
        self._abbr: Dict[Tuple[str, ...], str] = {}
        for abbr in list(compiled["writer"]["abbr"]) + sorted(set(self._names.acronyms.values())):
            key = tuple(spell[ch.lower()] for ch in abbr)
            if not self._vowel_letters.issuperset(key):
                self._abbr[key] = abbr
        self._longest_abbr = max((len(k) for k in self._abbr), default=0)
        # The hot scan splits the text into separators and tokens in turn: a token is a word, or
        # a run of spaced single letters (an abbreviation, or one-letter words) tried first.
        # The standard library's `re` on explicit ranges is twice as fast as `regex` here
        # (benchmarks/throughput.py). `\w` stands for "letter or digit".
        self._split = re.compile(rf"((?<!\w){single}(?: {single})+(?!\w)|{word})").split
        # A word starts a sentence when only non-letters stand between it and a sentence end
        # (or the start of a piece that begins a sentence).
        enders = ".!?…\n" + "".join(a for a, ascii in punct.items() if ascii in ".!?")
        self._last_mark = regex.compile(rf"(?r)[\p{{L}}\p{{M}}\p{{N}}]|(?P<end>[{regex.escape(enders)}])")
        letter_hyphen, digit_hyphen = c["hyphen"]["letter"], c["hyphen"]["digit"]
        self._hyphen_spellings = (letter_hyphen, digit_hyphen)
        spaced = ""
        if "digit-spaced" in c["hyphen"]:  # `24 - قاڭتار` 24-қаңтар (version 3 on)
            self._hyphen_spellings += (c["hyphen"]["digit-spaced"],)
            spaced = rf"|(?<=\p{{N}}){regex.escape(c['hyphen']['digit-spaced'])}(?={letter})"
        self._hyphens = regex.compile(
            rf"(?<=[\p{{L}}\p{{M}}]){regex.escape(letter_hyphen)}(?={letter})"
            rf"|(?<=\p{{N}}){regex.escape(digit_hyphen)}(?={letter}){spaced}"
        )
        read = self._word if self._restore else lambda w: self._word(w).lower()
        # Tokens are cached as they read when they start no sentence; only words hold no space.
        self._cache = WordCache(lambda token: self._abbreviation(token, False) if " " in token else read(token))
        # Multi-word names (Қазақстан Республикасы): their words are capitalised where they stand
        # together, the last one with any suffix.
        phrases = [pc for lex in self._lexicons for pc in zip(lex.phrases, lex.phrase_cases)] if self._restore else []
        consonants = frozenset(
            cyr for a, cyr in self._letters.items() if a not in self._vowel_letters and len(cyr) == 1
        )
        self._capitals = Capitals(
            enders, phrases, case_rows, (s for lex in self._lexicons for s in lex.cyrillic_suffixes),
            names.get("given", ()), self._names.person, consonants,
            frozenset(r for pair in self._vowels.values() for r in pair) | {"е"}, set(self._names.acronyms.values()),
            names.get("orgs", ()), self._knows,
        )

    # --- text level ---------------------------------------------------------------------------

    def convert(self, text: str, state: Any = True) -> Tuple[str, Any]:
        """Convert one piece; `state` says whether it begins a line (True: a text begins one),
        a sentence on the same line (SENTENCE, also true) or neither (False), and the state for
        the next piece is returned with the text."""
        text = self._norm.text(text)
        if "-" in text:
            text = self._join_hyphens(text)
        for arabic, ascii in self._punct:
            if arabic in text:
                text = text.replace(arabic, ascii)
        # The hot path: one C-level split, and a cache look-up per token done by map() in C.
        pieces = self._split(text)  # separator, token, separator, ..., separator
        if self._hyphenated.active and "-" in text:
            self._hyphenated.join(pieces)
        tokens = pieces[1::2]
        # Version 3's rules also join words (a split patronymic, a spaced suffix): they run in
        # lower case too, which then lowers what they capitalised.
        capitals = self._capitals.before(pieces, tokens, state) if self._restore or self._capitals.rules else None
        pieces[1::2] = map(self._cache.__getitem__, tokens)
        if self._number_suffixes.active and capitals is None:  # else the capitals stage joins them
            self._number_suffixes.join(pieces)
        if capitals is not None:
            self._capitals.after(pieces, capitals, text, line_start=state is True)
            if not self._restore:
                pieces[1::2] = map(str.lower, pieces[1::2])
        last = self._last_mark.search(text)
        if last is None:
            return "".join(pieces), state
        # The next piece begins a line (True), a sentence on the same line, or neither.
        end = last.group("end")
        return "".join(pieces), True if end == "\n" else (SENTENCE if end else False)

    def state_after(self, text: str, state: Any) -> Any:
        """The state `convert` leaves after `text`, where `text` ends with a line end (a worker
        of `--jobs` starts its part of a file there): a line begins."""
        return True if text.endswith("\n") else self.convert(text, state)[1]

    def _reads_with_hyphen(self, joined: str) -> bool:
        """Does the lexicon read `joined` (two tokens and a hyphen) as one word with a hyphen?"""
        word = self._norm.word(joined)
        front = self._hamza in word
        word = word.replace(self._hamza, "")
        for lexicon in self._lexicons:
            known, _ = self._from_lexicon(word, front, lexicon)
            if known is not None:
                return "-" in known
        return False

    def _knows(self, low: str, whole: bool = False) -> bool:
        """Does a lexicon read this lower-case Cyrillic word (a known word, not a name)? With
        `whole`, only as a known word as it stands, no suffix split off."""
        return any(lex.knows(low, whole) for lex in self._lexicons)

    def _join_hyphens(self, text: str) -> str:
        """`self._hyphens.sub("-", text)`, in a quarter of the time: the pattern can only match
        where one of its spellings starts, so it is tried there alone (str.find is far faster
        than a scan of the `regex` engine, and hyphens are few)."""
        found = set()
        for spelling in self._hyphen_spellings:
            i = text.find(spelling)
            while i >= 0:
                found.add(i)
                i = text.find(spelling, i + 1)
        pieces: List[str] = []
        last = 0
        match = self._hyphens.match
        for i in sorted(found):
            if i >= last:
                m = match(text, i)  # its lookbehind sees the text before i
                if m is not None:
                    pieces += (text[last:i], "-")
                    last = m.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)

    def _abbreviation(self, spaced: str, sentence_start: bool) -> str:
        """A run of spaced single letters: the writer's known abbreviations first, longest first
        (`ق ر ى ى م` -> ҚР ІІМ); other stretches with a consonant are read letter by
        letter and joined (`ب ۇ ۇ` -> БҰҰ); stretches of vowels only are ordinary one-letter
        words (а, е, о), read apart, the first capitalised at a sentence start."""
        letters = spaced.split(" ")
        parts: List[str] = []
        stretch: List[str] = []

        def flush() -> None:
            if not stretch:
                return
            if all(ch in self._vowel_letters for ch in stretch):
                parts.extend(self._cache[ch] for ch in stretch)
            else:
                joined = "".join(self._read_letter(ch) for ch in stretch)
                parts.append(joined.upper() if self._restore else joined)
            stretch.clear()

        i = 0
        while i < len(letters):
            for n in range(min(self._longest_abbr, len(letters) - i), 1, -1):
                known = self._abbr.get(tuple(letters[i : i + n]))
                if known is not None:
                    flush()
                    parts.append(known if self._restore else known.lower())
                    i += n
                    break
            else:
                stretch.append(letters[i])
                i += 1
        flush()
        words = " ".join(parts)
        return words[:1].upper() + words[1:] if sentence_start and self._restore else words

    # --- word level ---------------------------------------------------------------------------















