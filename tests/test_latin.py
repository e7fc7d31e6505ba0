"""Kazakh Latin (tables version 4 on): the 2021 alphabet written from Cyrillic, read back from any
of the three alphabets, and the six directions through the Cyrillic pivot."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from conftest import DATA, ROOT, SEED_ARAB, read
from jazu.errors import TableError, UnsupportedConversionError
from jazu.tableset.load import parse_table, tables_root

TO_LATIN = jazu.Transliterator("cyrl", "latn", tables="4")
FROM_LATIN = jazu.Transliterator("latn", "cyrl", tables="4")
SEEDS = [next((ROOT / "seeds").glob(f"{n}_*.txt")) for n in ("003", "004")]
ALPHABET = set("aäbdefgğhiıjklmnñoöpqrsştuūüvyz")
ALPHABET_UPPER = set("AÄBDEFGĞHİIJKLMNÑOÖPQRSŞTUŪÜVYZ")

# The 2021 table's core letters, written here from LATIN.md (not from our tables): a word made
# of these must come out letter for letter.
CORE = dict(zip("аәбвгғдежзийкқлмнңоөпрстуұүфхһыі", "aäbvgğdejziikqlmnñoöprstuūüfhhyı"))
CORE_CAPITAL = {"и": "İ", "й": "İ", "і": "I"}


def _rows(kind: str) -> List[Tuple[str, str]]:
    table = parse_table(tables_root() / "4" / "latin.tsv", "latin", "4")
    return [tuple(row.values) for row in table.of(kind)]  # type: ignore[misc]


@pytest.mark.parametrize("cyrillic,latin", _rows("test"))
def test_golden_rows_write_and_read_back(cyrillic: str, latin: str) -> None:
    assert TO_LATIN(cyrillic) == latin
    assert FROM_LATIN(latin) == cyrillic


@pytest.mark.parametrize("latin,cyrillic", _rows("test-read"))
def test_golden_rows_of_every_alphabet_read(latin: str, cyrillic: str) -> None:
    assert FROM_LATIN(latin) == cyrillic


def test_the_readme_example_and_back() -> None:
    assert TO_LATIN("Қазақстан Республикасы") == "Qazaqstan Respublikasy"
    assert FROM_LATIN("Qazaqstan Respublikasy") == "Қазақстан Республикасы"


def _core_latin(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        latin = CORE[low]
        if ch != low:
            latin = CORE_CAPITAL.get(low, latin.upper())
        out.append(latin)
    return "".join(out)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_core_letter_words_are_written_as_the_2021_table_writes_them(seed: Path) -> None:
    words = re.findall(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]+", read(seed))
    core = [w for w in words if set(w.lower()) <= set(CORE)]
    assert len(core) > 150
    wrong = [(w, TO_LATIN(w), _core_latin(w)) for w in core if TO_LATIN(w) != _core_latin(w)]
    assert not wrong


def test_the_seeds_go_to_latin_and_back() -> None:
    n = same = 0
    for seed in SEEDS:
        text = read(seed)
        back = FROM_LATIN(TO_LATIN(text))
        assert len(back.split()) == len(text.split())
        for a, b in zip(text.split(), back.split()):
            if re.search("[а-яёәіңғүұқөһ]", a.lower()):
                n, same = n + 1, same + (a == b)
    assert same / n >= 0.995, f"{same}/{n}"


def test_the_arabic_seed_goes_to_latin() -> None:
    """Arabic -> Latin through the pivot, against the careful transliteration in Latin."""
    got = jazu.transliterate(read(SEED_ARAB), target="latn", source="arab", tables="4").split()
    want = TO_LATIN(read(DATA / "seed000.cyrl.reference.txt")).split()
    assert len(got) == len(want)
    assert sum(a.lower() == b.lower() for a, b in zip(got, want)) / len(want) >= 0.99


def test_latin_to_arabic_goes_through_cyrillic() -> None:
    arabic = jazu.transliterate("Qazaqstan Respublikasy", target="arab", source="latn", tables="4")
    assert arabic == jazu.transliterate("Қазақстан Республикасы", target="arab", source="cyrl", tables="4")


@pytest.mark.parametrize(
    "alphabet_2021,older",
    [
        ("Bız Qazaqstannyñ ğylymy men bılımın damytamyz.", "Biz Qazaqstannyń ǵylymy men bilimin damytamyz."),
        ("Bız Qazaqstannyñ ğylymy men bılımın damytamyz.", "Biz Qazaqstannyn' g'ylymy men bilimin damytamyz."),
        ("Şoqan Uälihanov ūly ğalym", "Shoqan Ýálıhanov uly ǵalym"),
        ("Şoqan Uälihanov ūly ğalym", "S'oqan Y'a'li'hanov uly g'alym"),
    ],
)
def test_the_2017_and_2018_alphabets_read_as_2021(alphabet_2021: str, older: str) -> None:
    assert FROM_LATIN(older) == FROM_LATIN(alphabet_2021)


def test_lookalikes_and_a_plain_capital_i() -> None:
    assert FROM_LATIN("Qazaqstаn") == "Қазақстан"  # a Cyrillic а typed inside
    assert FROM_LATIN("ǧylym, taŋ") == "ғылым, таң"
    assert FROM_LATIN("Iran") == "Иран"  # a plain I for İ, where only that reading is known
    assert FROM_LATIN("Işkı") == "Ішкі"


def test_all_caps_and_mixed_case() -> None:
    assert TO_LATIN("ЮНЕСКО мен ЖШС") == "İUNESKO men JŞS"
    assert FROM_LATIN("İUNESKO men JŞS") == "ЮНЕСКО мен ЖШС"
    assert FROM_LATIN("BŪŪ-nyñ") == "БҰҰ-ның"


def test_what_is_no_kazakh_latin_passes_through() -> None:
    text = "www.inform.kz, info@adyrna.kz, https://abai.kz/post/1 — Chrome, Windows, iPhone, TikTok, 2024 ж."
    assert FROM_LATIN(text) == text
    assert jazu.transliterate("The quick brown fox jumps over the lazy dog", target="cyrl") == (
        "The quick brown fox jumps over the lazy dog"
    )
    assert jazu.detect_script("Bız Qazaqstannyñ ğylymyn damytamyz") == "latn"


def test_auto_detects_latin_kazakh_and_not_english_or_turkish() -> None:
    from jazu.scripts import kazakh_script

    assert kazakh_script("Qazaqstan Respublikasy — täuelsız memleket") == "latn"
    assert kazakh_script("Qazaqstan Respy'bli'kasy bilim men g'ylym") == "latn"
    assert kazakh_script("The quick brown fox jumps over the lazy dog") is None
    assert kazakh_script("Türkiye Cumhuriyeti başkenti Ankara'dır") is None
    assert jazu.transliterate("Qazaqstan Respublikasy", target="arab") == "قازاقستان رەسپۋبليكاسى"


def test_apostrophes_of_english_turkish_and_quotes_are_no_2017_letters() -> None:
    from jazu.scripts import kazakh_script

    for text in ("I don't know. You can't stay. They aren't here.", "Ankara'da, Erdoğan'ın gittim"):
        assert kazakh_script(text) is None
        assert jazu.transliterate(text, target="cyrl") == text
    # a quotation in apostrophes keeps its closing mark, in 2021 and in 2017 lines
    assert FROM_LATIN("Ol 'Almaty' dedı.") == "Ол 'Алматы' деді."
    assert FROM_LATIN("Toqaev ‘Astana’ turaly aitty.") == "Тоқаев ‘Астана’ туралы айтты."
    assert FROM_LATIN("S'oqan Y'a'li'hanov 'Almaty' dedi") == "Шоқан Уәлиханов 'Алматы' деді"


def test_older_table_versions_read_no_latin() -> None:
    with pytest.raises(UnsupportedConversionError, match="version 4 or later"):
        jazu.Transliterator("cyrl", "latn", tables="3")
    assert jazu.transliterate("Qazaqstan Respublikasy", target="cyrl", tables="3") == "Qazaqstan Respublikasy"
    # mostly Kazakh Latin: versions before 4 still convert the Cyrillic in it, as they did
    mixed = "Qazaqstan Respublikasy, Qazaq eli jäne Qyzylorda: Алматы қаласы"
    assert jazu.transliterate(mixed, target="arab", tables="3").endswith(": الماتى قالاسى")


KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=KAZAKH + KAZAKH.upper() + " -.,\n", max_size=60), st.booleans(), st.booleans())
def test_latin_output_holds_only_the_31_letters(text: str, decomposed: bool, lookalikes: bool) -> None:
    """Also from decomposed letters (и + U+0306) and Latin look-alikes typed in a word (бiлiм);
    look-alikes with no Cyrillic letter beside them are Latin text, and pass through (ə)."""
    import re
    import unicodedata

    if decomposed:
        text = unicodedata.normalize("NFD", text)
    if lookalikes:
        text = text.replace("і", "i").replace("ә", "ə")
    written = TO_LATIN(text)
    alone = re.search("(?<![\u0400-\u04ff\u0300-\u036f])[iIəƏ]+(?![\u0400-\u04ff\u0300-\u036f])", text)
    allowed = set("əƏ") if alone else set()
    assert set(ch for ch in unicodedata.normalize("NFC", written) if ch.isalpha()) <= ALPHABET | ALPHABET_UPPER | allowed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_converts_without_a_crash(text: str) -> None:
    for t in (TO_LATIN, FROM_LATIN):
        out = t(text)
        assert isinstance(out, str)
    assert isinstance(jazu.transliterate(text, target="latn", source="arab", tables="4"), str)
    assert isinstance(jazu.transliterate(text, target="arab", source="latn", tables="4"), str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,;:!?()[]«»—–-\n\tабвгдежзийкл", max_size=60))
def test_text_without_latin_letters_passes_the_latin_reader(text: str) -> None:
    assert FROM_LATIN(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Bilim ", "ǵylym ", "g'ylym ", "bılım ", "Qazaqstan ", "\n", ". ", "men ", "Iran "]),
                max_size=40).map("".join), st.lists(st.integers(1, 30), min_size=1, max_size=10))
def test_latin_streams_read_as_the_whole_text(text: str, sizes: List[int]) -> None:
    """The alphabet a line is read in carries over to the lines after it: a stream, whatever
    its chunks, reads as the whole text does."""
    chunks, i, k = [], 0, 0
    while i < len(text):
        chunks.append(text[i : i + sizes[k % len(sizes)]])
        i, k = i + sizes[k % len(sizes)], k + 1
    assert "".join(FROM_LATIN.stream(chunks)) == FROM_LATIN(text)


@pytest.mark.parametrize(
    "row,message",
    [
        ("letter\tӡ\tc", "holds 'c', no letter of the case rows"),
        ("rule\tx\tх\tV\t*", "no read row's unit"),
        ("alphabet\t2019\tx\th", "unknown alphabet '2019'"),
        ("case\tx\tXX", "case rows map one lower-case letter"),
        ("lookalike\ta\tä", "lookalike keys are one character outside the alphabet"),
    ],
)
def test_bad_latin_rows_are_refused_with_their_line(tmp_path: Path, row: str, message: str) -> None:
    from jazu.tableset.compile import compile_latin

    text = (tables_root() / "4" / "latin.tsv").read_text(encoding="utf-8")
    path = tmp_path / "latin.tsv"
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(TableError, match=f":{line}: .*{re.escape(message)}"):
        compile_latin(parse_table(path, "latin", "4"))


def test_the_cli_pipes_to_latin_and_back() -> None:
    run = [sys.executable, "-m", "jazu"]
    to = subprocess.run(run + ["--to", "latn"], input="Қазақстан Республикасы\n", capture_output=True, text=True)
    assert (to.returncode, to.stdout, to.stderr) == (0, "Qazaqstan Respublikasy\n", "")
    back = subprocess.run(run + ["--to", "cyrl"], input=to.stdout, capture_output=True, text=True)
    assert (back.returncode, back.stdout) == (0, "Қазақстан Республикасы\n")
    arab = subprocess.run(run + ["--to", "latn"], input="قازاقستان رەسپۋبليكاسى\n", capture_output=True, text=True)
    assert arab.stdout == "Qazaqstan Respublikasy\n"
    old = subprocess.run(run + ["--to", "latn", "--tables", "3"], input="сөз\n", capture_output=True, text=True)
    assert old.returncode == 2 and "version 4 or later" in old.stderr and "Traceback" not in old.stderr
    assert old.stdout == ""


def test_a_user_lexicon_is_read_first(tmp_path: Path) -> None:
    """`lexicon=` reading Latin: a user's words (a loan's ц, a name's һ) ahead of the rules and
    of the shipped lexicon, with the shipped suffixes, in hyphenated words and in any case."""
    words = tmp_path / "words.tsv"
    words.write_text("word\tЦейлон\nword\tҺарбин\n", encoding="utf-8")
    text = "Seilon men Seilonnyñ aralynda. HARBIN, Harbinde, seilon-harbin"
    assert FROM_LATIN(text) == "Сейлон мен Сейлонның аралында. ХАРБИН, Харбинде, сейлон-харбин"
    mine = jazu.Transliterator("latn", "cyrl", tables="4", lexicon=str(words))
    assert mine(text) == "Цейлон мен Цейлонның аралында. ҺАРБИН, Һарбинде, цейлон-һарбин"
    explained = {e["reading"]: e for e in mine.explain("Seilonnyñ Harbin")}
    assert explained["Цейлонның"]["from"] == "user lexicon" and not explained["Цейлонның"]["uncertain"]
    assert explained["Һарбин"]["from"] == "user lexicon"
    assert {"reading": "Харбин", "from": "lexicon"} in explained["Һарбин"]["alternatives"]
    assert jazu.Transliterator("latn", "arab", tables="4", lexicon=str(words))("Seilon") == "تسەيلون"
