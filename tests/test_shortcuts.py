"""The hot paths take shortcuts (README: Speed); each must agree with the plain
definition it stands for, on any input. Hypothesis draws the inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from jazu.arabic.reader import Reader
from jazu.arabic.reader.lexical import _same_spelling
from jazu.arabic.lexicon import load_lexicon
from jazu.tableset.compile import load_compiled
from jazu.arabic.writer import writers

COMPILED = load_compiled("2")
WRITERS = writers(COMPILED)
HOUSE = WRITERS[0]
READER = Reader(COMPILED, load_lexicon("2"))
HAMZA = COMPILED["writer"]["hamza"]

# Kazakh Cyrillic letters, the letters the writer's sequences and vowel rules turn on weighted up.
CYRILLIC = "абвгғдеёжзийкқлмнңоөпрсстуұүфхһцчшщъыіьэюяияиюийеее"
cyrillic = st.text(alphabet=CYRILLIC, min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(cyrillic, cyrillic)
def test_parts_that_do_not_join_are_spelt_side_by_side(left: str, right: str) -> None:
    for writer in WRITERS:
        if not writer.joins(left, right):
            assert writer.letters(left + right) == writer.letters(left) + writer.letters(right)


def test_joins_sees_the_seams_of_tables_2() -> None:
    assert HOUSE.joins("арми", "я")  # ия is one sequence: يا
    assert HOUSE.joins("ана", "ен")  # е after a vowel is يە
    assert not HOUSE.joins("кітап", "тар")
    assert all(w.joins("а", "б") for w in WRITERS[1:] if w._rewrite is not None)


@settings(max_examples=400, deadline=None)
@given(cyrillic, st.sampled_from(["", "ы", "ің", "лар", "ия", "ен", "ға"]), st.booleans(), st.booleans())
def test_the_house_check_without_writing_agrees_with_writing(stem: str, suffix: str, front: bool, capital: bool) -> None:
    """`_house_spells` (parts and hamza) against writing the whole candidate."""
    stem = stem.capitalize() if capital else stem
    candidate = stem + suffix
    for word in (HOUSE.letters(candidate.lower()), HOUSE.letters(stem.lower()) + "ا"):
        parts = HOUSE.letters(stem.lower()) + HOUSE.letters(suffix) == word
        joins = bool(suffix) and HOUSE.joins(stem, suffix)
        written = _same_spelling(HOUSE.word(candidate), (HAMZA if front else "") + word, HAMZA)
        assert READER._house_spells(candidate, parts, joins, word, front) == written


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CYRILLIC + CYRILLIC.upper() + "iə-", min_size=1, max_size=8), st.booleans())
def test_spelling_checks_agree_with_writing(cyrillic_word: str, front: bool) -> None:
    """`_spells` compares the hamza and the letters apart; the plain definition compares whole
    spellings (with the hamza anywhere in the input)."""
    word = HOUSE.letters(cyrillic_word.lower())
    for target_word in (word, word + "ا"):
        target = (HAMZA if front else "") + target_word
        plain = 0
        for rank, writer in enumerate(WRITERS):
            if _same_spelling(writer.word(cyrillic_word), target, HAMZA):
                plain = 2 * len(WRITERS) - rank  # the house hamza ranks above the others'
                break
        assert READER._spells(cyrillic_word, target_word, front) == plain


READER_3 = Reader(load_compiled("3"), load_lexicon("3"))
FRONT_VOWELS, BACK_VOWELS, BLOCKERS = set("әөүі"), set("аоұыяё"), set("еэкг")


def _other_outlets_write_hamza(low: str) -> set:
    """The plain definitions of ORTHOGRAPHY.md §8: where egemen (all vowels front) and qamshy
    (any vowel front) put the hamza, as the set of answers they give."""
    front = bool(FRONT_VOWELS.intersection(low)) and not BLOCKERS.intersection(low)
    return {front and not BACK_VOWELS.intersection(low), front}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CYRILLIC, min_size=1, max_size=8), st.booleans())
def test_other_outlets_hamza_is_recognised_below_the_house_one(cyrillic_word: str, front: bool) -> None:
    """Tables 3: a reading spells the input with another outlet's hamza too (when the reader
    asks for `others`), ranked below every style's house hamza; with no outlet's hamza it does
    not spell it."""
    writers3 = READER_3._writers
    n = len(writers3)
    word = writers3[0].letters(cyrillic_word)
    house = writers3[0].needs_hamza(cyrillic_word)
    rank = next((r for r, w in enumerate(writers3) if w.letters(cyrillic_word) == word), None)
    got = READER_3._spells(cyrillic_word, word, front, others=True)
    house_only = READER_3._spells(cyrillic_word, word, front)
    if house == front:
        assert got == house_only == 2 * n - rank
    elif front in _other_outlets_write_hamza(cyrillic_word):
        assert (got, house_only) == (n - rank, 0)
    else:
        assert got == house_only == 0


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["-", " ", "ب", "ا", "5", "a", "\u064b", "- ", " -", "\n"]), max_size=14).map("".join))
def test_hyphens_are_joined_as_the_pattern_says(text: str) -> None:
    assert READER._join_hyphens(text) == READER._hyphens.sub("-", text)


def test_shortcuts_leave_the_seed_reading_alone() -> None:
    """The reader with every shortcut against the golden output is test_golden.py; here, one
    word of each kind the shortcuts treat apart, through the public API."""
    assert jazu.transliterate("ارمياسى ءانەن سيفرلىق", target="cyrl", tables="2") == "Армиясы әнен цифрлық"


# The reader judges sentence starts by the separator before each token; the rule is stated on
# the whole text: a token starts a sentence where a sentence end + non-letters ends.
ENDERS = ".!?…\n؟۔"
PLAIN_READER = Reader(COMPILED)  # no lexicon, so no multi-word names: sentence starts alone


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(list(ENDERS + " _-«»5a\u200c\u064bـ") + ["ب", "ۇ", "كىتاپ", "ق ر", "ا"]), max_size=16).map("".join),
    st.booleans(),
)
def test_sentence_starts_agree_with_the_whole_text_rule(text: str, state: bool) -> None:
    import regex

    text = PLAIN_READER._norm.text(text)
    for arabic, ascii in PLAIN_READER._punct:
        text = text.replace(arabic, ascii)
    pieces = PLAIN_READER._split(text)
    gap = r"[^\p{L}\p{M}\p{N}]*"
    starts = {m.end() for m in regex.finditer(rf"[{regex.escape(ENDERS)}]{gap}", text)}
    if state:
        starts.add(regex.match(gap, text).end())
    offsets = [sum(map(len, pieces[:i])) for i in range(len(pieces))]
    expected = {i for i in range(1, len(pieces), 2) if offsets[i] in starts}
    assert {abs(i) for i in PLAIN_READER._capitals.before(pieces, pieces[1::2], state)} == expected


# The writer writes a piece's new words together, a line each; any word the scan can find
# (letters, combining marks, Latin look-alikes, all caps; one Cyrillic letter at least) must
# come out as `word` writes it.
WORD_LETTERS = CYRILLIC + CYRILLIC.upper() + "iIəƏ\u0306\u0308\u0301"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=WORD_LETTERS, min_size=1, max_size=9).filter(lambda w: any(c.isalpha() and not c.isascii() and c not in "əƏ" for c in w)), max_size=12))
def test_words_written_together_are_written_as_alone(words: list) -> None:
    for writer in WRITERS:
        assert writer._words(words) == [writer.word(w) for w in words]


# Guesses read the rest of a word after a known stem by rule, memoised by the rest and the one
# letter before it: the reading must see no further back.
ARABIC_LETTERS = "ابپتجچحدرزژسشعغفقكگڭلمنۋوۇۆھەيىٴ"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ARABIC_LETTERS, min_size=2, max_size=12), st.integers(1, 11), st.sampled_from([None, 0, 1]))
def test_a_rest_reads_alike_with_one_letter_before_it(word: str, start: int, left: object) -> None:
    start = min(start, len(word) - 1)
    assert READER.read(word[start - 1 :], left, 1) == READER.read(word, left, start)
    reading, letters = READER._read_rest(word, left, start)
    assert reading == READER.read(word, left, start) and letters == HOUSE.letters(reading.lower())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CYRILLIC + "ӘЁ-x", max_size=90))
def test_ngram_scores_are_the_plain_sum(word: str) -> None:
    """Scores cut their n-grams with ready-made slices and add with reduce(): equal to the plain
    loop, bit for bit (rankings compare them against a margin)."""
    import math

    model = READER._ngram
    padded = "^" * (model.order - 1) + word.lower() + "$"
    total = 0.0
    for i in range(model.order, len(padded) + 1):
        total += math.log(model._prob(padded[i - model.order : i]))
    assert model.score(word) == total / (len(padded) - model.order + 1)
