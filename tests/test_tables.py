"""Table loading and validation: every shipped version loads, its golden rows hold, and bad
entries are refused with file:line."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest

import jazu
from jazu.errors import TableError
from jazu.tableset.load import available_versions, load_tableset, parse_table

VERSIONS = available_versions()


def _golden_rows() -> List[Tuple[str, str, str, str, str]]:
    rows = []
    for version in VERSIONS:
        ts = load_tableset(version)
        for table, target in ((ts.writer, "arab"), (ts.reader, "cyrl")):
            for row in table.of("test"):
                rows.append((version, target, row.values[0], row.values[1], f"{Path(table.path).name}:{row.line}"))
    return rows


def test_versions_are_shipped() -> None:
    assert VERSIONS and VERSIONS == jazu.available_tables()
    assert "1" in VERSIONS and "2" in VERSIONS


@pytest.mark.parametrize("version,target,source,expected,where", _golden_rows(), ids=lambda v: str(v)[:30])
def test_table_golden_examples(version: str, target: str, source: str, expected: str, where: str) -> None:
    src = "cyrl" if target == "arab" else "arab"
    got = jazu.transliterate(source, target=target, source=src, tables=version)
    assert got == expected, f"{where}: {source!r} -> {got!r}, table says {expected!r}"


@pytest.mark.parametrize("version", VERSIONS)
def test_normalize_golden_examples(version: str) -> None:
    from jazu.tableset.compile import load_compiled
    from jazu.arabic.normalize import Normalizer

    ts = load_tableset(version)
    norm = Normalizer(load_compiled(version))
    failures = []
    for row in ts.normalize.of("test"):
        got = norm.word(norm.text(row.values[0]))
        if got != row.values[1]:
            failures.append(f"normalize.tsv:{row.line}: {row.values[0]!r} -> {got!r}, want {row.values[1]!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("version", VERSIONS)
def test_tables_carry_provenance(version: str) -> None:
    ts = load_tableset(version)
    for table in (ts.writer, ts.reader, ts.normalize):
        meta = dict(table.meta)
        assert meta["version"] == version
        assert meta["source"] and meta["licence"] and meta["status"]
    readme = Path(ts.directory) / "README.md"
    assert readme.is_file(), "each table version documents its choices in README.md"


HEADER = "@table\twriter\n@version\t1\n@direction\tcyrl>arab\n@source\ttest\n@licence\tMIT\n@status\ttest\n"


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "writer.tsv"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body,line,message",
    [
        ("letter\tа\tا\nbogus\tx\ty\n", 8, "unknown row kind 'bogus'"),
        ("letter\tа\tا\nletter\tа\tب\n", 8, "duplicate letter row for 'а' (first on line 7)"),
        ("letter\tа\tا\x08\n", 7, "raw invisible or control character U+0008"),
        ("letter\tа\t\u200bا\n", 7, "raw invisible or control character U+200B"),
        ("letter\tә\t\u0675\n", 7, "U+0675 may be read but never written"),
        ("letter\tә\t\\u0675\n", 7, "U+0675 may be read but never written"),
        ("seq\tия\n", 7, "seq rows take 2 values, this one has 1"),
        ("letter\tа\tا \n", 7, "leading or trailing space"),
        ("letter\tа\t\\u12\n", 7, "bad escape"),
        ("letter\tа\tا\n@extra\tlate\n", 8, "meta lines must come before the rows"),
    ],
)
def test_bad_rows_are_refused_with_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(TableError) as err:
        parse_table(path, "writer", "1")
    assert err.value.line == line
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_missing_meta_and_wrong_version_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "letter\tа\tا\n", header="@table\twriter\n@version\t1\n")
    with pytest.raises(TableError, match="missing meta line @direction"):
        parse_table(path, "writer", "1")
    path = _write(tmp_path, "letter\tа\tا\n")
    with pytest.raises(TableError, match="@version says '1' but the file is in tables/2/"):
        parse_table(path, "writer", "2")


def test_compile_checks_semantics(tmp_path: Path) -> None:
    from jazu.tableset.compile import compile_writer

    path = _write(tmp_path, "letter\tA\tا\n")  # Latin A
    table = parse_table(path, "writer", "1")
    with pytest.raises(TableError, match=r"writer.tsv:7: letter keys are single lowercase Cyrillic letters"):
        compile_writer(table)


def test_unknown_version_lists_known_ones() -> None:
    with pytest.raises(jazu.UnknownTablesError, match="known versions: 1, 2"):
        jazu.Transliterator("cyrl", "arab", tables="99")


@pytest.mark.parametrize(
    "name,row,message",
    [
        ("writer", "after-vowel\tэо\tX", "after-vowel keys are one character"),
        ("writer", "punct\t?!\t!", "punct keys are one character"),
        ("writer", "punct\t:\t", "a punct row needs every value"),
        ("writer", "seq\tоо\tءو", "seq rows may not output the hamza"),
        ("writer", "punct\t:\tx", "punct outputs may not hold letters"),
        ("writer", "seq\tяи\tیا", "seq keys 'яи' and 'ия' can overlap"),
        ("writer", "seq\tен\tەن", "seq key 'ен' holds an after-vowel letter"),
        ("reader", "letter\tص\t", "a letter row needs every value"),
        ("reader", "punct\t٭\tب", "punct rows map one character that is no letter"),
        ("reader", "punct\t٭\t**", "punct rows map one character that is no letter"),
        ("normalize", "nfkc\t\\uFB50x\t\\uFDFF", "nfkc ranges are two single characters"),
        ("normalize", "strip\t\\u0650\t\\u0640", "strip range ends before it starts"),
    ],
)
def test_rows_the_compiler_would_misuse_are_refused(tmp_path: Path, name: str, row: str, message: str) -> None:
    """A shipped table with one bad row added: the compiler names the row's line."""
    from jazu.tableset import compile as compiler
    from jazu.tableset.load import tables_root

    text = (tables_root() / "1" / f"{name}.tsv").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.tsv"
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    table = parse_table(path, name, "1")
    compile_part = {"writer": compiler.compile_writer, "reader": compiler.compile_reader,
                    "normalize": compiler.compile_normalize}[name]
    with pytest.raises(TableError, match=f":{line}: {message}"):
        compile_part(table)


def test_a_hamza_row_holds_one_character(tmp_path: Path) -> None:
    from jazu.tableset import compile as compiler
    from jazu.tableset.load import tables_root

    text = (tables_root() / "1" / "writer.tsv").read_text(encoding="utf-8").replace("hamza\tء", "hamza\tء\\u0020")
    path = tmp_path / "writer.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match="a hamza row holds one character"):
        compiler.compile_writer(parse_table(path, "writer", "1"))
