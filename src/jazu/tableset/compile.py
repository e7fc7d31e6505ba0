"""Tables -> the compiled form the converters run on, cached on disk.

The compiled form is plain JSON (never pickle): lookup maps, class strings and regex sources
generated from the tables. It is keyed by table version, the tables' sha256 and COMPILER_VERSION;
a cached file whose key does not match is ignored and rebuilt, so stale data is never used.
The big parts (the lexicon, its n-gram model, the Latin index) are also packed into directories
of memory-mapped files (`tableset/packed.py`, `load_packed`), keyed the same way, so a start-up
maps them instead of parsing them. Old cache entries of a part are pruned as new ones are written.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from jazu.errors import JazuError, TableError
from jazu.tableset import Compiled
from jazu.tableset.load import DISCOURAGED, Table, TableSet, load_tableset, resolve_version, version_digest

COMPILER_VERSION = 6

_memory: Dict[Tuple[str, str], Compiled] = {}
_lock = threading.RLock()  # a packed part is built from a JSON part, under the same lock
KEEP_CACHED = 4  # cache entries kept per part and table version (two installs may share a cache)


def cache_dir() -> Optional[Path]:
    """Where compiled tables are kept between runs; JAZU_CACHE_DIR=off disables the disk cache."""
    chosen = os.environ.get("JAZU_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jazu"


def load_compiled(version: object = None) -> Compiled:
    """The compiled tables of one version (letters, rules, normalisation; small and quick to
    load): from memory, else the disk cache, else compiled now."""
    return _load(resolve_version(version), "tables")


def load_part(version: object, part: str, build: Callable[[TableSet, Compiled], Compiled]) -> Compiled:
    """A further compiled part of a version (the Arabic reader's lexicon: `arabic.lexicon`),
    cached like the tables in a file of its own, so that what does not need it never loads it:
    `build(tableset, compiled tables)` makes it when no cache holds it."""
    return _load(resolve_version(version), part, build)


def _load(name: str, part: str, build: Optional[Callable[[TableSet, Compiled], Compiled]] = None) -> Compiled:
    with _lock:
        hit = _memory.get((name, part))
        if hit is not None:
            return hit
        key = _key(name)
        compiled = _read_cache(part, name, key)
        if compiled is None:
            tableset = load_tableset(name)
            if build is None:
                compiled = compile_tableset(tableset)
            else:
                core = _memory.get((name, "tables")) or compile_tableset(tableset)
                compiled = build(tableset, core)
            _write_cache(part, name, key, compiled)
        _memory[(name, part)] = compiled
        return compiled


def load_packed(version: object, part: str, build: Callable[[Path], Dict[str, Any]]) -> Any:
    """A packed part of a version (`tableset.packed.Part`): mapped from the disk cache, else
    built now by `build(directory)`, which writes its files there and returns its meta data.
    Without a usable cache directory it is built in a temporary one, removed at exit."""
    from jazu.tableset.packed import Part

    name = resolve_version(version)
    with _lock:
        hit = _memory.get((name, part))
        if hit is not None:
            return hit
        key = _key(name)
        path = _cache_file(part, name, key, "")
        opened = _open_packed(path, key) if path is not None else None
        if opened is None:
            opened = Part(_build_packed(path, part, key, build))
        _memory[(name, part)] = opened  # type: ignore[assignment]
        return opened


def _open_packed(path: Path, key: Dict[str, Any]) -> Any:
    """The part at `path` if it is whole and of `key`, else None (then it is rebuilt): every
    file it lists is opened and checked by its size and format (a cut or damaged file would be
    mapped as it is)."""
    from jazu.tableset.packed import Part

    try:
        opened = Part(path)
        if opened.meta.get("key") != key:
            return None
        opened.check()
    except (OSError, ValueError, RuntimeError, KeyError, TypeError, AttributeError):
        return None
    return opened


def _build_packed(path: Optional[Path], part: str, key: Dict[str, Any], build: Callable[[Path], Dict[str, Any]]) -> Path:
    """Build into a fresh directory and rename it into place, so a reader never sees half a part;
    returns where it is."""
    import shutil
    import tempfile  # (here: only a cache miss writes, and a start-up should not import them)

    parent = path.parent if path is not None else None
    tmp: Optional[Path] = None
    if parent is not None:
        try:
            parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(dir=parent, prefix=".tmp-"))
            _write_packed(tmp, key, build)
        except OSError:  # a read-only or full cache: built in a temporary directory instead
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            tmp = parent = None
    if parent is None or path is None or tmp is None:
        try:
            tmp = Path(tempfile.mkdtemp(prefix="jazu-"))
            _remove_at_exit(tmp)
            _write_packed(tmp, key, build)
        except OSError as e:
            raise JazuError(f"cannot write the packed tables in {tmp or tempfile.gettempdir()}: {e.strerror}") from None
        return tmp
    try:
        if _open_packed(path, key) is not None:  # another process has just put a good one there
            shutil.rmtree(tmp, ignore_errors=True)
            return path
        if path.exists():  # a broken or foreign entry under our name: moved aside first
            aside = Path(tempfile.mkdtemp(dir=parent, prefix=".old-"))
            os.replace(path, aside / "part")
            shutil.rmtree(aside, ignore_errors=True)
        os.replace(tmp, path)
    except OSError:
        if _open_packed(path, key) is None:  # no other process put a good one there: use ours
            _remove_at_exit(tmp)
            return tmp
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(path, part, key["version"])
    return path


def _write_packed(directory: Path, key: Dict[str, Any], build: Callable[[Path], Dict[str, Any]]) -> None:
    """Build a part's files into `directory`, then its meta data, each synced to the disk before
    the directory is renamed into place (a crash then leaves no file of the right size with the
    wrong bytes). Interrupted, the directory is removed."""
    import shutil

    try:
        meta = build(directory)
        meta["key"] = key
        meta["files"] = {p.name: p.stat().st_size for p in directory.iterdir()}
        with open(directory / "meta.json", "w", encoding="utf-8") as f:  # written last: it marks a whole part
            json.dump(meta, f, ensure_ascii=False)
        for name in list(meta["files"]) + ["meta.json"]:
            fd = os.open(directory / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise


def _remove_at_exit(directory: Path) -> None:
    import atexit
    import shutil

    # The files stay readable through their mappings once removed (POSIX).
    atexit.register(shutil.rmtree, directory, True)


STALE_SECONDS = 3600  # a half-built directory older than this was left by a process that died


def _prune(path: Path, part: str, name: str) -> None:
    """Keep the KEEP_CACHED newest entries of this part and version: every code or table
    change writes a new one, and nothing else removes the old. Half-built directories left by
    a process that died are removed too."""
    import shutil
    import time

    prefix = f"{part}-v{name}-"
    try:
        entries = sorted(
            (p for p in path.parent.iterdir() if p.name.startswith(prefix)),
            key=lambda p: p.stat().st_mtime, reverse=True,
        )
        stale = [
            p for p in path.parent.iterdir()
            if p.name.startswith((".tmp-", ".old-")) and p.stat().st_mtime < time.time() - STALE_SECONDS
        ]
    except OSError:
        return
    for old in entries[KEEP_CACHED:] + stale:
        if old == path:
            continue
        try:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        except OSError:
            pass


def _key(name: str) -> Dict[str, Any]:
    return {
        "version": name, "digest": version_digest(name), "compiler": COMPILER_VERSION, "code": _code_digest(),
        "byteorder": sys.byteorder,
    }


# The modules whose code shapes the compiled form: a change to any of them is a new cache key,
# so an upgraded jazu never runs on a cache written by an older one.
_COMPILING_MODULES = (
    "tableset/compile.py", "tableset/load.py", "tableset/packed.py", "arabic/writer.py", "arabic/lexicon.py",
    "arabic/ngram.py", "latin/writer.py", "latin/index.py",
)


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """The package's own code is the same for the life of a process."""
    import hashlib

    import regex

    h = hashlib.sha256()
    # The regex engine and the Unicode database shape the compiled character classes too.
    h.update(f"{regex.__version__}|{unicodedata.unidata_version}".encode())
    here = Path(__file__).resolve().parents[1]  # the package
    for name in _COMPILING_MODULES:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def _cache_file(part: str, name: str, key: Dict[str, Any], extension: str = ".json") -> Optional[Path]:
    directory = cache_dir()
    if directory is None:
        return None
    return directory / f"{part}-v{name}-{key['digest'][:16]}-{key['code']}-c{COMPILER_VERSION}{extension}"


def _read_cache(part: str, name: str, key: Dict[str, Any]) -> Optional[Compiled]:
    path = _cache_file(part, name, key)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None  # written by another table or compiler version: never trust it
    return data["compiled"]


def _write_cache(part: str, name: str, key: Dict[str, Any], compiled: Compiled) -> None:
    import tempfile

    path = _cache_file(part, name, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"key": key, "compiled": compiled}, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only home only costs a recompile next time
    _prune(path, part, name)


# --- compilation -------------------------------------------------------------------------------


def trie_pattern(keys: Iterable[str]) -> str:
    """A regex alternation for `keys`, shaped as their trie so matching never backtracks across
    siblings and the longest key wins (a key that is a prefix of another becomes optional)."""
    trie: Dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: Dict[str, Any]) -> str:
        ends = "" in node
        branches = [_escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return render(trie)


def _escape(ch: str) -> str:
    return "\\" + ch if not ch.isalnum() else ch


def _class_letters(table: Table, name: str) -> str:
    for row in table.of("class"):
        if row.values[0] == name:
            return row.values[1].replace(" ", "")
    raise TableError(table.path, 0, f"missing class row {name!r}")


def _single(table: Table, kind: str) -> str:
    rows = list(table.of(kind))
    if len(rows) != 1:
        raise TableError(table.path, rows[1].line if len(rows) > 1 else 0, f"need exactly one {kind} row")
    if len(rows[0].values[0]) != 1:
        raise table.fail(rows[0], f"a {kind} row holds one character")
    return rows[0].values[0]


def _check_rows(table: Table, kinds: Iterable[str], one_char_key: bool = True, empty_ok: bool = False) -> None:
    """Keys that the compiled code uses as characters must be one character; outputs must not
    be empty (an empty output would silently delete text) unless `empty_ok`."""
    for kind in kinds:
        for row in table.of(kind):
            if one_char_key and len(row.values[0]) != 1:
                raise table.fail(row, f"{kind} keys are one character, not {row.values[0]!r}")
            if not empty_ok and any(v == "" for v in row.values[1:]):
                raise table.fail(row, f"a {kind} row needs every value (an empty one would delete text)")


def _range(table: Table, row: Any) -> Tuple[int, int]:
    first, last = row.values
    if len(first) != 1 or len(last) != 1:
        raise table.fail(row, f"{row.kind} ranges are two single characters")
    if ord(last) < ord(first):
        raise table.fail(row, f"{row.kind} range ends before it starts")
    return ord(first), ord(last)


def compile_writer(table: Table) -> Compiled:
    _check_rows(table, ("after-vowel", "punct"))
    _check_rows(table, ("seq", "hyphen"), one_char_key=False)
    letters: Dict[str, str] = {}
    for row in table.of("letter"):
        cyr = row.values[0]
        if len(cyr) != 1 or not cyr.islower() or unicodedata.name(cyr, "").split()[0] != "CYRILLIC":
            raise table.fail(row, f"letter keys are single lowercase Cyrillic letters, not {cyr!r}")
        letters[cyr] = row.values[1] if len(row.values) > 1 else ""
    for row in table.of("seq"):
        if len(row.values[0]) < 2 or any(c not in letters for c in row.values[0]):
            raise table.fail(row, "seq keys are two or more letters of the letter rows")
    classes = {n: _class_letters(table, n) for n in ("vowel", "front", "back", "hamza-blocker")}
    for name, members in classes.items():
        unknown = [c for c in members if c not in letters]
        if unknown:
            raise TableError(table.path, 0, f"class {name} names non-letters {unknown}")
    hyphen = {row.values[0]: row.values[1] for row in table.of("hyphen")}
    if set(hyphen) != {"letter", "digit"}:
        raise TableError(table.path, 0, "hyphen rows must be exactly: letter, digit")
    # The writer puts marks into Arabic before it looks for words: no output may hold a letter.
    for row in table.of("punct", "hyphen"):
        if any(ch.isalpha() for ch in row.values[1]):
            raise table.fail(row, f"{row.kind} outputs may not hold letters")
    abbrs = []
    for row in table.of("abbr"):
        word = row.values[0]
        if not (len(word) >= 2 and word.isupper() and all(c.lower() in letters for c in word)):
            raise table.fail(row, f"abbr {word!r} is not an all-caps Cyrillic word")
        abbrs.append(word)
    seq = {row.values[0]: row.values[1] for row in table.of("seq")}
    # The writer replaces letter sequences one key after another (str.replace, `Writer._words`):
    # that equals one leftmost scan only if no two keys can overlap or hold each other, and no
    # key holds a letter spelt apart after a vowel.
    after_vowel_keys = {row.values[0] for row in table.of("after-vowel")}

    def overlap(a: str, b: str) -> bool:  # can b start inside a, or stand inside it?
        return b in a or any(a.endswith(b[:i]) for i in range(1, len(b)))

    earlier: List[str] = []
    for row in table.of("seq"):
        key = row.values[0]
        if after_vowel_keys.intersection(key):
            raise table.fail(row, f"seq key {key!r} holds an after-vowel letter")
        for other in earlier:
            if overlap(key, other) or overlap(other, key):
                raise table.fail(row, f"seq keys {key!r} and {other!r} can overlap")
        earlier.append(key)
    hamza = _single(table, "hamza")
    # The hamza before a word is the reader's sign of a front word: no letter may spell it.
    for row in table.of("letter", "seq", "after-vowel", "style"):
        if hamza in row.values[-1]:
            raise table.fail(row, f"{row.kind} rows may not output the hamza {hamza!r}: it only marks front words")
    styles: Dict[str, Dict[str, Any]] = {}
    for row in table.of("style"):
        name, rule, *args = row.values
        style = styles.setdefault(name, {"letters": {}, "after_vowel": True, "rewrites": [], "doubles": False, "epenthesis": []})
        if rule == "letter" and len(args) == 2 and args[0] in letters:
            style["letters"][args[0]] = args[1]
        elif rule == "after-vowel" and args == ["none"]:
            style["after_vowel"] = False
        elif rule == "rewrite" and len(args) == 2:
            style["rewrites"].append(args)
        elif rule == "doubles" and args == ["collapse"]:
            style["doubles"] = True
        elif rule == "epenthesis" and args[0] in letters and args[1:] in ([], ["strict"]):
            # strict (version 4 on): и у й ю я ё before the letter are no consonant (цирк, курс)
            style["epenthesis"].append([args[0], args[1:] == ["strict"]])
        else:
            raise table.fail(row, f"unknown style rule {rule!r} {args}: see the comment above the style rows")
    # Output profiles (version 4 on): a named spelling style and hamza for Arabic output.
    profiles: Dict[str, Dict[str, Optional[str]]] = {}
    for row in table.of("profile"):
        name, kind, value = row.values
        profile = profiles.setdefault(name, {"style": None, "hamza": None})
        if kind == "style" and (value == "house" or value in styles):
            profile["style"] = None if value == "house" else value
        elif kind == "hamza" and len(value) == 1 and 0x0600 <= ord(value) <= 0x06FF:
            profile["hamza"] = value
        else:
            raise table.fail(row, f"profile rows set a style (house or a style's name) or a hamza (one Arabic character), not {kind} {value!r}")
    for row in table.of("profile-test"):
        if row.values[0] not in profiles:
            raise table.fail(row, f"profile-test for {row.values[0]!r}, which no profile row names")
    return {
        "profiles": profiles,
        "styles": styles,
        "letters": letters,
        "seq": seq,
        "seq_pattern": trie_pattern(seq),
        "after_vowel": {row.values[0]: row.values[1] for row in table.of("after-vowel")},
        "classes": classes,
        "hamza": hamza,
        "punct": {row.values[0]: row.values[1] for row in table.of("punct")},
        "hyphen": hyphen,
        "abbr": abbrs,
    }


_CONTEXTS = {"*", "^", "$", "V", "C"}
# Where other outlets put the hamza (ORTHOGRAPHY.md §8); the house rule is the writer's.
HAMZA_CONVENTIONS = ("all-front", "any-front")
CASE_KINDS = (
    "patronymic", "surname-ending", "given-ending", "number-suffix", "agency", "org-head", "org-stop",
    "quote-continues", "name-opener", "name-type", "home-state",
    # version 4 on
    "place-type", "named-after", "head-title", "origin-suffix", "dateline-dash", "quote-name",
)
# What a `quote-name` row may ask for (capitals.py: quotations that hold a name).
QUOTE_NAMES = ("letter", "unknown-word")
# Row kinds whose values are one punctuation character, not a Cyrillic word.
PUNCTUATION_KINDS = ("name-opener", "dateline-dash")


def compile_reader(table: Table) -> Compiled:
    _check_rows(table, ("vowel", "letter", "punct"))
    _check_rows(table, ("hyphen", "invariant", "rule"), one_char_key=False)
    vowels = {}
    for row in table.of("vowel"):
        if len(row.values[0]) != 1:
            raise table.fail(row, "vowel keys are single Arabic letters")
        vowels[row.values[0]] = [row.values[1], row.values[2]]
    letters = {}
    for row in table.of("letter"):
        if len(row.values[0]) != 1:
            raise table.fail(row, "letter keys are single Arabic letters")
        if row.values[0] in vowels:
            raise table.fail(row, f"{row.values[0]!r} is a vowel row already")
        letters[row.values[0]] = row.values[1]
    harmony = {"back": 0, "front": 1}
    markers, evidence = {}, {}
    for kind, target in (("marker", markers), ("evidence", evidence)):
        for row in table.of(kind):
            if row.values[1] not in harmony:
                raise table.fail(row, f"harmony must be back or front, not {row.values[1]!r}")
            if row.values[0] not in letters:
                raise table.fail(row, f"{kind} {row.values[0]!r} is not a letter row")
            target[row.values[0]] = harmony[row.values[1]]
    rules: List[List[Any]] = []
    for row in table.of("rule"):
        key, cyr, before, after, harm = row.values
        for ctx in (before, after):
            if ctx not in _CONTEXTS and not all(c in letters or c in vowels for c in ctx):
                raise table.fail(row, f"context {ctx!r} is not *, ^, $, V, C or a run of letters")
        if before == "$" or after == "^":
            raise table.fail(row, "^ is for before, $ for after")
        if harm not in ("back", "front", "-"):
            raise table.fail(row, f"harmony must be back, front or -, not {harm!r}")
        if any(c not in letters and c not in vowels for c in key):
            raise table.fail(row, f"rule key {key!r} has letters outside the letter and vowel rows")
        rules.append([key, cyr, before, after, harmony.get(harm)])
    # Longest key first; among equal keys, table order (the sort is stable).
    rules.sort(key=lambda r: -len(r[0]))
    hyphen = {row.values[0]: row.values[1] for row in table.of("hyphen")}
    if not {"letter", "digit"} <= set(hyphen) <= {"letter", "digit", "digit-spaced"}:
        raise TableError(table.path, 0, "hyphen rows must be: letter, digit (and digit-spaced, from version 3)")
    conventions = []
    for row in table.of("convention"):
        if row.values[0] != "hamza" or row.values[1] not in HAMZA_CONVENTIONS:
            raise table.fail(row, f"unknown convention {' '.join(row.values)!r}; known: hamza {', hamza '.join(HAMZA_CONVENTIONS)}")
        conventions.append(row.values[1])
    # The rules of capitals and of joined words (version 3 on): Cyrillic words, lower case,
    # checked here so that a typo is a file:line error rather than a rule that never fires.
    case: Dict[str, List[str]] = {}
    for kind in CASE_KINDS:
        for row in table.of(kind):
            value = row.values[0]
            lower = value.islower() or kind == "agency"  # an agency is written as it writes itself
            script = unicodedata.name(value[0], "").split()[0]
            if kind == "quote-name":
                if value not in QUOTE_NAMES:
                    raise table.fail(row, f"unknown quote-name {value!r}; known: {', '.join(QUOTE_NAMES)}")
            elif kind in PUNCTUATION_KINDS:
                if len(value) != 1 or value.isalnum() or value.isspace():
                    raise table.fail(row, f"{kind} rows hold one punctuation character, not {value!r}")
            elif not value.isalpha() or not lower or script != "CYRILLIC" and not (kind == "agency" and script == "LATIN"):
                raise table.fail(row, f"{kind} rows hold one lower-case Cyrillic word, not {value!r}")
            case.setdefault(kind, []).append(value)
    loan_initials: Dict[str, str] = {}
    for row in table.of("loan-initial"):
        if not all(len(v) == 1 and v.islower() for v in row.values):
            raise table.fail(row, "loan-initial rows map one lower-case Cyrillic letter to another")
        loan_initials[row.values[0]] = row.values[1]
    # The reader puts punctuation into ASCII before it looks for words and sentence ends: that
    # is only safe for one character that is no letter, mark, digit or \w in, one such out.
    import regex

    not_a_letter = regex.compile(r"[^\p{L}\p{M}\p{N}_]")
    for row in table.of("punct"):
        if len(row.values[1]) != 1 or not all(not_a_letter.fullmatch(v) and not v.isalnum() for v in row.values):
            raise table.fail(row, "punct rows map one character that is no letter, mark or digit to one such")
    return {
        "vowels": vowels,
        "letters": letters,
        "markers": markers,
        "evidence": evidence,
        "rules": rules,
        "hamza": _single(table, "hamza"),
        "punct": {row.values[0]: row.values[1] for row in table.of("punct")},
        "hyphen": hyphen,
        "invariant": [list(row.values) for row in table.of("invariant")],
        "conventions": conventions,
        "case": case,
        "loan_initials": loan_initials,
    }


# Arabic letters no Kazakh text uses, which stand for letters of another script typed in a word
# (`lookalike` rows) between the normaliser and the reader (`normalize.Normalizer`).
PLACEHOLDERS = "\u0620\u063b\u063c\u063d\u063e\u063f"


def compile_normalize(table: Table) -> Compiled:
    chars: Dict[str, str] = {}
    for row in table.of("char"):
        if len(row.values[0]) != 1:
            raise table.fail(row, "char rows map one character")
        chars[row.values[0]] = row.values[1]
    explicit = dict(chars)
    _check_rows(table, ("char",))
    for row in table.of("nfkc"):
        first, last = _range(table, row)
        for cp in range(first, last + 1):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and ch not in explicit:
                # NFKC puts the hamza after the letter for U+0675-U+0678: they have char rows.
                if DISCOURAGED.intersection(folded):
                    raise table.fail(row, f"U+{cp:04X} folds to a discouraged letter")
                chars[ch] = "".join(explicit.get(c, c) for c in folded.strip())
    lookalikes: Dict[str, List[Any]] = {}
    for row in table.of("lookalike"):
        char, arabic, harmony = row.values
        if len(char) != 1 or not char.isalpha() or unicodedata.name(char, "").split()[0] == "ARABIC":
            raise table.fail(row, f"lookalike keys are one letter of another script, not {char!r}")
        if harmony not in ("back", "front"):
            raise table.fail(row, f"harmony must be back or front, not {harmony!r}")
        lookalikes[char] = [arabic, harmony]
        if len({tuple(v) for v in lookalikes.values()}) > len(PLACEHOLDERS):
            raise table.fail(row, f"at most {len(PLACEHOLDERS)} distinct lookalike readings")
    strip = []
    for row in table.of("strip"):
        first, last = _range(table, row)
        strip.extend(chr(cp) for cp in range(first, last + 1))
    return {"chars": chars, "strip": "".join(strip), "lookalikes": lookalikes}


def class_of(chars: Iterable[str]) -> str:
    """A regex character class body for `chars`, written as ranges: the regex engine tests a few
    ranges far faster than a long list of single characters or a property set operation."""
    spans: List[List[int]] = []
    for cp in sorted({ord(c) for c in chars}):
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "".join(f"\\u{a:04X}" if a == b else f"\\u{a:04X}-\\u{b:04X}" for a, b in spans)


def char_ranges(property_class: str, blocks: Iterable[Tuple[int, int]]) -> str:
    """The characters of `blocks` that match a regex property class, as a class body."""
    import regex

    test = regex.compile("(?V1)" + property_class)
    return class_of(chr(cp) for first, last in blocks for cp in range(first, last + 1) if test.match(chr(cp)))


def compile_scripts() -> Compiled:
    arabic_blocks = [(0x0600, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
    cyrillic_blocks = [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)]
    # Combining marks that can sit on a Cyrillic letter (decomposed й ё, accents, titlo).
    mark_blocks = [(0x0300, 0x036F), (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
                   (0x20D0, 0x20FF), (0x2DE0, 0x2DFF), (0xA66F, 0xA69F), (0xFE20, 0xFE2F)]
    return {
        "arabic_letter": char_ranges(r"[\p{Arabic}&&[\p{L}\p{M}]]", arabic_blocks),
        "cyrillic_letter": char_ranges(r"[\p{Cyrillic}&&\p{L}]", cyrillic_blocks),
        "combining_mark": char_ranges(r"\p{M}", mark_blocks),
    }


LATIN_ALPHABETS = ("2017", "2018")


def compile_latin(table: Table) -> Compiled:
    """Cyrillic <-> Latin (version 4 on): the writer's letters, the 31 letters' capitals, and
    what the reader reads, each row checked against the alphabet the case rows define."""
    upper: Dict[str, str] = {}
    for row in table.of("case"):
        low, up = row.values
        if len(low) != 1 or len(up) != 1 or not low.isalpha() or low == up:
            raise table.fail(row, f"case rows map one lower-case letter to its capital, not {low!r} -> {up!r}")
        upper[low] = up
    alphabet = frozenset(upper)

    def latin(row: Any, value: str, what: str) -> str:
        bad = sorted(set(value) - alphabet)
        if not value or bad:
            raise table.fail(row, f"{what} {value!r} holds {bad[0] if bad else 'nothing'!r}, no letter of the case rows")
        return value

    letters: Dict[str, str] = {}
    for row in table.of("letter"):
        cyr = row.values[0]
        if len(cyr) != 1 or not cyr.islower() or not unicodedata.name(cyr, "").startswith("CYRILLIC"):
            raise table.fail(row, f"letter rows map one lower-case Cyrillic letter, not {cyr!r}")
        letters[cyr] = latin(row, row.values[1], "the Latin") if len(row.values) > 1 else ""
    vowels = [latin(row, row.values[0], "the vowel") for row in table.of("vowel")]
    reads = {latin(row, row.values[0], "the unit"): row.values[1] for row in table.of("read")}
    missing = sorted(alphabet - set(reads))
    if missing:
        raise TableError(Path(table.path), 0, f"no read row for the letter {missing[0]!r}")
    rules = []
    for row in table.of("rule"):
        unit, cyr, before, after = row.values
        if unit not in reads:
            raise table.fail(row, f"rule for {unit!r}, which is no read row's unit")
        if before not in ("V", "C", "^", "*") or after not in ("V", "C", "$", "*"):
            raise table.fail(row, "rule contexts: before V C ^ *, after V C $ *")
        rules.append([unit, cyr, before, after])
    alphabets: Dict[str, List[List[str]]] = {}
    for row in table.of("alphabet"):
        name, spelling, now = row.values
        if name not in LATIN_ALPHABETS:
            raise table.fail(row, f"unknown alphabet {name!r}; known: {', '.join(LATIN_ALPHABETS)}")
        alphabets.setdefault(name, []).append([spelling, latin(row, now, "the 2021 spelling")])
    apostrophes = ""
    for row in table.of("apostrophe"):
        mark = row.values[0]
        # ʼ (U+02BC) is a modifier letter, the one kind of letter allowed here
        if len(mark) != 1 or (mark.isalnum() and unicodedata.category(mark) != "Lm"):
            raise table.fail(row, f"apostrophe rows hold one mark that is no letter or digit, not {mark!r}")
        apostrophes += mark
    lookalikes = {}
    for row in table.of("lookalike"):
        ch, letter = row.values
        if len(ch) != 1 or ch in alphabet:
            raise table.fail(row, f"lookalike keys are one character outside the alphabet, not {ch!r}")
        lookalikes[ch] = latin(row, letter, "the letter")
    return {
        "letters": letters, "upper": upper, "vowels": vowels, "reads": reads, "rules": rules,
        "alphabets": alphabets, "apostrophes": apostrophes, "lookalikes": lookalikes,
    }


def compile_tableset(tableset: TableSet) -> Compiled:
    return {
        "latin": compile_latin(tableset.latin) if tableset.latin is not None else None,
        "version": tableset.version,
        "digest": tableset.digest,
        "scripts": compile_scripts(),
        "writer": compile_writer(tableset.writer),
        "reader": compile_reader(tableset.reader),
        "normalize": compile_normalize(tableset.normalize),
        "has_lexicon": bool(tableset.lexicon),
    }
