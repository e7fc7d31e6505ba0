"""Transliterator.convert_pieces (text/pieces.py): pieces of one text converted in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import jazu

TO_ARAB = jazu.Transliterator("cyrl", "arab")
TO_CYRL = jazu.Transliterator("arab", "cyrl")


def test_a_word_split_between_pieces_is_converted_whole() -> None:
    assert TO_ARAB.convert_pieces(["Қаз", "ақ", "стан"]) == ["قاز", "اق", "ستان"]
    assert TO_ARAB.convert_pieces(["біз Қаз", "ақ"]) == ["ءبىز قاز", "اق"]
    # the last piece joined to nothing after it, and empty pieces
    assert TO_ARAB.convert_pieces(["", "сөз", ""]) == ["", "ءسوز", ""]


def test_a_sentence_goes_on_across_pieces_and_stops_at_a_block_break() -> None:
    assert TO_CYRL.convert_pieces(["ول ", "ءبىز"]) == ["Ол ", "біз"]
    assert TO_CYRL.convert_pieces(["ول", "ءبىز"], [False]) == ["Ол", "Біз"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="қазақ сөз. ,", max_size=8), max_size=8), st.data())
def test_pieces_joined_read_as_their_text(pieces: list, data: st.DataObject) -> None:
    """The pieces' outputs, put together, are the conversion of their text."""
    out = TO_ARAB.convert_pieces(pieces)
    assert len(out) == len(pieces)
    assert "".join(out) == TO_ARAB("".join(pieces))


def test_offsets_align_words_and_groups() -> None:
    source = "ءبىز قازاقستان رەسپۋبليكاسىندا. ب ۇ ۇ- نىڭ وكىلى ىلياس ۇلى 5 ءتى"
    out, spans = TO_CYRL.convert_with_offsets(source)
    assert out == TO_CYRL(source)
    pairs = [(source[a:b], out[c:d]) for a, b, c, d in spans]
    assert pairs == [("ءبىز", "Біз"), ("قازاقستان", "Қазақстан"), ("رەسپۋبليكاسىندا.", "Республикасында."),
                     ("ب ۇ ۇ- نىڭ", "БҰҰ-ның"), ("وكىلى", "өкілі"), ("ىلياس ۇلى", "Ілиясұлы"), ("5 ءتى", "5-ті")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ءبىز", "ب", "ۇ", "ۇ-", "نىڭ", "ىلياس", "ۇلى", "5", "ءتى", "Latin", " ", "  ", "\n", ".", "،"]),
                max_size=25).map("".join))
def test_offsets_cover_every_word_in_order(text: str) -> None:
    out, spans = TO_CYRL.convert_with_offsets(text)
    assert out == TO_CYRL(text)
    import re

    covered = [i for a, b, _, _ in spans for i in range(a, b)]
    assert covered == sorted(set(covered))  # in order, no overlap
    # every word, and no space but inside a group of words read together
    assert {i for m in re.finditer(r"\S+", text) for i in range(*m.span())} <= set(covered)
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b, _, _ in spans)
    outs = [i for _, _, c, d in spans for i in range(c, d)]
    assert outs == sorted(set(outs)) and all(0 <= c <= d <= len(out) for _, _, c, d in spans)
    assert {i for m in re.finditer(r"\S+", out) for i in range(*m.span())} <= set(outs)
