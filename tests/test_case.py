"""Case: Arabic has none, so the reader restores it (or, with case="lower", does not)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from jazu.arabic.lexicon import harmony

R = jazu.Transliterator("arab", "cyrl")
W = jazu.Transliterator("cyrl", "arab")


def test_sentence_starts() -> None:
    assert R("ول كەلدى. ءبىز كەتتىك! ءسىز؟ ءيا… جوق") == "Ол келді. Біз кеттік! Сіз? Иә… Жоқ"
    assert R("- ءيا، ارينە.\n«ءبىز» كەلدىك.\n(ول) كەتتى.") == "- Иә, әрине.\n«Біз» келдік.\n(Ол) кетті."


def test_names_with_their_suffixes() -> None:
    assert R("ءبىز قازاقستاننىڭ ازاماتىمىز") == "Біз Қазақстанның азаматымыз"
    assert R("ول استاناعا، الماتىعا باردى") == "Ол Астанаға, Алматыға барды"
    assert R("ءبىز توقاەۆتىڭ ءسوزىن تىڭدادىق") == "Біз Тоқаевтың сөзін тыңдадық"


def test_multi_word_names() -> None:
    assert R("ول قازاقستان رەسپۋبليكاسىنىڭ ازاماتى") == "Ол Қазақстан Республикасының азаматы"
    assert R("ءبىز ورتالىق ازيادا تۇرامىز") == "Біз Орталық Азияда тұрамыз"


def test_spaced_abbreviations() -> None:
    assert R("ب ۇ ۇ- نىڭ باس حاتشىسى").startswith("БҰҰ-ның")
    assert R("ول ا ق ش- قا باردى") == "Ол АҚШ-қа барды"
    assert R("و ا") == "О а"  # vowels alone are ordinary one-letter words


def test_case_lower() -> None:
    assert jazu.transliterate("ب ۇ ۇ. قازاقستان", target="cyrl", case="lower") == "бұұ. қазақстан"
    t = jazu.Transliterator("arab", "cyrl", case="lower")
    assert t("ول استاناعا باردى.") == "ол астанаға барды."
    try:
        jazu.Transliterator("arab", "cyrl", case="title")
    except jazu.UnknownOptionError as e:
        assert "restore, lower" in str(e)
    else:
        raise AssertionError("an unknown case must be refused")


def test_all_caps_to_arabic() -> None:
    assert W("БҰҰ, ҚР, АҚШ, ЖШС, ІІМ") == "ب ۇ ۇ، ق ر، ا ق ش، ج ش س، ى ى م"
    assert W("ҚАЗАҚСТАН ЖАҢАЛЫҚТАРЫ") == "قازاقستان جاڭالىقتارى"


NAMES = ["Қазақстан", "Астана", "Алматы", "Тоқаев", "Ресей", "Қытай", "Түркия", "Мәскеу"]
WORDS = ["біз", "олар", "бүгін", "келді", "жаңа", "үлкен", "қала", "туралы", "айтты"]
SUFFIXES = [("", ""), ("да", "де"), ("ға", "ге"), ("ның", "нің"), ("ды", "ді")]  # back, front


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES)), min_size=1, max_size=6))
    words = [w + draw(st.sampled_from(SUFFIXES))[harmony(w)] if w in NAMES else w for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:] + draw(st.sampled_from([".", "!", "?"]))


@given(st.lists(sentence(), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_round_trip_keeps_sentence_starts_and_names(sentences: list) -> None:
    text = " ".join(sentences)
    back = R(W(text))
    for original, got in zip(text.split(), back.split()):
        if original[:1].isupper():
            assert got[:1].isupper(), (original, got, back)
