"""Tables versions 3 and 4: other outlets' conventions, the gazetteer and endings, and the
capitals stage (tables/3/README.md, tables/4/README.md). Golden rows of each rule are in
tables/N/reader.tsv and run in test_tables.py; here, the properties and refusals around them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from conftest import ROOT
from jazu.arabic.reader.capitals import Capitals
from jazu.errors import TableError
from jazu.tableset.load import parse_table, tables_root

READ = jazu.Transliterator("arab", "cyrl", tables="3")
READ_2 = jazu.Transliterator("arab", "cyrl", tables="2")
READ_4 = jazu.Transliterator("arab", "cyrl", tables="4")
WRITE = jazu.Transliterator("cyrl", "arab", tables="3")


@pytest.mark.parametrize("version", ["3", "4"])
def test_versions_3_and_4_write_as_version_2(version: str) -> None:
    text = (ROOT / "seeds" / "003_0632195ffc93f541.txt").read_text(encoding="utf-8")
    written = jazu.transliterate(text, target="arab", source="cyrl", tables=version)
    assert written == jazu.transliterate(text, target="arab", source="cyrl", tables="2")


def test_version_4_is_the_default() -> None:
    assert jazu.Transliterator("arab", "cyrl").tables == "4"


def test_version_3_reads_as_before_the_rules_of_version_4() -> None:
    """Version 4's rules of capitals live in its rows only: version 3's output is unchanged."""
    text = "قاينار اۋىلىنا، ءبىز پەرۋلىكتەر، «ا» توبى"
    assert READ(text) == "Қайнар ауылына, біз Перуліктер, «а» тобы"
    assert READ_4(text) == "Қайнар ауылына, біз перуліктер, «А» тобы"
    assert READ("ولار قاينار اۋىلىنا") == "Олар қайнар ауылына"
    assert READ_4("ولار قاينار اۋىلىنا") == "Олар Қайнар ауылына"


@pytest.mark.parametrize(
    "house,other",
    [
        ("ءبىراق", "بىراق"),  # egemen: no hamza on a word with a back vowel
        ("قازىر", "ءقازىر"),  # qamshy: a hamza on any word with a front vowel
        ("ءبىزدىڭ", "بiزدiڭ"),  # a Latin i typed for і
        ("ءتۇر- ءتۇسى", "ءتۇر-ءتۇسى"),  # unspaced hyphen
        ("24 -قاڭتار", "24 - قاڭتار"),  # a suffix spaced off a number
        ("ب ۇ ۇ- نىڭ", "بۇۇ-نىڭ"),  # an acronym as one word
    ],
)
def test_other_outlets_spellings_read_as_the_house_ones(house: str, other: str) -> None:
    assert READ(other) == READ(house)


def test_a_latin_i_outside_arabic_words_is_left_alone() -> None:
    assert READ("iPhone ءبىز Iran") == "iPhone біз Iran"
    assert READ("ءبىز i") == "Біз i"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abciI 12.,-«»\"\n", max_size=40))
def test_text_without_arabic_letters_passes_through(text: str) -> None:
    assert READ(text) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ءبىز", "ۇلى", "ىلياس", "«", "»", '"', ". ", "؟", "!", " ", "-", "\n", "د", "قازاقپارات",
                                 "مينيسترى", "ۇكىمەت", "جانە", "اقش", "24", " - ", "i", "بiز", "نيۋ", "يورك"]),
                max_size=20).map("".join))
def test_the_capitals_stage_never_loses_or_invents_letters(text: str) -> None:
    """Whatever the rules of capitals do, the letters are those of the lower-case reading
    (a patronymic joined to its name only loses the space between them)."""
    restored = READ(text)
    lower = jazu.transliterate(text, target="cyrl", source="arab", tables="3", case="lower")
    assert restored.lower().replace(" ", "") == lower.lower().replace(" ", "")


def test_capitals_rules_are_off_without_their_rows() -> None:
    """Version 2's capitals: sentence starts and phrases only (its output is golden)."""
    plain = Capitals(".!?\n", [])
    pieces = ["", "а", " «", "б", "» ", "деді", ". ", "в", ""]
    plain.after(pieces, plain.before(pieces, pieces[1::2], True))
    assert pieces == ["", "А", " «", "б", "» ", "деді", ". ", "В", ""]


def test_a_verb_of_saying_after_a_quotation_continues_the_sentence() -> None:
    capitals = Capitals(".!?\n", [], {"quote-continues": ["деді"], "name-opener": ["«"]})
    pieces = ["«", "жоқ", ".» ", "деді", " ", "ол", ". ", "ол", ""]
    capitals.after(pieces, capitals.before(pieces, pieces[1::2], True))
    assert "".join(pieces) == "«Жоқ.» деді ол. Ол"


def test_version_2_reads_as_before() -> None:
    """The new rules live in version 3's rows only."""
    assert READ_2("بiزدiڭ بىراق ءقازىر") == "Бiздiң бырақ қазыр"
    assert READ_2("سەنىڭ ىلياس ۇلى").split()[-1] == "ұлы"  # not joined
    assert READ("سەنىڭ ىلياس ۇلى").split()[-1] == "Ілиясұлы"


@pytest.mark.parametrize(
    "name,row,message",
    [
        ("reader", "convention\thamza\tsome-front", "unknown convention"),
        ("reader", "patronymic\tҰлы", "patronymic rows hold one lower-case Cyrillic word"),
        ("reader", "name-opener\tab", "name-opener rows hold one punctuation character"),
        ("reader", "loan-initial\tә\tээ", "loan-initial rows map one lower-case Cyrillic letter"),
        ("normalize", "lookalike\tى\tى\tfront", "lookalike keys are one letter of another script"),
        ("reader", "quote-name\tword", "unknown quote-name 'word'"),
        ("reader", "dateline-dash\t--", "dateline-dash rows hold one punctuation character"),
        ("reader", "place-type\tАуданы", "place-type rows hold one lower-case Cyrillic word"),
        ("normalize", "lookalike\tj\tى\tsideways", "harmony must be back or front"),
    ],
)
def test_bad_rows_of_versions_3_and_4_are_refused_with_their_line(
    tmp_path: Path, name: str, row: str, message: str
) -> None:
    from jazu.tableset import compile as compiler

    version = "4" if row.split("\t")[0] in ("quote-name", "dateline-dash", "place-type") else "3"
    text = (tables_root() / version / f"{name}.tsv").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.tsv"
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    table = parse_table(path, name, version)
    compile_part = {"reader": compiler.compile_reader, "normalize": compiler.compile_normalize}[name]
    with pytest.raises(TableError, match=f":{line}: {message}"):
        compile_part(table)


@pytest.mark.parametrize("version", ["3", "4"])
@pytest.mark.parametrize("tool,table", [("build_names.py", "names.tsv"), ("build_endings.py", "endings.tsv")])
def test_built_tables_are_what_their_scripts_build(tmp_path: Path, tool: str, table: str, version: str) -> None:
    """Data is code: the committed gazetteer and endings are exactly what the scripts make."""
    subprocess.run([sys.executable, str(ROOT / "tools" / tool), version, "--out", str(tmp_path)], check=True,
                   capture_output=True)
    assert (tmp_path / table).read_bytes() == (ROOT / "tables" / version / table).read_bytes()


def test_a_bad_gazetteer_row_names_its_file_and_line(tmp_path: Path) -> None:
    names = tmp_path / "tools" / "curated" / "names"
    names.mkdir(parents=True)
    (names / "given.tsv").write_text("# ok\ngiven\tАсқар\ngiven\tasqar\n", encoding="utf-8")
    for tool in ("build_names.py", "own_table.py"):
        (tmp_path / "tools" / tool).write_bytes((ROOT / "tools" / tool).read_bytes())
    script = tmp_path / "tools" / "build_names.py"
    done = subprocess.run([sys.executable, str(script), "3", "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode != 0
    assert "given.tsv:3: 'asqar' is not a capitalised Cyrillic name" in done.stderr


PIECES = ["ءبىز", "ۇلى", "ىلياس", "«", "»", "?» ", "دەدى", "ت.ب. ", "د.", "قازاقپارات", "استانا. ", "بiز", "24 - ",
          "ءتى", "اقش-", "تاعى", "ۇكىمەت", "مينيسترى", "جانە", "نيۋ-يورك", '"', "\n", ". ", "5",
          # version 4's rules: a dateline's dash, a letter in quotes, a name of origin
          " - ", "ا", "پەرۋلىك", "قازگيدرومەت", "پرەزيدەنت"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.lists(st.integers(1, 40), min_size=1, max_size=20),
       st.sampled_from([READ, READ_4]))
def test_streams_cut_inside_lines_read_as_the_whole_text(text: str, sizes: list, read: jazu.Transliterator) -> None:
    """The rules that look across quotations, one-letter abbreviations, datelines (and their
    dash) and spaced suffixes give the same capitals however a long line is cut (stream.py never
    cuts there); only what a plain space cut splits may differ, and these texts have no such space."""
    from jazu.text import stream as stream_module

    chunks, i, k = [], 0, 0
    while i < len(text):
        chunks.append(text[i : i + sizes[k % len(sizes)]])
        i, k = i + sizes[k % len(sizes)], k + 1
    old = stream_module.SOFT_LIMIT
    stream_module.SOFT_LIMIT = 16
    try:
        assert "".join(read.stream(chunks)) == read(text)
    finally:
        stream_module.SOFT_LIMIT = old


def test_lower_case_reading_joins_words_as_the_restored_one() -> None:
    text = "5 ءتى، ءبىز 24 - قاڭتار ىلياس ۇلى، اقش-تاعى"
    lower = jazu.transliterate(text, target="cyrl", source="arab", tables="3", case="lower")
    assert lower == READ(text).lower() == "5-ті, біз 24-қаңтар ілиясұлы, ақш-тағы"
