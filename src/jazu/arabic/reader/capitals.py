"""Capitals of Cyrillic read from Arabic script, which has none (ORTHOGRAPHY.md §9).

A stage of its own after the words are read. It sees a piece as the reader's split leaves it:
separators at even indexes, tokens at odd ones (`pieces`), and works in two steps:
- `before` (on the Arabic tokens): sentence starts, and the words of multi-word names
  (Қазақстан Республикасы) found from their first word;
- `after` (on the Cyrillic readings): capitalises those, and, where the tables have the rows of
  version 3, applies the rules that need the readings: no sentence start after a quotation's
  own ? or ! (`...?» деді`) or a one-letter abbreviation (т.б.), the first word of a title in
  quotes, initials (Д.), datelines (АСТАНА. ҚазАқпарат), a split patronymic joined to its name
  (Ілиясұлы), given names and surnames beside each other, the state's bodies by context
  (Үкімет, Ресей үкіметі), acronyms before a hyphen (АҚШ-тағы), and the first word of a
  ministry's name (Сыртқы істер министрлігі); from version 4's rows, the name before a place's
  kind (Темір ауданы) and around атындағы, Президент before a name, adjectives of origin in lower
  case (перулік), the text after a dateline's dash, and one word alone in quotes («А», «Қазгидромет»).
Where a rule is unsure it leaves lower case: a wrong capital costs an editor as much as a missing one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from typing import Any, Callable, Container, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

import regex

from jazu.arabic.reader.variants import join_spaced_suffix
from jazu.text.quotes import CLOSERS, ascii_quote_opens
from jazu.text.wordcache import WordCache

_WORDS = re.compile(r"\S+")
GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
ADJECTIVAL = ("ғы", "гі", "қы", "кі")
# Endings of words that qualify a noun after them (цифрлық, электронды, ұлттық, бұрынғы).
ATTRIBUTIVE = ADJECTIVAL + ("лық", "лік", "дық", "дік", "тық", "тік", "ды", "ді", "ты", "ті", "лы", "лі", "шы", "ші")
# Endings of a word that qualifies the noun after it, between a quotation and what it names.
QUALIFYING = ("лық", "лік", "дық", "дік", "тық", "тік", "ми", "би", "ки", "ті", "ды", "ді", "ты")
TYPE_ENDING = 7  # letters of suffixes a name-type word may carry (партия-сы-ның)
SENTENCE_WORDS = 6  # a quotation of this many words is a quoted sentence
VOICED = {"қ": "ғ", "к": "г", "п": "б"}  # a stem's final before a vowel: сыйлық -> сыйлығы
UNVOICED = {v: k for k, v in VOICED.items()}
# Participles qualify the noun after them (туған ауылы, өтетін қаласы).
PARTICIPLE = ("ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін")
# The cases after a 3rd person possessive (Kazakh grammar: ауданы-н, -на, -нда, -нан, -ның, -мен).
AFTER_THIRD = frozenset(("н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "мен", "ндағы", "ндегі", "ндай", "ндей"))
PRONOUNS = frozenset(("ол", "бұл", "сол", "осы", "мына", "олар", "біз", "сіз", "сен", "мен", "өз"))
PLURALS = frozenset(("лар", "лер", "дар", "дер", "тар", "тер"))


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _uncap(word: str) -> str:
    return word[:1].lower() + word[1:]


def _closes_ascii(sep: str) -> bool:
    """A separator that ends with an ASCII quote closing a quotation (`сөз",` -> `",`)."""
    return sep[-1] == '"' and not ascii_quote_opens(sep[-2:-1])


def _group(match: Any) -> Optional[str]:
    return None if match is None else match.group(1)


class Forms:
    """Words, bare or with one of some endings: `x in forms` without listing every form (a few
    hundred words times two thousand endings would take a tenth of a second to list at start)."""

    def __init__(self, words: Iterable[str], endings: FrozenSet[str]) -> None:
        self._words = frozenset(words)
        self._endings = endings
        self._lengths = sorted({len(w) for w in self._words})
        # A form begins as one of the words does: one look-up turns most readings away.
        self._reach = min(self._lengths[:1] + [3])
        self._starts = frozenset(w[: self._reach] for w in self._words)

    def __contains__(self, form: object) -> bool:
        if form in self._words:
            return True
        if not isinstance(form, str) or form[: self._reach] not in self._starts:
            return False
        words, endings = self._words, self._endings
        return any(form[:n] in words and form[n:] in endings for n in self._lengths if n < len(form))


def _after_possessive(endings: FrozenSet[str]) -> FrozenSet[str]:
    """The endings that follow a 3rd person possessive (ауданы-ның, ауданы-нда, ауданы-мен):
    after it a case takes an н."""
    return frozenset(e for e in endings if e.startswith(("н", "мен"))) | AFTER_THIRD


@lru_cache(maxsize=16)
def _triggers(rules: Tuple[Tuple[str, Tuple[str, ...], FrozenSet[str]], ...]) -> WordCache[Optional[str]]:
    """The memo of `Triggers` for (kind, words, the endings they may take) rows: one per set of
    rows in a process, shared by every reader of them (finding a reading's rule costs more
    than a fresh reader should pay again)."""
    return WordCache(Triggers(tuple((kind, Forms(words, ends) if ends else frozenset(words)) for kind, words, ends in rules)))


class Triggers:
    """{reading: the rule of capitals it starts}, the first rule listed winning a reading; a
    reading is looked up as read, in lower case or with the capital a name is read with. Worked
    out per distinct reading (`WordCache`), so nothing is listed at start."""

    def __init__(self, rules: Sequence[Tuple[str, Container[str]]]) -> None:
        self._rules = rules

    def __call__(self, reading: str) -> Optional[str]:
        kind = self._kind(reading)
        if kind is None and reading[:1] != reading[:1].lower():
            low = reading[:1].lower() + reading[1:]
            if low[:1].upper() + low[1:] == reading:
                kind = self._kind(low)
        return kind

    def _kind(self, reading: str) -> Optional[str]:
        for kind, readings in self._rules:
            if reading in readings:
                return kind
        return None


class Capitals:
    def __init__(
        self,
        enders: str,
        phrases: Sequence[Tuple[Sequence[str], Sequence[bool]]],
        rules: Optional[Dict[str, List[str]]] = None,
        suffixes: Iterable[str] = (),
        given: Iterable[str] = (),
        surname: Optional[Callable[[str], bool]] = None,
        letters: Optional[FrozenSet[str]] = None,
        vowel_letters: Iterable[str] = (),
        acronyms: Iterable[str] = (),
        orgs: Iterable[str] = (),
        knows: Optional[Callable[..., bool]] = None,
    ) -> None:
        """`enders`: the characters that end a sentence; `phrases`: multi-word names as Arabic
        words, each with which of its words take a capital. Version 3 on: `rules`, the reader
        table's rows of capitals by kind, with the Cyrillic `suffixes` their words may carry;
        the lower-case `given` names; `surname`, a test of a lower-case reading that is a name by
        its ending (Бозымбаев, Қасымбек); the Cyrillic consonant `letters` an initial may be, and
        the `vowel_letters` that are one only before a name;
        the known `acronyms`; the state's own bodies (`orgs`), which the lexicon reads with their
        capital; `knows(low, whole=False)`, which tells a known word (not a name) by its lower-case
        reading: a known stem with a known suffix, or with `whole`, a known word as it stands."""
        gap = r"[^\p{L}\p{M}\p{N}]*"
        # A token starts a sentence when the separator before it ends with a sentence end and
        # only non-letters (tokens hold no sentence ends and begin with a letter). Separators
        # repeat (" ", ". ", "\n"), so each is judged once (bounded cache) and looked up in C.
        ends_sentence = regex.compile(rf"[{regex.escape(enders)}]{gap}\Z").search
        self._ends_sentence: WordCache[bool] = WordCache(lambda sep: ends_sentence(sep) is not None)
        self._leading_gap = regex.compile(rf"{gap}\Z").match
        heads: Dict[str, List[str]] = {}
        # Which words of a phrase take a capital, by its words (all of them in version 2's lists)
        self._phrase_cases: Dict[Tuple[str, ...], Sequence[bool]] = {}
        for words, cases in sorted(phrases, key=lambda pc: len(pc[0]), reverse=True):
            heads.setdefault(words[0], []).append("".join(" +" + re.escape(w) for w in words[1:]))
            self._phrase_cases[tuple(words)] = cases
        # Keyed by their first word, as written: looked at only when that word is met.
        self._phrases = {head: re.compile("|".join(rests)) for head, rests in heads.items()}
        self._phrase_reach = max((len(words) - 1 for words, _ in phrases), default=0)  # words after the head
        self.rules = bool(rules)  # version 3's rows, which the rules below need
        self.given_names = frozenset(given)  # for `explain`: a word that may be a name
        if not rules:
            return
        endings = frozenset(suffixes)
        agencies = rules.get("agency", ())
        self._agencies = {a.lower(): a for a in agencies if not a.isascii()}
        # Agencies in Latin letters stand in a separator, not a token: `АСТАНА. KAZINFORM`.
        self._latin_agencies = tuple(a for a in agencies if a.isascii())
        self._given = frozenset(given)
        self._acronyms = {a.lower(): a for a in acronyms}
        # A vowel letter is an initial only before a name read with its capital (А. Байтұрсынұлы).
        self._vowel_initials = frozenset(vowel_letters)
        # Every reading a rule starts from, and the rule: one look-up per token (a dict hit in C
        # once a reading has been met) finds them all.
        none: FrozenSet[str] = frozenset()
        self._triggers = _triggers((
            ("number-suffix", tuple(rules.get("number-suffix", ())), none),
            ("named-after", tuple(rules.get("named-after", ())), none),
            ("place-type", tuple(rules.get("place-type", ())), _after_possessive(endings)),
            ("org-head", tuple(rules.get("org-head", ())), endings),
            ("patronymic", tuple(rules.get("patronymic", ())), endings),
            ("agency", tuple(self._agencies), none), ("given", tuple(sorted(self._given)), none),
            ("initial", tuple(sorted(set(letters or ()) | self._vowel_initials)), none),
            ("org", tuple(o.lower() for o in orgs), endings), ("acronym", tuple(self._acronyms), none),
        ))
        # Version 4 on: a title before a name keeps its capital (Президент Қасым-Жомарт Тоқаев);
        # a name with an ending of origin is an adjective (перулік, алматылықтар); a dateline's
        # dash opens the text; quotations that hold a letter («А» тобы) or an unknown word.
        self._head_titles = frozenset(rules.get("head-title", ()))
        self._origins = tuple(rules.get("origin-suffix", ()))
        self._endings = endings | {""}
        self._dateline_dashes = frozenset(" " + d + " " for d in rules.get("dateline-dash", ()))
        quote_names = rules.get("quote-name", ())
        self._quoted_letters = "letter" in quote_names
        self._quoted_unknown = "unknown-word" in quote_names
        self._continues = Forms(rules.get("quote-continues", ()), endings)
        self._bodies = tuple(o.lower() for o in orgs)
        # The state's own name: its bodies after it are its own (Қазақстан Президенті).
        self._home = tuple(rules.get("home-state", ())) or ("\0",)
        # With the voicing of a final қ к п before a vowel (сыйлық -> сыйлығы, кітап -> кітабы).
        types = rules.get("name-type", ())
        self._name_types = frozenset(types) | {t[:-1] + VOICED[t[-1]] for t in types if t[-1] in VOICED}
        self._name_type_lengths = sorted({len(t) for t in self._name_types})
        self._org_stop = frozenset(rules.get("org-stop", ()))
        self._patronymics = tuple(rules.get("patronymic", ()))
        self._surname = surname or (lambda low: False)
        self._knows = knows or (lambda low, whole=False: True)
        openers = "".join(rules.get("name-opener", ()))
        opener = re.compile(f"[{re.escape(openers)}]\\Z").search if openers else None
        # Separators repeat: whether one opens a quotation, closes one (holds a closing quote)
        # and ends a quoted sentence is judged once each, and looked up in C.
        self._closer = closers = re.compile(f"[{re.escape(CLOSERS)}]").search
        self._opens = opener is not None
        self._quote_code: WordCache[int] = WordCache(
            lambda sep: (opener is not None and opener(sep) is not None and not _closes_ascii(sep))
            + 2 * (closers(sep) is not None) + 4 * ("\n" in sep)
        )
        # A quotation's own sentence end, on the same line (a line end starts a sentence anyway).
        own_ends = regex.escape(enders.replace("\n", ""))
        after_quote = regex.compile(rf"([{own_ends}])[{regex.escape(CLOSERS)}]+[^\p{{L}}\p{{M}}\p{{N}}\n]*\Z").search
        self._after_quote: WordCache[Optional[str]] = WordCache(lambda sep: _group(after_quote(sep)))

    def before(self, pieces: List[str], tokens: List[str], state: Any) -> List[int]:
        """The indexes in `pieces` of the tokens that start a sentence, and of the words of
        multi-word names where they stand together."""
        # Token k follows separator k: the C-level map and compress pick the sentence starts.
        capitals = list(compress(range(1, len(pieces), 2), map(self._ends_sentence.__getitem__, pieces[0::2])))
        if state and tokens and self._leading_gap(pieces[0]):
            capitals.append(1)  # the first token, when the piece begins a sentence
        phrases = self._phrases
        for k in compress(range(len(tokens)), map(phrases.__contains__, tokens)):
            # The rest of a name is matched in the pieces that follow the head (its pattern has
            # no look-around, so they are all it can see), then its words are found among them.
            following = pieces[2 * k + 2 : 2 * k + 2 + 2 * self._phrase_reach]
            rest = phrases[tokens[k]].match("".join(following))
            if rest is not None:
                found = list(_WORDS.finditer(rest.group()))
                cases = self._phrase_cases[(tokens[k],) + tuple(w.group() for w in found)]
                if cases[0]:
                    capitals.append(-(2 * k + 1))  # negative: a name, never undone by a rule
                words = {w.start(): case for w, case in zip(found, cases[1:])}
                position = 0
                for j, piece in enumerate(following):
                    if j & 1 and words.get(position):
                        capitals.append(-(2 * k + 2 + j))
                    position += len(piece)
        return capitals

    def after(self, pieces: List[str], capitals: List[int], text: str = "", line_start: bool = True) -> None:
        """Capitalise the readings in `pieces` (in place): those `before` chose, then the rules
        (`text`: the piece as split, where a Latin agency's name is looked for; `line_start`:
        whether the piece begins a line, for datelines)."""
        if self.rules:
            capitals = self._rule_capitals(pieces, capitals, line_start)
            for agency in self._latin_agencies:
                if agency in text:
                    self._latin_datelines(pieces, agency, line_start)
        for i in capitals:  # a token may be listed twice: capitalising is idempotent
            i = -i if i < 0 else i
            pieces[i] = _cap(pieces[i])

    # --- the rules of version 3 ---------------------------------------------------------------

    def _rule_capitals(self, pieces: List[str], capitals: List[int], line_start: bool) -> List[int]:
        # Sentence starts that a rule may undo are few: after a one-letter token, or after a
        # quotation that ends with its own sentence end (a cached look-up of the separator).
        quoted = self._after_quote
        keep = [
            i for i in capitals
            if i < 1 or (quoted[pieces[i - 1]] is None and (i < 3 or len(pieces[i - 2]) != 1))
            or self._starts_sentence(pieces, i)
        ]
        if self._opens:
            keep.extend(self._quoted_titles(pieces))
        tokens = pieces[1::2]
        # The word before a surname, where no lexicon reads it, is the given name: Қанат
        # Бозымбаев. Names as read are the few readings in title case (found in C).
        for k in compress(count(), map(str.istitle, tokens)):
            if self._origins and self._of_origin(tokens[k].lower()):
                pieces[2 * k + 1] = _uncap(tokens[k])  # a sentence start still capitalises it
                continue
            if (
                k > 0 and pieces[2 * k] == " " and tokens[k - 1][:1].islower()
                and self._surname(tokens[k].lower()) and self._unknown_word(pieces, k - 1)
            ):
                keep.append(2 * k - 1)
        triggers = self._triggers
        for k in compress(count(), map(triggers.__getitem__, tokens)):
            i = 2 * k + 1
            kind = triggers.get(pieces[i])  # an earlier rule may have joined this token away
            if kind == "initial":
                # Д.Құдайберген, А. Байтұрсынұлы: a lone consonant, a full stop and a name as
                # read (not т.б., not 1991 ж.).
                before, after = pieces[i - 1], pieces[i + 1] if i + 1 < len(pieces) else ""
                nxt = pieces[i + 2] if i + 2 < len(pieces) else ""
                vowel = pieces[i].lower() in self._vowel_initials
                if (
                    after in (".", ". ") and len(nxt) > 1 and (after == "." and not vowel or nxt[:1].isupper())
                    and not before.endswith(".") and not before.rstrip()[-1:].isdigit()
                ):
                    pieces[i] = pieces[i].upper()
                    keep.append(i + 2)  # the name after it
            elif kind == "number-suffix":
                # `5 ءتى` 5-ті (variants.NumberSuffixes, done here, in the one look-up a token,
                # when the capitals stage runs).
                join_spaced_suffix(pieces, i)
            elif kind == "acronym":
                # A hyphen before a suffix follows acronyms, not words: АҚШ-тағы, СІМ-нің.
                if i + 1 < len(pieces) and pieces[i + 1] == "-":
                    pieces[i] = self._acronyms[pieces[i].lower()]
            elif kind == "org":
                # A body after an adjective is a kind of body (электронды үкімет), after a name or
                # a genitive another state's (Ресей үкіметі, АҚШ президенті, елдің парламенті):
                # only the state's own takes the capital.
                # The plural is never the one body (президенттер).
                if self._plural_body(pieces[i].lower()):
                    pieces[i] = _uncap(pieces[i])
                elif self._head_titles and pieces[i].lower() in self._head_titles and self._name_follows(pieces, i):
                    pass  # the head of state's title before the name: Президент Қасым-Жомарт Тоқаев
                elif k > 0 and pieces[i - 1] == " ":
                    before = pieces[i - 2]
                    low = before.lower()
                    if low in self._acronyms:  # ақш президенті: АҚШ, another state
                        pieces[i - 2] = self._acronyms[low]
                    if (
                        (pieces[i - 2][:1].isupper() and not low.startswith(self._home))
                        or low.endswith(ATTRIBUTIVE) or low.endswith(GENITIVE)
                    ):
                        pieces[i] = _uncap(pieces[i])
            elif kind == "given":
                if pieces[i][:1].isupper():
                    # A name as read (one that is no common word): the word after it, where no
                    # lexicon reads it, is the surname (Жарылқасын Боранбай).
                    if i + 2 < len(pieces) and pieces[i + 1] == " " and self._unknown_word(pieces, k + 1):
                        keep.append(i + 2)
                elif self._beside_person(pieces, k):
                    keep.append(i)
            elif kind == "patronymic":
                self._join_patronymic(pieces, k, keep)
            elif kind == "agency":
                self._dateline(pieces, k, line_start, keep)
            elif kind == "org-head":
                start = self._organisation_start(pieces, k)
                if start is not None:
                    keep.append(start)
            elif kind == "place-type":
                # Темір ауданы, Назар руы: the place's or clan's name before its kind.
                if k > 0 and pieces[i - 1] == " " and self._bare_noun(pieces[i - 2]):
                    keep.append(i - 2)
            elif kind == "named-after":
                # Абай атындағы Мәдениет сарайы: a person's name, then an institution's; not
                # after a pronoun or a determiner (ол атындағы, оның атындағы).
                if k > 0 and pieces[i - 1] == " " and self._bare_noun(pieces[i - 2]) and pieces[i - 2].lower() not in PRONOUNS:
                    keep.append(i - 2)
                    if i + 2 < len(pieces) and pieces[i + 1] == " " and pieces[i + 2][:1].isalpha():
                        keep.append(i + 2)
        return keep

    def _starts_sentence(self, pieces: List[str], i: int) -> bool:
        """Is token i, after a sentence end, the start of a sentence? Not after a one-letter
        abbreviation (т.б. ол, 1991 ж. қаңтар; but С. Рзабаев); not after a quotation that ends
        with its own ? or ! (the sentence goes on: «...?» деді, «...!» әнін), nor for a verb of
        saying after one that ends with its own full stop ("..." деп)."""
        sep = pieces[i - 1]
        if i > 2 and len(pieces[i - 2]) == 1 and (
            sep == "." or (sep == ". " and (
                pieces[i - 3].rstrip()[-1:].isdigit() or (i > 4 and pieces[i - 3] == "." and len(pieces[i - 4]) == 1)
            ))
        ):
            return False
        end = self._after_quote[sep]
        return end is None or (end == "." and pieces[i].lower() not in self._continues)

    def _quoted_titles(self, pieces: List[str]) -> List[int]:
        """The first word of a quotation that is a name or a quoted sentence: one followed by
        the kind of thing it names («Алаш» партиясы, «Елім менің» әнін), one that holds a
        sentence end or many words, and one of two words or more in ASCII quotes, which mark
        titles more than terms. Other quoted words («руы», «айды аспанға») keep their case."""
        seps = pieces[0::2]
        # One look-up a separator (cached): 1 opens a quotation, 2 closes one, 4 ends a line
        # (a quotation is read within its line: a stream may be cut at a line end).
        codes = list(map(self._quote_code.__getitem__, seps))
        marks = list(compress(count(), codes))
        opens = [k for k in marks if codes[k] & 1]
        if not opens:
            return []
        closes = [k for k in marks if codes[k] & 6]
        found = []
        n = len(pieces)
        closer = self._closer
        for o in opens:
            at = bisect_right(closes, o)
            if at == len(closes) or o + 1 >= len(seps):
                continue
            c = closes[at]
            if not codes[c] & 2:
                continue  # the line ends before the quotation closes
            inside = seps[c][: closer(seps[c]).start()]  # type: ignore[union-attr]
            if "\n" in inside:
                continue
            words, close, i, j = c - o, seps[c], 2 * o, 2 * c
            if words >= SENTENCE_WORDS or (words >= 2 and seps[o][-1] == '"'):
                found.append(i + 1)
                continue
            if words == 1 and not inside:
                token = pieces[i + 1]
                if len(token) == 1 and self._quoted_letters:
                    pieces[i + 1] = token.upper()  # a letter as a label: «А» тобы
                    continue
                if self._quoted_unknown and token[:1].islower() and not self._known_voiced(token):
                    found.append(i + 1)  # «Қазгидромет»: a name no lexicon knows
                    continue
            # A sentence end inside, or the kind of thing named right after the quotation or
            # after one qualifying word («Алаш» әдеби сыйлығы, «Адырна» ұлттық порталы).
            if ("." in inside or "!" in inside or "?" in inside) or (
                j + 1 < n and close[-1] == " " and (
                    self._names_a_type(pieces[j + 1].lower())
                    or (
                        j + 3 < n and pieces[j + 2] == " " and pieces[j + 1].lower().endswith(QUALIFYING)
                        and self._names_a_type(pieces[j + 3].lower())
                    )
                )
            ):
                found.append(i + 1)
        return found

    def _known_voiced(self, low: str) -> bool:
        """Is a lower-case reading a known word, also where its stem's final қ к п is voiced
        before a vowel (ерлігін: ерлік + і + н)?"""
        if self._knows(low):
            return True
        return any(
            self._knows(low[:j] + UNVOICED[ch] + low[j + 1:])
            for j, ch in enumerate(low) if j >= 2 and ch in UNVOICED
        )

    def _of_origin(self, low: str) -> bool:
        """A name with an ending of origin and any suffix, no known name as it stands (перулік,
        алматылықтар; not Арқалық, Еңлік)."""
        for origin in self._origins:
            at = low.rfind(origin)
            if at >= 3 and low[at + len(origin):] in self._endings:
                return not self._knows(low[: at + len(origin)], True)
        return False

    def _name_follows(self, pieces: List[str], i: int) -> bool:
        """Is token i followed, after a space, by a name as read (in title case)?"""
        return i + 2 < len(pieces) and pieces[i + 1] == " " and pieces[i + 2][:1].isupper() and pieces[i + 2][1:2].islower()

    def _bare_noun(self, token: str) -> bool:
        """Could this reading be a name standing bare before its kind (Темір ауданы)? Not a
        pronoun or determiner (`org-stop`), an adjective, a participle or a genitive."""
        low = token.lower()
        return (
            len(low) > 1 and low.isalpha() and low not in self._org_stop
            and not low.endswith(ATTRIBUTIVE) and not low.endswith(GENITIVE) and not low.endswith(PARTICIPLE)
        )

    def _plural_body(self, low: str) -> bool:
        return any(low.startswith(body) and low[len(body):len(body) + 3] in PLURALS for body in self._bodies)

    def _unknown_word(self, pieces: List[str], k: int) -> bool:
        """Token k is read in lower case and no lexicon knows it: a name, beside another name."""
        token = pieces[2 * k + 1]
        return token[:1].islower() and not self._knows(token)

    def _names_a_type(self, low: str) -> bool:
        """Is `low` a word for a kind of named thing, with a short ending (партиясының)?"""
        types, n = self._name_types, len(low)
        return any(low[:k] in types and n - k <= TYPE_ENDING for k in self._name_type_lengths)

    def _beside_person(self, pieces: List[str], k: int) -> bool:
        """A given name that is also a common word (Қанат, Жеңіс) is a name before a surname, a
        patronymic or another name (Қанат Бозымбаев), never on its own."""
        i = 2 * k + 1
        if i + 2 >= len(pieces) or pieces[i + 1] != " ":
            return False
        nxt = pieces[i + 2].lower()
        return self._surname(nxt) or nxt.startswith(self._patronymics) or (
            nxt in self._given and pieces[i + 2][:1].isupper()
        )

    def _join_patronymic(self, pieces: List[str], k: int, keep: List[int]) -> None:
        """`Ілияс ұлы` -> Ілиясұлы: a patronymic that converters split off is joined to a name
        before it (a capitalised reading, or a given name), never to a common word (қазақтың
        ұлы ақыны)."""
        i = 2 * k - 1
        if k == 0 or pieces[i + 1] != " " or not pieces[i]:
            return
        name = pieces[i]
        low = name.lower()
        if not (name[:1].isupper() or low in self._given) or low.endswith(GENITIVE):
            return
        pieces[i] = _cap(name) + pieces[i + 2]
        pieces[i + 1] = pieces[i + 2] = ""
        # The word before it (Қажытай Ілиясұлы) is the given name, where it is one of the
        # gazetteer or no whole known word (not: 24-қаңтар Ілиясұлы; but Қажы-тай is no word).
        if k >= 2 and pieces[i - 1] == " ":
            before = pieces[i - 2].lower()
            common = before.endswith(GENITIVE) or before in self._org_stop or self._knows(before, True)
            if before in self._given or not common:
                keep.append(i - 2)

    def _dateline(self, pieces: List[str], k: int, line_start: bool, keep: List[int]) -> None:
        """`АСТАНА. ҚазАқпарат`: a line that opens with a place, a full stop and a news agency's
        name is a dateline, the place in capitals and the agency as it writes itself."""
        i = 2 * k + 1
        if k == 0 or pieces[i - 1] != ". ":
            return
        if not (pieces[i - 3].endswith("\n") or (i - 3 == 0 and line_start and not pieces[0].strip(" "))):
            return
        if not pieces[i - 2][:1].isupper():  # a place reads with its capital
            return
        pieces[i - 2] = pieces[i - 2].upper()
        pieces[i] = self._agencies[pieces[i].lower()]
        if i + 2 < len(pieces) and pieces[i + 1] in self._dateline_dashes:
            keep.append(i + 2)  # АСТАНА. ҚазАқпарат - Тарихтың ...: the text begins

    def _latin_datelines(self, pieces: List[str], agency: str, line_start: bool) -> None:
        """`АСТАНА. KAZINFORM`: a place that opens a line, then a full stop and the agency."""
        for m in range(2, len(pieces), 2):
            sep = pieces[m]
            line = pieces[m - 2].endswith("\n") or (m == 2 and line_start and not pieces[0].strip(" "))
            if sep.startswith(". " + agency) and line:
                if pieces[m - 1][:1].isupper():
                    pieces[m - 1] = pieces[m - 1].upper()

    def _organisation_start(self, pieces: List[str], k: int) -> Optional[int]:
        """The first word of a ministry's or committee's name before its head word: one word
        (Энергетика министрі), two joined by және (Білім және ғылым министрі), or an adjective
        before істер (Сыртқы істер министрлігі). None where it looks like no name."""
        if k == 0 or pieces[2 * k] != " ":
            return None

        def low(j: int) -> str:
            return pieces[2 * j + 1].lower()

        j = k - 1
        if low(j) == "істер" and j >= 1 and pieces[2 * j] == " ":
            j -= 1
        elif j >= 2 and pieces[2 * j] == " " and pieces[2 * j - 2] == " " and low(j - 1) == "және":
            j -= 2
        word = low(j)
        if not word or word in self._org_stop or word.endswith(GENITIVE) or (j == k - 1 and word.endswith(ADJECTIVAL)):
            return None
        return 2 * j + 1
