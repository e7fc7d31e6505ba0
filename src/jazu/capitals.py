"""Capitals of Cyrillic read from Arabic script, which has none (ORTHOGRAPHY.md §9).

A stage of its own after the words are read. It sees a piece as the reader's split leaves it:
separators at even indexes, tokens at odd ones (`pieces`), and works in two steps:
- `before` (on the Arabic tokens): sentence starts, and the words of multi-word names
  (Қазақстан Республикасы) found from their first word;
- `after` (on the Cyrillic readings): capitalises those, and, where the tables have the rows of
  version 3, applies the rules that need the readings: no sentence start for a verb of saying
  after a closing quote (`...?» деді`), the first word of a title in quotes, initials (Д.),
  datelines (АСТАНА. ҚазАқпарат), a split patronymic joined to its name (Ілиясұлы), a given name
  beside a surname, and the first word of a ministry's name (Сыртқы істер министрлігі).
Where a rule is unsure it leaves lower case: a wrong capital costs an editor as much as a missing one.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

import regex

from .wordcache import WordCache

_WORDS = re.compile(r"\S+")
# Characters that close a quotation, and those that open one.
CLOSERS = "»”\"'’"
GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
ADJECTIVAL = ("ғы", "гі", "қы", "кі")
# Endings of words that qualify a noun after them (цифрлық, электронды, ұлттық, бұрынғы).
ATTRIBUTIVE = ADJECTIVAL + ("лық", "лік", "дық", "дік", "тық", "тік", "ды", "ді", "ты", "ті", "лы", "лі", "шы", "ші")
TYPE_ENDING = 7  # letters of suffixes a name-type word may carry (партия-сы-ның)
SENTENCE_WORDS = 6  # a quotation of this many words is a quoted sentence


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


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
        acronyms: Iterable[str] = (),
        orgs: Iterable[str] = (),
        knows: Optional[Callable[[str], bool]] = None,
    ) -> None:
        """`enders`: the characters that end a sentence; `phrases`: multi-word names as Arabic
        words, each with which of its words take a capital; `rules`: the reader table's rows of capitals (version 3 on) by kind, with the
        Cyrillic `suffixes` their words may carry, the lower-case `given` names, a `surname`
        test of a lower-case reading, the Cyrillic consonant `letters` an initial may be, and the
        known `acronyms`, and the state's own bodies (`orgs`), which the lexicon reads with
        their capital; `knows` tells a known word (not a name) by its lower-case reading."""
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
        self._rules = bool(rules)
        if not rules:
            return
        endings = [""] + sorted(set(suffixes))

        def forms(kind: str) -> FrozenSet[str]:
            return frozenset(word + ending for word in rules.get(kind, ()) for ending in endings)

        # Every reading a rule starts from, and the rule: one look-up per token finds them all.
        self._triggers: Dict[str, str] = {}
        for kind in ("org-head", "patronymic"):
            for form in forms(kind):
                self._triggers.setdefault(form, kind)
        self._agencies = {a.lower(): a for a in rules.get("agency", ())}
        for agency in self._agencies:
            self._triggers.setdefault(agency, "agency")
        self._given = frozenset(given)
        for name in self._given:
            self._triggers.setdefault(name, "given")
        for letter in letters or ():
            self._triggers.setdefault(letter, "initial")
        for form in (org.lower() + ending for org in orgs for ending in endings):
            self._triggers.setdefault(form, "org")
        self._acronyms = {a.lower(): a for a in acronyms}
        for low in self._acronyms:
            self._triggers.setdefault(low, "acronym")
        self._continues = forms("quote-continues")
        self._name_types = tuple(rules.get("name-type", ()))
        self._org_stop = frozenset(rules.get("org-stop", ()))
        self._patronymics = tuple(rules.get("patronymic", ()))
        self._surname = surname or (lambda low: False)
        self._knows = knows or (lambda low: True)
        # Readings that are surnames as read (capitalised, with a surname's ending): a pure
        # function of the reading, cached, and looked up in C for every token.
        self._is_surname: WordCache[bool] = WordCache(lambda r: r[:1].isupper() and self._surname(r.lower()))
        openers = "".join(rules.get("name-opener", ()))
        self._opener = re.compile(f"[{re.escape(openers)}]\\Z").search if openers else None
        self._after_quote = regex.compile(rf"([{regex.escape(enders)}])[{regex.escape(CLOSERS)}]+{gap}\Z").search

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

    def after(self, pieces: List[str], capitals: List[int]) -> None:
        """Capitalise the readings in `pieces` (in place): those `before` chose, then the rules."""
        if self._rules:
            capitals = self._rule_capitals(pieces, capitals)
        for i in capitals:  # a token may be listed twice: capitalising is idempotent
            i = -i if i < 0 else i
            token = pieces[i]
            pieces[i] = token[:1].upper() + token[1:]

    # --- the rules of version 3 ---------------------------------------------------------------

    def _rule_capitals(self, pieces: List[str], capitals: List[int]) -> List[int]:
        keep: List[int] = []
        for i in capitals:
            # After a quotation that ends with its own ? or !, the sentence goes on («...?» деді,
            # «...!» әнін); after one with its own full stop, a verb of saying goes on ("..." деп).
            if i > 2 and pieces[i - 1] in (".", ". ") and len(pieces[i - 2]) == 1:
                continue  # after a one-letter abbreviation (т.б., ж.), not a sentence end
            if i > 0:
                end = self._after_quote(pieces[i - 1])
                if end is not None and (end.group(1) != "." or pieces[i].lower() in self._continues):
                    continue
            keep.append(i)
        if self._opener is not None:
            keep.extend(self._quoted_titles(pieces))
        lowered = [p.lower() for p in pieces[1::2]]
        # The word before a surname, where no lexicon reads it, is the given name: Қанат Бозымбаев.
        for k in compress(range(len(lowered)), map(self._is_surname.__getitem__, pieces[1::2])):
            if k > 0 and pieces[2 * k] == " " and self._unknown_word(pieces, lowered, k - 1):
                keep.append(2 * k - 1)
        triggers = self._triggers
        for k in compress(range(len(lowered)), map(triggers.__contains__, lowered)):
            kind = triggers[lowered[k]]
            i = 2 * k + 1
            if kind == "initial":
                # Д.Құдайберген, А. Байтұрсынұлы: a lone consonant, a full stop and a name as
                # read (not т.б., not 1991 ж.).
                before, after = pieces[i - 1], pieces[i + 1] if i + 1 < len(pieces) else ""
                nxt = pieces[i + 2] if i + 2 < len(pieces) else ""
                if (
                    after in (".", ". ") and len(nxt) > 1 and (after == "." or nxt[:1].isupper())
                    and not before.endswith(".") and not before.rstrip()[-1:].isdigit()
                ):
                    pieces[i] = pieces[i].upper()
            elif kind == "acronym":
                # A hyphen before a suffix follows acronyms, not words: АҚШ-тағы, СІМ-нің.
                if i + 1 < len(pieces) and pieces[i + 1] == "-":
                    pieces[i] = self._acronyms[lowered[k]]
            elif kind == "org":
                # A body after an adjective is a kind of body, not the state's own: электронды
                # үкімет, цифрлық үкімет.
                if k > 0 and pieces[i - 1] == " " and lowered[k - 1].endswith(ATTRIBUTIVE):
                    pieces[i] = pieces[i][:1].lower() + pieces[i][1:]
            elif kind == "given":
                if pieces[i][:1].isupper():
                    # A name as read (one that is no common word): the word after it, where no
                    # lexicon reads it, is the surname (Жарылқасын Боранбай).
                    if k + 1 < len(lowered) and pieces[i + 1] == " " and self._unknown_word(pieces, lowered, k + 1):
                        keep.append(i + 2)
                elif self._beside_person(pieces, lowered, k):
                    keep.append(i)
            elif kind == "patronymic":
                self._join_patronymic(pieces, lowered, k, keep)
            elif kind == "agency":
                self._dateline(pieces, k)
            elif kind == "org-head":
                start = self._organisation_start(pieces, lowered, k)
                if start is not None:
                    keep.append(start)
        return keep

    def _quoted_titles(self, pieces: List[str]) -> List[int]:
        """The first word of a quotation that is a name or a quoted sentence: one followed by
        the kind of thing it names («Алаш» партиясы, «Елім менің» әнін), one that holds a
        sentence end or many words, and one of two words or more in ASCII quotes, which mark
        titles more than terms. Other quoted words («руы», «айды аспанға») keep their case."""
        found = []
        opener, n = self._opener, len(pieces)
        for i in range(0, n - 1, 2):
            sep = pieces[i]
            if not opener(sep) or (sep[-1] == '"' and len(sep) > 1 and not sep[-2].isspace() and sep[-2] not in "(["):
                continue  # an ASCII quote after a word closes a quotation
            # The words up to the closing quote, and the word after it.
            words, j = 1, i + 2
            while j < n and not any(ch in CLOSERS for ch in pieces[j]):
                words, j = words + 1, j + 2
            if j >= n:
                continue
            close = pieces[j]
            inside = close[: min(close.find(ch) for ch in CLOSERS if ch in close)] if close else ""
            named = j + 1 < n and close.endswith(" ") and self._names_a_type(pieces[j + 1].lower())
            sentence = any(ch in inside for ch in ".!?") or words >= SENTENCE_WORDS
            if named or sentence or (sep[-1] == '"' and words >= 2):
                found.append(i + 1)
        return found

    def _unknown_word(self, pieces: List[str], lowered: List[str], k: int) -> bool:
        """Token k is read in lower case and no lexicon knows it: a name, beside another name."""
        return pieces[2 * k + 1][:1].islower() and not self._knows(lowered[k])

    def _names_a_type(self, low: str) -> bool:
        """Is `low` a word for a kind of named thing, with a short ending (партиясының)?"""
        return any(low.startswith(t) and len(low) - len(t) <= TYPE_ENDING for t in self._name_types)

    def _beside_person(self, pieces: List[str], lowered: List[str], k: int) -> bool:
        """A given name that is also a common word (Қанат, Жеңіс) is a name before a surname, a
        patronymic or another name (Қанат Бозымбаев), never on its own."""
        if k + 1 >= len(lowered) or pieces[2 * k + 2] != " ":
            return False
        nxt = lowered[k + 1]
        return self._surname(nxt) or nxt.startswith(self._patronymics) or (
            nxt in self._given and pieces[2 * k + 3][:1].isupper()
        )

    def _join_patronymic(self, pieces: List[str], lowered: List[str], k: int, keep: List[int]) -> None:
        """`Ілияс ұлы` -> Ілиясұлы: a patronymic that converters split off is joined to a name
        before it (a capitalised reading, or a given name), never to a common word (қазақтың
        ұлы ақыны)."""
        if k == 0 or pieces[2 * k] != " ":
            return
        name, i = pieces[2 * k - 1], 2 * k - 1
        low = lowered[k - 1]
        if not (name[:1].isupper() or low in self._given) or low.endswith(GENITIVE):
            return
        pieces[i] = _cap(name) + pieces[i + 2]
        pieces[i + 1] = pieces[i + 2] = ""
        lowered[k - 1] = pieces[i].lower()
        # The word before it (Қажытай Ілиясұлы) is the given name.
        if k >= 2 and pieces[i - 1] == " ":
            before = lowered[k - 2]
            if not before.endswith(GENITIVE) and before not in self._org_stop:
                keep.append(i - 2)

    def _dateline(self, pieces: List[str], k: int) -> None:
        """`АСТАНА. ҚазАқпарат`: a line that opens with a place, a full stop and a news agency's
        name is a dateline, the place in capitals and the agency as it writes itself."""
        i = 2 * k + 1
        if k == 0 or pieces[i - 1] != ". ":
            return
        line_start = pieces[i - 3]
        if i - 3 != 0 and not line_start.endswith("\n"):
            return
        if not pieces[i - 2][:1].isupper():  # a place reads with its capital
            return
        pieces[i - 2] = pieces[i - 2].upper()
        pieces[i] = self._agencies[pieces[i].lower()]

    def _organisation_start(self, pieces: List[str], lowered: List[str], k: int) -> Optional[int]:
        """The first word of a ministry's or committee's name before its head word: one word
        (Энергетика министрі), two joined by және (Білім және ғылым министрі), or an adjective
        before істер (Сыртқы істер министрлігі). None where it looks like no name."""
        if k == 0 or pieces[2 * k] != " ":
            return None
        j = k - 1
        if lowered[j] == "істер" and j >= 1 and pieces[2 * j] == " ":
            j -= 1
        elif j >= 2 and pieces[2 * j] == " " and pieces[2 * j - 2] == " " and lowered[j - 1] == "және":
            j -= 2
        word = lowered[j]
        if word in self._org_stop or word.endswith(GENITIVE) or (j == k - 1 and word.endswith(ADJECTIVAL)):
            return None
        return 2 * j + 1
