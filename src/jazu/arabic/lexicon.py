"""The lexicon: Arabic spellings of known Kazakh stems and suffixes -> their Cyrillic.

Built at compile time from the lexicon tables (tables/<version>/lexicon-*.tsv, suffixes.tsv):
every stem and each of its variants before suffixes (кітап, кітаб) is spelled by our own writer,
hamza left out, and indexed in a marisa-trie so that all known stems that begin a word are found
in one call. A word is then read as the longest known stem whose rest is a known suffix, in every
combination of the Cyrillic readings of the two parts; the reader keeps only candidates that our
writer spells back exactly as the input (hamza included), which settles most homographs.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Container, Dict, Iterable, Iterator, List, Optional, Tuple

from jazu.tableset import Compiled
from jazu.tableset.load import Row, Table, TableSet, resolve_version
from jazu.tableset.packed import Part, PackedLists, join, save_trie, split, write_strings
from jazu.tableset.shared import shared
from jazu.text.wordcache import WordCache

if TYPE_CHECKING:
    from jazu.arabic.writer import Writer

BACK, FRONT = set("аоұыяё"), set("әөүіеэ")
VOWEL_LETTERS = set("аәеёиоөұүыіэюяу")
INVARIANT_ENDINGS = ("мен", "пен", "бен")


def harmony(word: str) -> int:
    """1 front, 0 back, -1 none: the harmony suffixes after `word` follow. The е of a surname's
    -ев does not count (Тоқаевтың, Әлиевтің)."""
    low = word.lower()
    if low.endswith("ев") and len(low) > 3:
        low = low[:-2]
    for ch in reversed(low):
        if ch in BACK:
            return 0
        if ch in FRONT:
            return 1
    return -1


def loan_harmony(word: str) -> int:
    """`harmony`, with the rule of loans that Kazakh spelling adds (version 3 on): a word that
    ends in к or г, or has ь after its last vowel, takes front suffixes whatever its vowels
    (Нью-Йоркке, банктің, фестивальге, фильмі)."""
    low = word.lower()
    if low[-1:] in ("к", "г"):
        return 1
    if "ь" in low[-4:]:
        tail = low[low.rindex("ь"):]
        if not VOWEL_LETTERS.intersection(tail):
            return 1
    return harmony(word)


def suffix_harmony(suffix: str) -> int:
    for ending in INVARIANT_ENDINGS:
        if suffix.endswith(ending):
            return harmony(suffix[: -len(ending)])
    return harmony(suffix)


def compile_lexicon(tables: Tuple[Table, ...], writers: List["Writer"]) -> Compiled:
    """Entries [arabic, cyrillic variant, cyrillic stem] and the suffix map {arabic: [[suffix,
    house letters]]}, from the tables. `writers` are the house style's and the other styles'
    (`arabic.writer.writers`): each word is indexed under every distinct spelling they give it.
    Where the house style spells a variant otherwise than `arabic` (up to the hamza), the entry
    carries that spelling as a fourth item: so the reader can tell, without writing a candidate,
    whether the house style spells a stem + suffix as the input (see `Lexicon.stems`)."""
    spellers = [writer.word for writer in writers]
    house = writers[0].letters
    entries: List[List[str]] = []
    suffixes: Dict[str, List[List[str]]] = {}
    phrases: List[List[str]] = []
    cases: List[List[bool]] = []
    # Our curated spelling of a word (a name's capital, a loan's э or ь) overrides the others,
    # and so do its suffixed forms that other lists carry as words (hunspell-kk has
    # қазақстанның beside Қазақстан): the curated stem + the suffix reads them.
    curated = {row.values[0].lower() for t in tables if t.name == "lexicon-curated" for row in t.rows}
    # The gazetteer (version 3 on): the state's own bodies (Үкімет) are always written with a
    # capital, so they override the common word like a curated spelling; a given name or place
    # joins the lexicon only where it is no common word (қанат stays қанат; the reader's
    # capitals stage tells the name Қанат by its neighbours).
    names = [t for t in tables if t.name == "names"]
    bodies = {row.values[0].lower() for t in names for row in t.of("org")}
    curated |= bodies
    # Common words are the lower-case stems of the lists that write names with a capital
    # (g2p-kz writes every word in lower case, names too: құдайберген).
    common = {
        row.values[0] for t in tables if t.name in ("lexicon-hunspell", "lexicon-curated")
        for row in t.of("word") if row.values[0].islower()
    }
    named = {
        row.values[0].lower() for t in names for row in t.of("given", "place")
        if row.values[0].lower() not in common and row.values[1:] != ("common",)
    }
    curated |= named  # a name that is no common word wins over a lower-case spelling of it
    given = sorted({row.values[0].lower() for t in names for row in t.of("given")})
    acronyms = sorted({row.values[0] for t in names for row in t.of("acronym")})
    known_suffixes = {row.values[0] for t in tables if t.name in ("suffixes", "endings") for row in t.rows}

    def overridden(word: str) -> bool:
        low = word.lower()
        return low in curated or any(
            low[:i] in curated and low[i:] in known_suffixes for i in range(2, len(low))
        )

    for table in tables:
        for row in table.rows:
            if table.name != "lexicon-curated" and row.kind == "word" and overridden(row.values[0]):
                continue
            if table.name != "names" and row.kind == "word" and row.values[0] in bodies:
                continue  # the state's bodies are written with their capital, even in our lists
            if table.name == "names":
                if row.kind == "acronym" or (row.kind in ("given", "place") and row.values[0].lower() not in named):
                    continue
                if row.kind != "phrase":
                    row = Row("word", row.values[:1], row.line)
            for value in row.values:
                if not _cyrillic_word(value, spaces=row.kind == "phrase"):
                    raise table.fail(row, f"{value!r} is not a Cyrillic word")
            if row.kind == "phrase":
                words = row.values[0].split(" ")
                phrases.append([spellers[0](w) for w in words])
                # Which words take a capital: all of them in the lists of version 2, each as
                # written in the gazetteer (Тәуелсіздік күні).
                cases.append([w[:1].isupper() for w in words])
                continue
            if row.kind == "suffix":
                suffix = row.values[0]
                letters = house(suffix)
                for arabic in sorted({_bare(spell(suffix)) for spell in spellers}):
                    found = suffixes.setdefault(arabic, [])
                    if [suffix, letters] not in found:  # hunspell's and our own endings overlap
                        found.append([suffix, letters])
                continue
            stem = row.values[0]
            variants = (stem,) + row.values[1:]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWEL_LETTERS:
                # Kazakh orthography drops one of a loan's final doubled consonants before a
                # suffix: класс -> класы, прогресс -> прогрестің.
                variants += (stem[:-1],)
            for variant in variants:
                letters = house(variant.lower())
                for arabic in sorted({_bare(spell(variant)) for spell in spellers}):
                    entries.append([arabic, variant, stem] if arabic == letters else [arabic, variant, stem, letters])
    compiled: Compiled = {"entries": entries, "suffixes": suffixes, "phrases": phrases}
    if names:
        orgs = sorted({row.values[0] for t in names for row in t.of("org")})
        compiled["names"] = {"given": given, "acronyms": acronyms, "orgs": orgs}
        compiled["phrase_cases"] = cases
        compiled["loan_harmony"] = True
    return compiled


def _cyrillic_word(value: str, spaces: bool) -> bool:
    """Cyrillic letters, with hyphens inside (and single spaces in a phrase)."""
    parts = value.split(" ") if spaces else [value]
    return all(
        part and all(ch == "-" or (ch.isalpha() and unicodedata.name(ch, "").startswith("CYRILLIC")) for ch in part)
        and not part.startswith("-") and not part.endswith("-")
        for part in parts
    )


def _bare(arabic: str) -> str:
    return arabic.replace("ء", "")


def _index(entries: List[List[str]]) -> Tuple[Dict[str, List[str]], Dict[str, Dict[str, str]], Dict[str, List[str]]]:
    """The compiled entries by Arabic spelling: {arabic: Cyrillic variants}, {arabic: {variant:
    house letters}} for the few variants the house style spells otherwise (most are indexed
    under their house spelling), and {arabic: whole stems} (not a variant before suffixes, as
    кітаб of кітап)."""
    readings: Dict[str, List[str]] = {}
    otherwise: Dict[str, Dict[str, str]] = {}
    whole: Dict[str, List[str]] = {}
    for arabic, variant, stem, *house in entries:
        if variant == stem:
            whole.setdefault(arabic, []).append(stem)
        found = readings.setdefault(arabic, [])
        if variant not in found:
            found.append(variant)
        if house:
            otherwise.setdefault(arabic, {})[variant] = house[0]
    return readings, otherwise, whole


class Lexicon:
    """Look-ups over the compiled lexicon; immutable after construction, so thread-safe. Built in
    memory from compiled entries (a user's lexicon), or over a packed part (`Lexicon.packed`)."""

    def __init__(self, compiled: Compiled, suffixes_from: "Lexicon | None" = None) -> None:
        """`suffixes_from`: a lexicon whose suffixes this one uses (a user's word list has none)."""
        import marisa_trie

        readings, otherwise, whole = _index(compiled["entries"])
        # marisa-trie finds every known stem that begins a word in one call; a dict holds the
        # Cyrillic readings of each spelling (faster than decoding trie values per look-up).
        words = frozenset(v.lower() for found in readings.values() for v in found)
        self._setup(
            marisa_trie.Trie(readings), readings, otherwise, whole, words, compiled, _hyphen_heads(readings),
            suffixes_from._suffixes if suffixes_from is not None else None,
        )

    @classmethod
    def packed(cls, part: Part) -> "Lexicon":
        """The lexicon of a packed part (`pack_lexicon`): its trie and tables are memory-mapped,
        and a spelling's readings are decoded when first looked up."""
        trie = part.trie("spellings")
        self = cls.__new__(cls)
        self._setup(
            trie, PackedLists(trie, part.strings("readings")), PackedLists(trie, part.strings("otherwise"), _pairs),
            PackedLists(trie, part.strings("whole")), part.trie("words"), part.meta["lexicon"],
            part.meta["hyphen_heads"], {a: [tuple(f) for f in found] for a, found in part.meta["suffixes"].items()},
        )
        return self

    def _setup(
        self, trie: Any, readings: Dict[str, List[str]], otherwise: Dict[str, Dict[str, str]],
        whole: Dict[str, List[str]], words: Container[str], compiled: Compiled, hyphen_heads: Iterable[str],
        suffixes: Optional[Dict[str, List[Tuple[str, int, str]]]] = None,
    ) -> None:
        """`words`: every reading in lower case (a set or a trie); `suffixes`: `_suffixes`
        worked out beforehand (a packed part holds them; a user's lexicon takes the shipped
        one's)."""
        self._trie = trie
        self._readings = readings
        self._otherwise = otherwise
        self.whole_words = whole
        self._suffixes = _with_harmony(compiled["suffixes"]) if suffixes is None else suffixes
        self.harmony = loan_harmony if compiled.get("loan_harmony") else harmony
        self._harmony_of: WordCache[int] = WordCache(self.harmony)  # by stem variant: they repeat
        # Version 3's seams of stem and suffix: ь drops before a suffix that opens with a vowel
        # (фестивалі), and a stem that ends in a vowel takes no such suffix.
        self.seams = bool(compiled.get("loan_harmony"))
        self.phrases: List[List[str]] = compiled.get("phrases", [])
        # Which words of each phrase take a capital (every one, in the lists of version 2).
        self.phrase_cases: List[List[bool]] = compiled.get("phrase_cases") or [[True] * len(p) for p in self.phrases]
        # The Arabic spellings of known suffixes: `rest in lexicon.suffix_spellings` is a C-level
        # test that settles most stems at once (their rest is no known suffix).
        self.suffix_spellings = self._suffixes.keys()
        self.cyrillic_suffixes = frozenset(s for found in self._suffixes.values() for s, _, _ in found)
        # To tell a known word from a name by its Cyrillic (`knows`).
        self._words = words
        # The first parts of names spelt with a hyphen (Нью-Йорк): their two tokens are read
        # together where the lexicon knows them so.
        self.hyphen_heads = frozenset(hyphen_heads)

    def __len__(self) -> int:
        return len(self._trie)

    def knows(self, low: str, whole: bool = False) -> bool:
        """Is a lower-case Cyrillic word a known stem or variant, or (unless `whole`) one with a
        known suffix?"""
        words, suffixes = self._words, self.cyrillic_suffixes
        if low in words or whole:
            return low in words
        return any(low[:i] in words and low[i:] in suffixes for i in range(len(low) - 1, 1, -1))

    def stems(self, word: str) -> Iterator[Tuple[str, List[str], Dict[str, str]]]:
        """Known stems that begin a normalised Arabic word (hamza left out), longest first: their
        Arabic spelling, their Cyrillic variants, and {variant: house letters} for the variants
        the house style spells otherwise than that (usually none)."""
        readings, otherwise = self._readings, self._otherwise.get
        for prefix in reversed(self._trie.prefixes(word)):  # marisa gives them shortest first
            yield prefix, readings[prefix], otherwise(prefix, _NONE)

    def suffixes(self, rest: str, after: str) -> List[Tuple[str, str]]:
        """Known Cyrillic suffixes spelled `rest` in Arabic that fit the harmony of `after`, each
        with the house style's letters for it."""
        found = self._suffixes.get(rest)
        if not found:
            return []
        h = self._harmony_of[after]
        return [(s, letters) for s, sh, letters in found if h < 0 or sh < 0 or sh == h]


def _with_harmony(suffixes: Dict[str, List[List[str]]]) -> Dict[str, List[Tuple[str, int, str]]]:
    """{arabic: [(suffix, its harmony, house letters)]}: each suffix's harmony worked out once."""
    return {a: [(s, suffix_harmony(s), letters) for s, letters in found] for a, found in suffixes.items()}


def _hyphen_heads(readings: Iterable[str]) -> List[str]:
    return sorted({a.split("-")[0] for a in readings if "-" in a})


def _pairs(record: str) -> Dict[str, str]:
    items = split(record)
    return dict(zip(items[0::2], items[1::2]))


_NONE: Dict[str, str] = {}


# --- the compiled lexicon part of a table version ---------------------------------------------


def lexicon_source(version: object = None) -> Compiled:
    """The compiled lexicon and n-gram model of a version that has lexicon tables, as plain data
    (its own JSON cache file): what the packed part is made from (`load_lexicon`), and the Latin
    index (graph.py)."""
    from jazu.tableset.compile import load_part

    return load_part(version, "lexicon", compile_lexicon_part)


class LexiconPart:
    """What the Arabic reader needs of a version's lexicon tables: the lexicon, the n-gram model
    and the gazetteer's names, over one packed part (memory-mapped; shared in a process)."""

    def __init__(self, part: Part) -> None:
        from jazu.arabic.ngram import NgramModel

        self.lexicon = Lexicon.packed(part)
        self.ngram = NgramModel.packed(part)
        self.names: Dict[str, List[str]] = part.meta["lexicon"].get("names") or {}


def load_lexicon(version: object = None) -> LexiconPart:
    """The lexicon part of a version that has lexicon tables, mapped from the cache (packed on
    first use from `lexicon_source`)."""
    from jazu.tableset.compile import load_packed

    name = resolve_version(version)
    return shared(LexiconPart, load_packed(name, "arabic", lambda directory: pack_lexicon(directory, lexicon_source(name))))


def pack_lexicon(directory: Path, source: Compiled) -> Compiled:
    """Write the packed lexicon part of `source` (`lexicon_source`) into `directory`; returns its
    meta data. Files: spellings.marisa (the Arabic spellings), readings/otherwise/whole.strings
    (by spelling id), words.marisa (every reading in lower case), and the n-gram model's."""
    from jazu.arabic.ngram import pack_ngram

    compiled = source["lexicon"]
    readings, otherwise, whole = _index(compiled["entries"])
    trie = save_trie(directory / "spellings.marisa", readings)
    spellings = sorted(readings, key=trie.key_id)
    write_strings(directory / "readings.strings", [join(readings[a]) for a in spellings])
    write_strings(directory / "whole.strings", [join(whole.get(a, ())) for a in spellings])
    write_strings(
        directory / "otherwise.strings",
        [join([x for pair in otherwise.get(a, {}).items() for x in pair]) for a in spellings],
    )
    save_trie(directory / "words.marisa", {v.lower() for found in readings.values() for v in found})
    meta: Compiled = {
        "lexicon": {k: v for k, v in compiled.items() if k != "entries"},
        "hyphen_heads": _hyphen_heads(readings),
        "suffixes": _with_harmony(compiled["suffixes"]),
    }
    meta.update(pack_ngram(directory, source["ngram"]))
    return meta


def compile_lexicon_part(tableset: TableSet, core: Compiled) -> Compiled:
    """The lexicon, indexed by the Arabic spellings our own writer makes, and the n-gram model
    that ranks readings of unknown words, learnt from the lexicon's words."""
    from jazu.arabic.writer import writers
    from jazu.arabic.ngram import train

    words = [row.values[0] for t in tableset.lexicon if t.name not in ("suffixes", "endings", "names") for row in t.rows]
    suffixes = [row.values[0] for t in tableset.lexicon if t.name == "suffixes" for row in t.rows]
    return {"lexicon": compile_lexicon(tableset.lexicon, writers(core)), "ngram": train(with_suffixes(words, suffixes))}


def with_suffixes(words: List[str], suffixes: List[str], per_word: int = 3) -> List[str]:
    """The words, and each with a few suffixes of its harmony, chosen deterministically: so the
    n-gram model learns how stems and suffixes meet (шеңбернің, not шеңберның)."""
    by_harmony: Dict[int, List[str]] = {h: [s for s in suffixes if suffix_harmony(s) in (h, -1)] for h in (0, 1)}
    out = list(words)
    for i, word in enumerate(words):
        options = by_harmony.get(harmony(word))
        if options:
            out.extend(word + options[(i * 7919 + k * 104729) % len(options)] for k in range(per_word))
    return out
