"""The lexicon of tables version 2: validation, and measured reading of its own vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest

import jazu
from jazu.tableset.compile import load_compiled
from jazu.arabic.writer import writers
from jazu.errors import TableError
from jazu.arabic.lexicon import Lexicon, compile_lexicon, harmony, suffix_harmony
from jazu.tableset.load import load_tableset, parse_table

HEADER = "@table\tlexicon-curated\n@version\t2\n@direction\tlexicon\n@source\tt\n@licence\tMIT\n@status\ttest\n"


def _table(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "lexicon-curated.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return parse_table(path, "lexicon-curated", "2")


def test_lexicon_rows_must_be_cyrillic_words(tmp_path: Path) -> None:
    table = _table(tmp_path, "word\tкітап\tкітаб\nword\tkitap\n")
    with pytest.raises(TableError, match=r"lexicon-curated.tsv:8: 'kitap' is not a Cyrillic word"):
        compile_lexicon((table,), writers(load_compiled("2")))
    with pytest.raises(TableError, match=r":8: duplicate word row for 'кітап' \(first on line 7\)"):
        _table(tmp_path, "word\tкітап\nword\tкітап\n")


def test_stems_and_suffixes_are_found_longest_first() -> None:
    compiled = compile_lexicon((), writers(load_compiled("2")))
    assert compiled == {"entries": [], "suffixes": {}, "phrases": []}
    lexicon = Lexicon({"entries": [["كىتاپ", "кітап", "кітап"], ["كىتاب", "кітаб", "кітап"], ["كى", "кі", "кі"],
                                   ["سيفر", "цифр", "цифр", "تسيفر"]],
                       "suffixes": {"ى": [["ы", "ى"], ["і", "ى"]]}})
    assert [(prefix, variants) for prefix, variants, _ in lexicon.stems("كىتابى")] == [("كىتاب", ["кітаб"]), ("كى", ["кі"])]
    assert lexicon.suffixes("ى", "кітаб") == [("ы", "ى")]
    # The house style's own spelling is carried where a variant style's spelling is the key.
    assert [house for _, _, house in lexicon.stems("سيفرى")] == [{"цифр": "تسيفر"}]
    assert harmony("кітап") == 0 and harmony("министр") == -1 and suffix_harmony("дарымен") == 0


@pytest.mark.parametrize(
    "arabic,cyrillic",
    [
        ("سيفرلىق", "цифрлық"), ("تسيفرلىق", "цифрлық"),      # ц written س or تس
        ("توقاەۆ", "Тоқаев"), ("توقايەۆ", "Тоқаев"),          # -аев written اەۆ or ايەۆ
        ("كىتابىن", "кітабын"), ("جۇرەگىنە", "жүрегіне"),      # stem-final alternations
        ("ءسوز", "сөз"), ("ءسوزدى", "сөзді"), ("سوزدى", "созды"),  # homographs settled by spelling back
        ("ەكونوميكاسىنىڭ", "экономикасының"), ("قازاقستاننىڭ", "Қазақстанның"),
    ],
)
def test_lexicon_readings(arabic: str, cyrillic: str) -> None:
    assert jazu.transliterate("x " + arabic, target="cyrl", tables="2")[2:] == cyrillic


def test_own_vocabulary_reads_back() -> None:
    """A fixed sample of the lexicon's stems, bare and with common suffixes in their harmony,
    Cyrillic -> Arabic -> Cyrillic. Measured 2026-11-23: see the floor below."""
    ts = load_tableset("2")
    stems = [row.values[0] for t in ts.lexicon if t.name == "lexicon-hunspell" for row in t.rows][::25]
    write = jazu.Transliterator("cyrl", "arab", tables="2")
    read = jazu.Transliterator("arab", "cyrl", tables="2")
    words = []
    for stem in stems:
        front = harmony(stem) == 1
        words += [stem, stem + ("дің" if front else "дың"), stem + ("лер" if front else "лар")]
    right = sum(read("x " + write(w))[2:].lower() == w.lower() for w in words)
    assert right / len(words) >= 0.97, f"{right}/{len(words)}"
