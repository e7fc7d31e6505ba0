"""Compiled parts in a compact binary form that is memory-mapped, not parsed.

A packed part is a directory of files: marisa tries in marisa's own format, tables of strings and
of counts indexed by a trie's key ids, and `meta.json` for the small rest. Opening one maps the
files (about a millisecond); a look-up reads only the pages it touches, so a short input costs
little time and memory, and worker processes share the pages (parallel.py). The directories are
written by `tableset.compile.load_packed`, which keys and checks them like the JSON cache.

Values are decoded on first look-up and memoised (`PackedLists`): a look-up that hits is then a
dict look-up in C, as fast as a dict built at start-up.
"""

from __future__ import annotations

import json
import mmap
import struct
from array import array
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Sequence

SEPARATOR = "\x1f"  # between the items of a list of strings (tables refuse control characters)
_HEADER = struct.Struct("<4sI")  # magic, number of items
_STRINGS, _COUNTS = b"JZS1", b"JZC1"


def save_trie(path: Path, keys: Iterable[str]) -> Any:
    """A marisa trie of `keys`, saved in marisa's format; returns it (its key ids index the
    tables written beside it)."""
    import marisa_trie

    trie = marisa_trie.Trie(keys)
    trie.save(str(path))
    return trie


def open_trie(path: Path) -> Any:
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.mmap(str(path))
    return trie


def write_strings(path: Path, items: Sequence[str]) -> None:
    """Strings by index: a header, the offsets (n + 1 little-endian uint32) and the UTF-8 text."""
    data = [s.encode("utf-8") for s in items]
    offsets = array("I", [0])
    for blob in data:
        offsets.append(offsets[-1] + len(blob))
    with open(path, "wb") as f:
        f.write(_HEADER.pack(_STRINGS, len(data)))
        f.write(_little(offsets))
        f.writelines(data)


def write_counts(path: Path, values: Sequence[int]) -> None:
    """Unsigned 32-bit counts by index."""
    with open(path, "wb") as f:
        f.write(_HEADER.pack(_COUNTS, len(values)))
        f.write(_little(array("I", values)))


def _little(a: "array[int]") -> bytes:
    if a.itemsize != 4:
        raise ValueError("this platform's array('I') is not 32 bits")
    if struct.pack("=I", 1) != struct.pack("<I", 1):
        a = array("I", a)
        a.byteswap()
    return a.tobytes()


def _map(path: Path, magic: bytes) -> tuple:
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    found, n = _HEADER.unpack_from(mm, 0)
    if found != magic:
        raise ValueError(f"{path}: not a packed table")
    return mm, n


class Strings:
    """A memory-mapped table of strings: `table[i]` decodes one."""

    def __init__(self, path: Path) -> None:
        self._mm, self._n = _map(path, _STRINGS)
        start = _HEADER.size
        self._offsets = _native(memoryview(self._mm)[start : start + 4 * (self._n + 1)])
        self._text = start + 4 * (self._n + 1)
        if self._text + self._offsets[self._n] != len(self._mm):
            raise ValueError(f"{path}: truncated")

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> str:
        base, offsets = self._text, self._offsets
        return self._mm[base + offsets[i] : base + offsets[i + 1]].decode("utf-8")


def read_counts(path: Path) -> Sequence[int]:
    """The counts of `write_counts`, memory-mapped: `counts[i]` is an int."""
    mm, n = _map(path, _COUNTS)
    if len(mm) != _HEADER.size + 4 * n:
        raise ValueError(f"{path}: truncated")
    return _native(memoryview(mm)[_HEADER.size :])


def _native(view: memoryview) -> Sequence[int]:
    if struct.pack("=I", 1) == struct.pack("<I", 1):
        return view.cast("I")
    swapped = array("I", view.tobytes())  # a big-endian machine copies (none we build for)
    swapped.byteswap()
    return swapped


def split(record: str) -> List[str]:
    """A record of `PackedLists`: its items (none for an empty record)."""
    return record.split(SEPARATOR) if record else []


def join(items: Sequence[str]) -> str:
    if any(SEPARATOR in s or not s for s in items):
        raise ValueError(f"cannot pack {items!r}: an empty item or a separator")
    return SEPARATOR.join(items)


class PackedLists(Dict[str, Any]):
    """A read-only mapping {key: value} over a trie and a table of records by key id, decoded on
    first look-up and memoised: `d[key]` that hits is a plain dict look-up in C. Every key of
    the trie has a value (an empty record decodes to an empty one: several mappings may share
    one trie, most keys having a value in only one of them)."""

    def __init__(self, trie: Any, records: Strings, decode: Callable[[str], Any] = split) -> None:
        super().__init__()
        self._trie, self._records, self._decode = trie, records, decode

    def __missing__(self, key: str) -> Any:
        i = self._trie.get(key) if isinstance(key, str) else None
        if i is None:
            raise KeyError(key)
        value = self[key] = self._decode(self._records[i])
        return value

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and key in self._trie)


class PackedCounts:
    """{key: count} over a trie and a table of counts by key id; an absent key counts 0."""

    def __init__(self, trie: Any, counts: Sequence[int]) -> None:
        self._id, self._counts = trie.get, counts

    def get(self, key: str, default: int = 0) -> int:
        i = self._id(key)
        return default if i is None else self._counts[i]


class Part:
    """An opened packed part: its directory, its meta data, and its files, each opened (mapped)
    once and checked by its format when the part is opened (`check`)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        with open(directory / "meta.json", encoding="utf-8") as f:
            self.meta: Dict[str, Any] = json.load(f)
        self._opened: Dict[str, Any] = {}

    def check(self) -> None:
        """Open every file the meta data lists, at the size it lists: raises OSError,
        ValueError or RuntimeError (marisa's) for a file that is missing, cut or not of its
        format."""
        sizes = self.meta["files"]
        found = {p.name: p.stat().st_size for p in self.directory.iterdir() if p.name != "meta.json"}
        if found != sizes:
            raise ValueError(f"{self.directory}: its files are not those it lists")
        for name in sizes:
            self._open(name)

    def _open(self, filename: str) -> Any:
        found = self._opened.get(filename)
        if found is None:
            path = self.directory / filename
            opener = {".marisa": open_trie, ".strings": Strings, ".counts": read_counts}[path.suffix]
            found = self._opened[filename] = opener(path)
        return found

    def trie(self, name: str) -> Any:
        return self._open(f"{name}.marisa")

    def strings(self, name: str) -> Strings:
        return self._open(f"{name}.strings")  # type: ignore[no-any-return]

    def counts(self, name: str) -> Sequence[int]:
        return self._open(f"{name}.counts")  # type: ignore[no-any-return]
