"""The reader: Kazakh Arabic script -> Cyrillic (ORTHOGRAPHY.md §4).

Per text: normalise, read the seed's hyphen spacing back, Arabic punctuation into ASCII, then
one split into separators and tokens (Arabic words, spaced single-letter abbreviations); each
token is a cache look-up; everything else passes through. Tokens that start a sentence and the
words of multi-word names get their capitals (unless case="lower").

Per distinct word (bounded cache):
- with a lexicon (tables version 2 on): the longest known stem + a known suffix whose reading our
  writer spells back exactly as the input (hamza included) -- see `_from_lexicon`;
- by rule: context rules for ي يا يۋ يو يە تس شش, then the harmony of each ambiguous vowel
  (ا و ۇ ى) from local evidence:
    1. a vowel standing next to ق ع is back, next to ك گ front;
    2. otherwise it takes the harmony of the nearest decided vowel on its left (the hamza counts
       as a front vowel before the word), else on its right, else that of the word's markers.
  Local evidence, not one flag per word, is what reads бірақ, ағаштарымен and бұлшықет right;
- an unknown word's rule reading competes with stem guesses and one-harmony readings, ranked by
  a character n-gram model (`_rank`).
"""

from __future__ import annotations

import re
from operator import getitem, itemgetter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import regex

from .capitals import Capitals
from .compiler import Compiled
from .cyrl2arab import Writer, clean, writers
from .lexicon import Lexicon, harmony
from .morphology import SEAM_OPENERS, seam as _seam
from .ngram import NgramModel
from .names import NameRules
from .normalize import Normalizer
from .variants import HamzaConventions, HyphenatedNames, NumberSuffixes
from .shared import shared
from .wordcache import WordCache

BACK, FRONT = 0, 1
SENTENCE = "sentence"  # the state of a piece that begins a sentence inside a line (see `convert`)
MIN_STEM = 4  # Arabic letters a known stem needs before the rest of a word is read by rule
LONGEST_WORD = 64  # letters: anything longer is read by rule alone (no word is that long)
NGRAM_MARGIN = 0.15  # how much more Kazakh-like (log-probability per letter) a guess must look
REST_MEMO = 50_000  # rule readings of word rests kept (`Reader._read_rest`): bounded memory


def _left_harmony(cyrillic: str, rule: Any = harmony) -> Optional[int]:
    h = rule(cyrillic)
    return None if h < 0 else h


def _best_spelled(scored: List[Tuple[str, int]]) -> List[str]:
    """The readings spelled in the best-ranked style (house style before the others)."""
    top = max((score for _, score in scored), default=0)
    return [c for c, score in scored if top and score == top]


def _prefer(readings: List[str]) -> str:
    """Among readings that all spell the word: a common word before a name, then the first."""
    if len(readings) == 1:
        return readings[0]
    return min(readings, key=lambda c: (c[:1].isupper(), readings.index(c)))


def _same_spelling(written: str, target: str, hamza: str) -> bool:
    """Equal up to where the hamza stands (the input may carry it anywhere in the word)."""
    if written == target:
        return True
    return (hamza in written) == target.startswith(hamza) and written.replace(hamza, "") == target.replace(hamza, "")


class Reader:
    """State between chunks: whether the next word starts a sentence."""

    initial_state = True

    def __init__(
        self, compiled: Compiled, lexicon: Optional[Compiled] = None, case: str = "restore",
        user: Optional[Compiled] = None,
    ) -> None:
        """`lexicon`: the compiled lexicon part (`compiler.load_lexicon`), if the version has one.
        `case`: "restore" (sentence starts, names, abbreviations) or "lower" (all lower case).
        `user`: a compiled user lexicon, consulted first."""
        self._restore = case == "restore"
        c = compiled["reader"]
        self._norm = Normalizer(compiled)
        self._vowels: Dict[str, List[str]] = c["vowels"]
        self._letters: Dict[str, str] = c["letters"]
        self._markers: Dict[str, int] = c["markers"]
        self._evidence: Dict[str, int] = c["evidence"]
        self._hamza: str = c["hamza"]
        # ى writes ы/і, the one vowel Russian loans never put beside к г (so it follows them)
        self._close_vowel = next((a for a, (back, _) in self._vowels.items() if back == "ы"), "")
        self._vowel_letters = frozenset(self._vowels) | frozenset(
            a for a, cyr in self._letters.items() if cyr in ("е", "у")
        )
        # Context rules by their first letter, each with the unit it reads as (see `_units`);
        # a context of * (any) is None, so that the common case costs no call.
        self._rules: Dict[str, List[Tuple[str, Tuple[str, str, Optional[int]], Optional[str], Optional[str]]]] = {}
        for key, cyr, before, after, evidence in c["rules"]:
            self._rules.setdefault(key[0], []).append(
                (key, (cyr, "x", evidence), None if before == "*" else before, None if after == "*" else after)
            )
        self._invariant = [(a, cyr) for a, cyr in c["invariant"]]
        # The back and front reading of a unit, by its text (`_readings_of`).
        self._pairs: WordCache[Sequence[str]] = WordCache(lambda text: (text, text))
        self._pairs.update((v, tuple(pair)) for v, pair in self._vowels.items())
        # The unit of each letter read on its own: (text, kind, harmony evidence), see `_units`.
        self._plain: Dict[str, Tuple[str, str, Optional[int]]] = {v: (v, "v", None) for v in self._vowels}
        for a, cyr in self._letters.items():
            self._plain[a] = (cyr, "m", self._markers[a]) if a in self._markers else (cyr, "x", self._evidence.get(a))
        # Letters of another script typed in a word (a Latin i for і, `lookalike` rows): read as
        # their row says, and as evidence of its harmony.
        self._placeholders = self._norm.placeholders
        for ph, (arabic, harm) in self._placeholders.items():
            h = FRONT if harm == "front" else BACK
            cyr = self._vowels[arabic][h] if arabic in self._vowels else self._letters.get(arabic, arabic)
            self._plain[ph] = (cyr, "x", h)
            self._vowel_letters |= {ph} if arabic in self._vowel_letters else set()
        self._lookalike_readings = {ph: self._plain[ph][0] for ph in self._placeholders}
        self._has_placeholder = re.compile(f"[{''.join(self._placeholders)}]").search if self._placeholders else None
        self._lexicon: Optional[Lexicon] = Lexicon.shared(lexicon["lexicon"]) if lexicon else None
        self._user: Optional[Lexicon] = Lexicon(user, suffixes_from=self._lexicon) if user else None
        self._lexicons = [lex for lex in (self._user, self._lexicon) if lex is not None]
        # Candidate readings must be spelt exactly as the input by our writer, in the house style
        # or another style of the `style` rows (ц as س, -аев as اەۆ, Xinjiang): see `_spells`.
        self._writers = writers(compiled) if self._lexicons else []  # the house style's first
        # Other outlets' hamza placement (`convention` rows, version 3 on): recognised after the
        # house style's, for words the lexicon knows.
        self._conventions = HamzaConventions(compiled["writer"]["classes"], c.get("conventions", ()))
        names = (lexicon["lexicon"].get("names") if lexicon else None) or {}
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
        self._rests: Dict[Tuple[str, Optional[int]], Tuple[str, str]] = {}
        self._ngram = shared(NgramModel, lexicon["ngram"]) if lexicon else None  # its memo warms up once
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

    def _read_letter(self, ch: str) -> str:
        if ch in self._vowels:
            return self._vowels[ch][BACK]
        return self._letters.get(ch, ch)

    # --- word level ---------------------------------------------------------------------------

    def _word(self, raw: str) -> str:
        word = self._norm.word(raw)
        front = self._hamza in word
        if front:
            word = word.replace(self._hamza, "")
        if not word:
            return raw  # only hamzas or marks: nothing to read, so nothing is dropped
        if not self._lexicons or len(word) > LONGEST_WORD:
            return self._by_rule(word, front)
        if self._has_placeholder is not None and self._has_placeholder(word) is not None:
            return self._with_lookalikes(word, front)
        if word in self._acronym_spellings:
            acronym = self._names.acronym(word, front, self._is_whole_word)
            if acronym is not None:
                return acronym
        guesses: List[str] = []
        others = self._conventions.active  # other outlets' hamza, after the house one
        for lexicon in self._lexicons:  # the user's first
            known, found = self._from_lexicon(word, front, lexicon, others)
            if known is not None:
                return known
            guesses = guesses or found
        units = self._units(word)
        by_rule = self._by_rule(word, front, units)
        if self._ngram is None:
            return by_rule
        reading = self._rank(by_rule, guesses, word, front, units)
        return self._names.unknown_word(reading, guesses) if self._names.active else reading

    def _is_whole_word(self, word: str, front: bool) -> bool:
        """Does the lexicon hold a whole word (no stem variant) spelt `word` with this hamza?"""
        needs_hamza = self._writers[0].needs_hamza
        return any(
            needs_hamza(stem.lower()) == front for lex in self._lexicons for stem in lex.whole_words.get(word, ())
        )

    def _with_lookalikes(self, word: str, front: bool) -> str:
        """A word with letters of another script typed in it (`بiزدiڭ`): the converter that
        left them did not count them for the hamza, so a known word is looked up with the hamza
        either way, and must read each such letter as its row says; else the rule reading, in
        which they are evidence of their harmony."""
        plain = word
        wanted: Dict[str, int] = {}
        for ph, (arabic, _) in self._placeholders.items():
            if ph in plain:
                plain = plain.replace(ph, arabic)
                reading = self._lookalike_readings[ph]
                wanted[reading] = wanted.get(reading, 0) + word.count(ph)
        for hamza in (front, not front):
            for lexicon in self._lexicons:
                known, _ = self._from_lexicon(plain, hamza, lexicon, others=True)
                if known is not None and all(known.lower().count(r) >= n for r, n in wanted.items()):
                    return known
        return self._by_rule(word, front)

    def _by_rule(self, word: str, front: bool, units: Optional[List[Tuple[str, str, Optional[int]]]] = None) -> str:
        """The rule reading; `units`, if given, are `_units(word)` already worked out."""
        for suffix, reading in self._invariant:
            # -мен/-пен/-бен keep their е on back stems: read the stem on its own.
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                return self.read(word[: -len(suffix)], FRONT if front else None) + reading
        if units is None:
            units = self._units(word)
        return self._spell_units(units, FRONT if front else None)

    def _from_lexicon(
        self, word: str, front: bool, lexicon: Lexicon, others: bool = False
    ) -> Tuple[Optional[str], List[str]]:
        """Read a word as a known stem + the rest, keeping only readings that our writer spells
        back as the word (in the house spelling or a variant one). Returns the reading with a
        known suffix after the longest such stem, if any; else guesses: the longest stem (of
        MIN_STEM letters at least) with the rest read by rule in the stem's harmony. With
        `others`, a reading whose hamza only another outlet writes counts where no stem gives
        one with the house hamza."""
        longest = None  # for guesses, read only if no known suffix fits
        fallback: Optional[str] = None  # the longest stem's reading with another outlet's hamza
        suffix_spellings, house_writer = lexicon.suffix_spellings, self._writers[0]
        for prefix, variants, otherwise in lexicon.stems(word):
            length = len(prefix)
            rest = word[length:]
            if longest is None and length >= MIN_STEM and rest:
                longest = (prefix, variants, otherwise)
            if rest and rest not in suffix_spellings:  # no known suffix is spelt so
                continue
            known: List[str] = []
            house: List[str] = []  # those the house style spells as the input
            for variant in variants:
                stem_letters = otherwise.get(variant, prefix)
                if not rest:
                    known.append(variant)
                    if self._house_spells(variant, stem_letters == word, False, word, front):
                        house.append(variant)
                    continue
                for suffix, suffix_letters in lexicon.suffixes(rest, variant):
                    candidate = variant + suffix
                    if lexicon.seams and suffix[0] in SEAM_OPENERS:
                        candidate = _seam(variant, suffix)
                        if candidate is None:
                            continue
                    known.append(candidate)
                    joins = house_writer.joins(variant, suffix)
                    # Most often both parts are spelt as their look-up keys: no concatenation
                    parts = (stem_letters is prefix and suffix_letters == rest) or stem_letters + suffix_letters == word
                    if self._house_spells(candidate, parts, joins, word, front):
                        house.append(candidate)
            if house:  # the house style ranks first (`_spells`): no other style need be asked
                return _prefer(house), []
            if known:
                scored = [(c, self._spells(c, word, front, others=others)) for c in known]
                good = _best_spelled(scored)
                if good:
                    if not others or max(score for _, score in scored) > len(self._writers):
                        return _prefer(good), []
                    # Only another outlet's hamza fits: a shorter stem that the house hamza
                    # fits still wins (ажуам is not әжуам without a hamza), so keep looking.
                    fallback = fallback or _prefer(good)
        if fallback is not None:
            return fallback, []
        if longest is None:
            return None, []
        prefix, variants, otherwise = longest
        ruled: List[str] = []
        house = []
        for variant in variants:
            reading, letters = self._read_rest(word, _left_harmony(variant, lexicon.harmony), len(prefix))
            candidate = variant + reading
            if lexicon.seams and reading[:1] in SEAM_OPENERS:
                candidate = _seam(variant, reading)
                if candidate is None:
                    continue
            ruled.append(candidate)
            parts = otherwise.get(variant, prefix) + letters == word
            if self._house_spells(candidate, parts, house_writer.joins(variant, reading), word, front):
                house.append(candidate)
        return None, house or _best_spelled([(c, self._spells(c, word, front)) for c in ruled])

    def _rank(
        self, by_rule: str, guesses: List[str], word: str, front: bool, units: List[Tuple[str, str, Optional[int]]]
    ) -> str:
        """An unknown word: the rule reading, unless a stem guess or a one-harmony reading that
        also spells the word back is clearly more Kazakh-like to the n-gram model."""
        # A guess equal to the rule reading could only win as itself: leave it out (most
        # guesses are), and often nothing is left to score.
        others = [guess for guess in guesses if guess != by_rule]
        # Every ambiguous vowel in one harmony, but ы/і beside қ ғ к г as those demand: no
        # Kazakh or Russian word has кы or қі.
        fixed: List[Tuple[int, int]] = []
        if self._close_vowel in word:
            n = len(units)
            for i, (text, kind, _) in enumerate(units):
                if kind == "v" and text == self._close_vowel:
                    if i > 0 and units[i - 1][1] == "m":  # the marker before it first
                        fixed.append((i, units[i - 1][2]))  # type: ignore[arg-type]
                    elif i + 1 < n and units[i + 1][1] == "m":
                        fixed.append((i, units[i + 1][2]))  # type: ignore[arg-type]
        readings = self._readings_of(units)
        for one in (BACK, FRONT):
            choice = [one] * len(units)
            for i, h in fixed:
                choice[i] = h
            uniform = "".join(map(getitem, readings, choice))
            if uniform != by_rule and uniform not in others and self._spells(uniform, word, front):
                others.append(uniform)
        # A loan's letter that opens the word (е for э: ەنەرگەتيكا) competes too (version 3 on).
        # Native words keep one harmony, so only a reading with a back vowel is a loan's.
        loan = self._names.loan_initials.get(by_rule[:1])
        if loan is not None:  # every reading of the word opens with the same letter
            for reading in [by_rule] + others:
                if self._back_readings.intersection(reading):
                    others.append(loan + reading[1:])
        if not others:
            return by_rule
        score = self._ngram.score  # type: ignore[union-attr]
        scores = [score(other) for other in others]
        top = max(scores)
        best = others[scores.index(top)]  # the first of equals, as max() would pick
        return best if top > score(by_rule) + NGRAM_MARGIN else by_rule

    def _house_spells(self, candidate: str, parts: bool, joins: bool, word: str, front: bool) -> bool:
        """Does the house style spell `candidate` (a known stem + a known suffix) as `word`?
        Answered without writing the candidate when the writer spells the two parts apart as
        it would together (no `joins`, no all-caps abbreviation): then `parts` (the parts'
        house spellings make up the input's letters) and the hamza decide."""
        if joins or (len(candidate) > 1 and candidate.isupper()):
            return self._spells(candidate, word, front, self._writers[:1]) > 0
        return parts and self._writers[0].needs_hamza(candidate.lower()) == front

    def _spells(
        self, cyrillic: str, word: str, front: bool, writers: Optional[List[Writer]] = None, others: bool = False
    ) -> int:
        """0 if `cyrillic` is not spelled `word` (hamza-less; with a hamza when `front`) in any
        style (of `writers`, all by default), else the rank of the first style that spells it
        so: with the house hamza from 2n (the house style) down to n + 1 (the last of n styles);
        with `others`, also with another outlet's hamza only, from n down to 1."""
        writers = writers or self._writers
        n = len(self._writers)
        cyrillic = clean(cyrillic)
        # Every style tells abbreviations and puts the hamza alike (before its own rewrites).
        if self._writers[0].is_abbreviation(cyrillic):
            target = (self._hamza if front else "") + word
            for rank, writer in enumerate(writers):
                if _same_spelling(writer.word(cyrillic), target, self._hamza):
                    return n - rank + n
            return 0
        # The input may carry its hamza anywhere (`_same_spelling`); the writers' letters never
        # hold one, so the hamza and the letters are compared apart, the cheap one first.
        low = cyrillic.lower()
        if self._writers[0].needs_hamza(low) != front:
            # Another outlet's hamza (`others`, version 3 on) ranks below every house hamza.
            if not (others and self._conventions.fits(low, front)):
                return 0
            n = 0
        for rank, writer in enumerate(writers):
            if writer.letters(low) == word:
                return n - rank + len(self._writers)
        return 0

    def _read_rest(self, word: str, left: Optional[int], start: int) -> Tuple[str, str]:
        """`read(word, left, start)` for start >= 1, and the house style's letters for that
        reading, memoised: the reading sees one letter before `start` (a rule's context), so it
        is the reading of word[start - 1:] from 1 on, and the rests of words repeat (suffixes)."""
        key = (word[start - 1 :], left)
        found = self._rests.get(key)
        if found is None:
            if len(self._rests) >= REST_MEMO:
                self._rests.clear()
            reading = self.read(key[0], left, 1)
            found = self._rests[key] = (reading, self._writers[0].letters(reading.lower()))
        return found

    def read(self, word: str, left: Optional[int] = None, start: int = 0) -> str:
        """Read a normalised Arabic word without hamza by rule, from index `start` on (the letters
        before it are context only); `left` is the harmony that stands before the part read
        (FRONT for a hamza word, a stem's harmony for a suffix)."""
        return self._spell_units(self._units(word, start), left)

    def _spell_units(self, units: List[Tuple[str, str, Optional[int]]], left: Optional[int]) -> str:
        return "".join(map(getitem, self._readings_of(units), self._harmony(units, left)))

    def _readings_of(self, units: List[Tuple[str, str, Optional[int]]]) -> List[Sequence[str]]:
        """Each unit's (back, front) reading: a vowel's two, anything else's text twice (texts
        of other units are never an ambiguous vowel's letter). Looked up in C."""
        return list(map(self._pairs.__getitem__, map(itemgetter(0), units)))

    def _units(self, word: str, start: int = 0) -> List[Tuple[str, str, Optional[int]]]:
        """Split word[start:] into (text, kind, harmony evidence): kind v = ambiguous vowel
        letter, m = marker consonant, x = anything else already read."""
        units: List[Tuple[str, str, Optional[int]]] = []
        append, rules_of, plain, fits = units.append, self._rules.get, self._plain.get, self._fits
        n = len(word)
        i = start
        while i < n:
            ch = word[i]
            rules = rules_of(ch)
            if rules is not None:
                for key, unit, before, after in rules:
                    end = i + len(key)
                    if (
                        word.startswith(key, i)
                        and (before is None or fits(before, word, i - 1))
                        and (after is None or fits(after, word, end))
                    ):
                        append(unit)
                        i = end
                        break
                else:
                    append(plain(ch) or (ch, "x", None))
                    i += 1
            else:
                append(plain(ch) or (ch, "x", None))
                i += 1
        return units

    def _fits(self, context: str, word: str, j: int) -> bool:
        """Does the letter at index j, just before or just after a rule's key, fit `context`?
        ^ (before) and $ (after) ask that j is outside the word."""
        if context == "*":
            return True
        outside = j < 0 or j >= len(word)
        if context in ("^", "$"):
            return outside
        if outside:
            return False
        ch = word[j]
        if context == "V":
            return ch in self._vowel_letters
        if context == "C":
            return ch not in self._vowel_letters
        return ch in context

    @staticmethod
    def _harmony(units: List[Tuple[str, str, Optional[int]]], left: Optional[int]) -> List[int]:
        n = len(units)
        result = [BACK] * n
        pending: List[int] = []
        for i, (_, kind, evidence) in enumerate(units):
            if kind == "v":
                # Rule 1: a marker consonant beside the vowel decides it; the one before it (the
                # vowel's own syllable onset) wins a tie.
                if i > 0 and units[i - 1][1] == "m":
                    value: Optional[int] = units[i - 1][2]
                elif i + 1 < n and units[i + 1][1] == "m":
                    value = units[i + 1][2]
                else:
                    # Rule 2: the nearest decided vowel on the left (the hamza stands before the
                    # word), else the one on the right (when it comes, below).
                    if left is None:
                        pending.append(i)
                    else:
                        result[i] = left
                    continue
            elif kind == "x" and evidence is not None:
                value = evidence  # ە, and readings such as я
            else:
                continue
            for j in pending:
                result[j] = value
            pending = []
            left = result[i] = value
        # A word with no vowel evidence at all follows its marker consonants that stand apart
        # from vowels (инклюзивті), else it is back.
        if pending:
            markers = [evidence for _, kind, evidence in units if kind == "m"]
            fallback = markers[0] if markers else BACK
            for j in pending:
                result[j] = fallback
        return result
