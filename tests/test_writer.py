"""Cyrillic -> Arabic: each writing rule of ORTHOGRAPHY.md §1-3 on its own."""

from __future__ import annotations

import pytest

import jazu

W = jazu.Transliterator("cyrl", "arab")


@pytest.mark.parametrize(
    "cyrl,arab",
    [
        # hamza: first harmony vowel front, no е э к г; each hyphen part on its own
        ("өмір", "ءومىر"), ("бірақ", "ءبىراق"), ("үшін", "ءۇشىن"), ("біз", "ءبىز"),
        ("өкілі", "وكىلى"), ("бөлігі", "بولىگى"), ("өте", "وتە"), ("әлем", "الەم"),
        ("қазір", "قازىر"), ("мұғалім", "مۇعالىم"), ("түр-түсі", "ءتۇر- ءتۇسى"),
        ("дәуірдің", "ءداۋىردىڭ"), ("ә", "ءا"),
        # и merges, е after a vowel, ь ъ dropped, ё щ ц э
        ("стратегия", "ستراتەگيا"), ("кий", "كي"), ("қию", "قيۋ"), ("Тоқаев", "توقايەۆ"),
        ("түйе", "تۇيە"), ("фильм", "فيلم"), ("съезд", "سەزد"), ("щётка", "ششيوتكا"),
        ("цирк", "تسيرك"), ("экран", "ەكران"),
        # case: Title, ALL CAPS words, abbreviations
        ("ҚАЗАҚСТАН", "قازاقستان"), ("Қазақстан", "قازاقستان"), ("БҰҰ", "ب ۇ ۇ"), ("ЖШС", "ج ش س"),
        ("ҚР", "ق ر"), ("ОЛ", "ول"), ("БІЗ", "ءبىز"), ("СТРАТЕГИЯ", "ستراتەگيا"),
        # punctuation only after a Cyrillic word
        ("иә, жоқ; қалай?", "ءيا، جوق؛ قالاي؟"), ("3,5 млн", "3,5 ملن"), ("«сөз», (сөз)?", "«ءسوز»، (ءسوز)؟"),
        # hyphen spacing of the seed
        ("2012-жылдан", "2012 -جىلدان"), ("STEM-ді", "STEM- ءدى"), ("БҰҰ-ның", "ب ۇ ۇ- نىڭ"),
        ("1990-2000", "1990-2000"), ("жаз - күз", "جاز - كۇز"),
    ],
)
def test_writer_rules(cyrl: str, arab: str) -> None:
    assert W(cyrl) == arab


def test_decomposed_letters_are_composed_first() -> None:
    # й typed as и + combining breve, ё as е + diaeresis
    assert W("аи\u0306") == W("ай") == "اي"
    assert W("е\u0308") == W("ё")


def test_unknown_all_caps_rule() -> None:
    writer = W._converter("cyrl")
    assert writer.is_abbreviation("АҚШ")        # listed
    assert writer.is_abbreviation("ТЖҚ")        # no vowel
    assert writer.is_abbreviation("ЕАЭ")        # two vowels in a row
    assert writer.is_abbreviation("ҚТА")        # opens with two consonants
    assert not writer.is_abbreviation("БАҚ")    # a pronounceable word: written as a word
    assert not writer.is_abbreviation("АЙТ")    # sonorant + stop may close a word
    assert not writer.is_abbreviation("Ол")     # not all caps
    assert not writer.is_abbreviation("ЖАҢАЛЫҚ")


def test_other_scripts_and_symbols_pass_through() -> None:
    text = "Digital Bridge 2023, e-mail: a@b.kz https://x.kz/a-b?c=1 😀 日本 Ωμέγα\u00a0\t\r\n"
    assert W(text) == text


def test_latin_lookalikes_inside_cyrillic_words() -> None:
    assert W("бiлiм беру") == W("білім беру") == "ءبىلىم بەرۋ"  # Latin i
    assert W("Əлем") == W("Әлем")
    assert W("iPhone, Hi Ivan") == "iPhone, Hi Ivan"  # Latin words stay Latin
