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
