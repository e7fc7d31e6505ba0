"""Load and validate one version of the mapping tables.

A table file is UTF-8 text, one record a line, columns separated by one TAB:
`@key<TAB>value` meta lines, then `kind<TAB>value…` rows; `#` starts a comment line.
Values may spell characters as `\\uXXXX`, which is the only way to write spaces at the edge of a
value or invisible characters: raw control or format characters are refused. Every problem is
reported as `TableError` with the file and line.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import Dict, Iterator, NamedTuple, Optional, Tuple

from jazu.errors import TableError, UnknownTablesError

REQUIRED_META = ("table", "version", "direction", "source", "licence", "status")
TABLE_NAMES = ("writer", "reader", "normalize")
# Lexicon tables: a version may ship them (from version 2 on); their rows are Cyrillic words.
LEXICON_NAMES = ("lexicon-hunspell", "lexicon-g2p", "lexicon-curated", "suffixes", "endings", "names")
# Tables of other scripts: a version may ship them (Latin from version 4 on).
SCRIPT_NAMES = ("latin",)

# kind -> (min values, max values, how many leading values form the duplicate key)
SCHEMAS: Dict[str, Dict[str, Tuple[int, int, int]]] = {
    "writer": {
        "letter": (1, 2, 1),
        "seq": (2, 2, 1),
        "after-vowel": (2, 2, 1),
        "class": (2, 2, 1),
        "hamza": (1, 1, 0),
        "punct": (2, 2, 1),
        "hyphen": (2, 2, 1),
        "abbr": (1, 1, 1),
        "style": (3, 4, 3),
        "test": (2, 2, 1),
        # From version 4: Arabic output profiles (tables/4/README.md)
        "profile": (3, 3, 2),
        "profile-test": (3, 3, 2),
    },
    "reader": {
        "vowel": (3, 3, 1),
        "letter": (2, 2, 1),
        "marker": (2, 2, 1),
        "evidence": (2, 2, 1),
        "hamza": (1, 1, 0),
        "rule": (5, 5, 0),  # key checked separately: (arabic, before, after)
        "invariant": (2, 2, 1),
        "punct": (2, 2, 1),
        "hyphen": (2, 2, 1),
        "test": (2, 2, 1),
        # From version 3: other outlets' conventions and the rules of capitals (tables/3/README.md)
        "convention": (2, 2, 2),
        "patronymic": (1, 1, 1),
        "surname-ending": (1, 1, 1),
        "given-ending": (1, 1, 1),
        "number-suffix": (1, 1, 1),
        "loan-initial": (2, 2, 1),
        "agency": (1, 1, 1),
        "org-head": (1, 1, 1),
        "org-stop": (1, 1, 1),
        "quote-continues": (1, 1, 1),
        "name-opener": (1, 1, 1),
        "name-type": (1, 1, 1),
        "home-state": (1, 1, 1),
        # From version 4: more rules of capitals (tables/4/README.md)
        "place-type": (1, 1, 1),
        "named-after": (1, 1, 1),
        "head-title": (1, 1, 1),
        "origin-suffix": (1, 1, 1),
        "dateline-dash": (1, 1, 1),
        "quote-name": (1, 1, 1),
    },
    "normalize": {
        "char": (2, 2, 1),
        "nfkc": (2, 2, 1),
        "strip": (2, 2, 1),
        "test": (2, 2, 1),
        # From version 3: a letter of another script typed inside Arabic-script words
        "lookalike": (3, 3, 1),
    },
    # word<TAB>spelling<TAB>variants of its stem before suffixes (кітап: кітаб)
    "lexicon": {"word": (1, 8, 1), "phrase": (1, 1, 1)},
    "suffixes": {"suffix": (1, 1, 1)},
    # Version 4 on: Cyrillic <-> Latin (tables/4/README.md)
    "latin": {
        "letter": (1, 2, 1),
        "case": (2, 2, 1),
        "vowel": (1, 1, 1),
        "read": (2, 2, 1),
        "rule": (4, 4, 0),  # key checked separately: (latin, before, after)
        "alphabet": (3, 3, 2),
        "apostrophe": (1, 1, 1),
        "lookalike": (2, 2, 1),
        "test": (2, 2, 1),
        "test-read": (2, 2, 1),
    },
    "endings": {"suffix": (1, 1, 1)},  # version 3 on: chains of endings from Kazakh grammar
    # From version 3: the gazetteer (tables/3/README.md); `common` marks a name that is also a word
    "names": {"given": (1, 1, 1), "place": (1, 2, 1), "org": (1, 1, 1), "acronym": (1, 2, 1), "phrase": (1, 1, 1)},
}

# Kazakh's precomposed hamza letters: readable input, never output (ORTHOGRAPHY.md §2).
DISCOURAGED = frozenset("\u0675\u0676\u0677\u0678")
# Categories never allowed raw in a table: controls, format characters, unassigned, private use,
# line and paragraph separators.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


# Named tuples, not dataclasses: importing dataclasses (and inspect) costs a one-word pipe 7 ms.
class Row(NamedTuple):
    kind: str
    values: Tuple[str, ...]
    line: int


class Table(NamedTuple):
    name: str
    path: str
    meta: Tuple[Tuple[str, str], ...]
    rows: Tuple[Row, ...]

    def of(self, *kinds: str) -> Iterator[Row]:
        return (r for r in self.rows if r.kind in kinds)

    def meta_value(self, key: str) -> str:
        return dict(self.meta)[key]

    def fail(self, row: Row, message: str) -> TableError:
        return TableError(self.path, row.line, message)


class TableSet(NamedTuple):
    version: str
    directory: str
    digest: str
    writer: Table
    reader: Table
    normalize: Table
    lexicon: Tuple[Table, ...] = ()  # the lexicon-* and suffixes tables, when the version has them
    latin: Optional[Table] = None  # Cyrillic <-> Latin, version 4 on


def tables_root() -> Path:
    """Where the table versions live: beside the installed package, or the source checkout's."""
    override = os.environ.get("JAZU_TABLES_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve()  # src/jazu/tableset/load.py
    packaged = here.parents[1] / "tables"
    if packaged.is_dir():
        return packaged
    return here.parents[3] / "tables"


def available_versions() -> Tuple[str, ...]:
    root = tables_root()
    if not root.is_dir():
        return ()
    found = [p.name for p in root.iterdir() if p.is_dir() and p.name.isdigit()]
    return tuple(sorted(found, key=int))


def resolve_version(version: object = None) -> str:
    """`None` means the newest version shipped; anything else must name a shipped version."""
    known = available_versions()
    if not known:
        raise UnknownTablesError(f"no table versions found under {tables_root()}")
    if version is None:
        return known[-1]
    name = str(version).strip()
    if name not in known:
        raise UnknownTablesError(
            f"unknown table version {version!r}; known versions: {', '.join(known)}"
        )
    return name


def _table_names(directory: Path) -> Tuple[str, ...]:
    optional = LEXICON_NAMES + SCRIPT_NAMES
    return TABLE_NAMES + tuple(n for n in optional if (directory / f"{n}.tsv").is_file())


_digests: Dict[Tuple[str, Tuple[Tuple[str, int, int], ...]], str] = {}


def version_digest(version: str) -> str:
    """sha256 over the version's table files: the key of the compiled cache. Remembered in a
    process while the files' sizes and times stay the same (every part's key asks for it)."""
    directory = tables_root() / version
    names = _table_names(directory)
    stats = [(directory / f"{name}.tsv").stat() for name in names]
    seen = (str(directory), tuple((n, st.st_size, st.st_mtime_ns) for n, st in zip(names, stats)))
    found = _digests.get(seen)
    if found is None:
        h = hashlib.sha256()
        for name in names:
            data = (directory / f"{name}.tsv").read_bytes()
            h.update(name.encode() + b"\0" + data + b"\0")
        found = _digests[seen] = h.hexdigest()
    return found


def load_tableset(version: object = None) -> TableSet:
    name = resolve_version(version)
    directory = tables_root() / name
    tables = {t: parse_table(directory / f"{t}.tsv", t, name) for t in _table_names(directory)}
    return TableSet(
        version=name,
        directory=str(directory),
        digest=version_digest(name),
        writer=tables["writer"],
        reader=tables["reader"],
        normalize=tables["normalize"],
        lexicon=tuple(tables[n] for n in LEXICON_NAMES if n in tables),
        latin=tables.get("latin"),
    )


def _decode_escapes(raw: str, path: Path, line: int) -> str:
    if "\\" not in raw:
        return raw
    out = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and raw.startswith("\\u", i):
            digits = raw[i + 2 : i + 6]
            if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise TableError(path, line, f"bad escape {raw[i:i + 6]!r}: write \\uXXXX")
            out.append(chr(int(digits, 16)))
            i += 6
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _check_raw(text: str, path: Path, line: int) -> None:
    if text.replace("\t", " ").isprintable():
        return  # the common case, checked in C
    for ch in text:
        if ch != "\t" and unicodedata.category(ch) in FORBIDDEN_CATEGORIES:
            raise TableError(
                path, line, f"raw invisible or control character U+{ord(ch):04X}: write it as \\u{ord(ch):04X}"
            )


USER_LEXICON_LIMIT = 16 << 20  # bytes: a user lexicon larger than this is refused


def parse_user_lexicon(path: Path) -> Table:
    """A user's lexicon file: lexicon rows (`word<TAB>spelling…`, `phrase<TAB>…`), meta lines
    optional, validated like the shipped tables; read as data only, never executed."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise TableError(path, 0, f"cannot read the lexicon: {e.strerror}") from None
    if size > USER_LEXICON_LIMIT:
        raise TableError(path, 0, f"the lexicon is {size} bytes; at most {USER_LEXICON_LIMIT} are read")
    return parse_table(path, "lexicon-user", "", require_meta=False)


def parse_table(path: Path, name: str, version: str, require_meta: bool = True) -> Table:
    """Read one table file; every syntax or schema problem names its line."""
    schema = SCHEMAS["lexicon" if name.startswith("lexicon-") else name]
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TableError(path, 0, "table file is missing") from None
    except OSError as e:
        raise TableError(path, 0, f"cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise TableError(path, 0, f"not UTF-8 (byte {e.start})") from None
    meta: Dict[str, str] = {}
    rows = []
    seen: Dict[Tuple[str, ...], int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.endswith("\r"):
            raise TableError(path, number, "CR line end: tables use LF only")
        if not raw.strip() or raw.startswith("#"):
            continue
        _check_raw(raw, path, number)
        if raw != raw.strip(" "):
            raise TableError(path, number, "leading or trailing space: write it as \\u0020")
        fields = [_decode_escapes(f, path, number) for f in raw.split("\t")]
        if raw.startswith("@"):
            key = fields[0][1:]
            if len(fields) != 2 or not fields[1]:
                raise TableError(path, number, f"meta line @{key} needs exactly one value")
            if key in meta:
                raise TableError(path, number, f"duplicate meta line @{key}")
            if rows:
                raise TableError(path, number, "meta lines must come before the rows")
            meta[key] = fields[1]
            continue
        kind, values = fields[0], tuple(fields[1:])
        if kind not in schema:
            known = ", ".join(sorted(schema))
            raise TableError(path, number, f"unknown row kind {kind!r} in a {name} table (known: {known})")
        low, high, key_len = schema[kind]
        if not low <= len(values) <= high:
            want = str(low) if low == high else f"{low} to {high}"
            raise TableError(path, number, f"{kind} rows take {want} values, this one has {len(values)}")
        if any(v == "" for v in values[:key_len] or values[:1]):
            raise TableError(path, number, f"empty key in a {kind} row")
        key = (kind,) + (values[:key_len] if kind != "rule" else (values[0], values[2], values[3]))
        if key_len or kind == "rule":
            if key in seen:
                raise TableError(path, number, f"duplicate {kind} row for {values[0]!r} (first on line {seen[key]})")
            seen[key] = number
        outputs = values[1:]
        if kind in ("letter", "seq", "after-vowel", "char", "rule") or (kind == "test" and name == "writer"):
            for v in outputs:
                bad = DISCOURAGED.intersection(v)
                if bad:
                    ch = sorted(bad)[0]
                    raise TableError(path, number, f"U+{ord(ch):04X} may be read but never written: use U+0621 + the base letter")
        rows.append(Row(kind, values, number))
    if not require_meta:
        return Table(name=name, path=str(path), meta=tuple(meta.items()), rows=tuple(rows))
    for key in REQUIRED_META:
        if key not in meta:
            raise TableError(path, 1, f"missing meta line @{key}")
    if meta["table"] != name:
        raise TableError(path, 1, f"@table says {meta['table']!r} but the file is the {name} table")
    if meta["version"] != version:
        raise TableError(path, 1, f"@version says {meta['version']!r} but the file is in tables/{version}/")
    return Table(name=name, path=str(path), meta=tuple(meta.items()), rows=tuple(rows))
