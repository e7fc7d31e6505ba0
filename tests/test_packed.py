"""Packed parts (memory-mapped tries and tables, tableset/packed.py) hold exactly what the
in-memory structures built from the same compiled data hold, and their cache is keyed, checked,
rebuilt when broken and pruned."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

import pytest

from jazu.arabic.lexicon import Lexicon, lexicon_source, load_lexicon
from jazu.arabic.ngram import NgramModel
from jazu.arabic.reader.capitals import Forms, Triggers, _after_possessive
from jazu.latin.index import index_lexicon, load_latin_index
from jazu.tableset import compile as compiler
from jazu.tableset.compile import load_compiled
from jazu.tableset.packed import PackedLists, Strings, read_counts, save_trie, write_counts, write_strings


def test_strings_and_counts_read_back_and_refuse_a_truncated_file(tmp_path: Path) -> None:
    items = ["", "кітап", "قازاق\x00", "a" * 1000, "🙂"]
    write_strings(tmp_path / "s.strings", items)
    table = Strings(tmp_path / "s.strings")
    assert [table[i] for i in range(len(table))] == items
    write_counts(tmp_path / "c.counts", [0, 1, 2**32 - 1])
    assert list(read_counts(tmp_path / "c.counts")) == [0, 1, 2**32 - 1]
    data = (tmp_path / "s.strings").read_bytes()
    (tmp_path / "s.strings").write_bytes(data[:-1])
    with pytest.raises(ValueError, match="truncated"):
        Strings(tmp_path / "s.strings")
    (tmp_path / "c.counts").write_bytes(b"JZS1" + b"\0" * 4)
    with pytest.raises(ValueError, match="not a packed table"):
        read_counts(tmp_path / "c.counts")


def test_packed_lists_decode_on_first_look_up(tmp_path: Path) -> None:
    trie = save_trie(tmp_path / "t.marisa", ["аб", "ав", "б"])
    ordered = sorted(["аб", "ав", "б"], key=trie.key_id)
    values = {"аб": "x\x1fy", "ав": "", "б": "z"}
    write_strings(tmp_path / "r.strings", [values[k] for k in ordered])
    lists = PackedLists(trie, Strings(tmp_path / "r.strings"))
    assert lists["аб"] == ["x", "y"] and lists.get("б") == ["z"] and lists["ав"] == [] and "ав" in lists
    assert "в" not in lists and lists.get("в", ()) == () and lists.get(3) is None and 3 not in lists
    with pytest.raises(KeyError):
        lists["в"]


@pytest.mark.parametrize("version", ["3", "4"])
def test_the_packed_lexicon_holds_what_the_compiled_one_does(version: str) -> None:
    source = lexicon_source(version)
    built, packed = Lexicon(source["lexicon"]), load_lexicon(version).lexicon
    keys = list(built._readings)
    assert sorted(packed._trie.keys()) == sorted(keys) and len(packed) == len(built)
    for key in keys:
        assert packed._readings[key] == built._readings[key]
        assert (packed._otherwise.get(key) or None) == built._otherwise.get(key)  # {}: none
        assert list(packed.whole_words.get(key, ())) == list(built.whole_words.get(key, ()))
    assert packed.hyphen_heads == built.hyphen_heads and packed._suffixes == built._suffixes
    assert packed.cyrillic_suffixes == built.cyrillic_suffixes and packed.phrases == built.phrases
    rng = random.Random(7)
    words = [w for found in built._readings.values() for w in found]
    for word in rng.sample(words, 2000):
        low = word.lower()
        for probe in (low, low + "ның", low[:-1], low + "дар"):
            assert packed.knows(probe) == built.knows(probe) and packed.knows(probe, True) == built.knows(probe, True)
    for key in rng.sample(keys, 2000):
        for probe in (key, key + "ى", key + "لار", key[:-1]):
            assert list(packed.stems(probe)) == list(built.stems(probe))


def test_the_packed_ngram_model_scores_exactly_as_the_trained_one() -> None:
    source = lexicon_source("4")
    built, packed = NgramModel(source["ngram"]), load_lexicon("4").ngram
    rng = random.Random(3)
    words = ["компания", "көмпәния", "экономика", "економика", "qwerty", "", "ъъъ"]
    words += rng.sample([e[1] for e in source["lexicon"]["entries"]], 500)
    for word in words:
        assert packed.score(word) == built.score(word), word


def test_the_packed_latin_index_holds_what_the_lexicon_gives() -> None:
    compiled = load_compiled("4")
    expected = index_lexicon(compiled["latin"], lexicon_source("4")["lexicon"])
    index = load_latin_index("4", compiled["latin"], lambda: lexicon_source("4")["lexicon"])
    assert sorted(index.trie.keys()) == sorted(expected["whole"])
    assert all(index.whole[k] == v for k, v in expected["whole"].items())
    assert index.suffixes == expected["suffixes"]


def _eager_triggers(rules: Iterable[Tuple[str, Iterable[str]]]) -> Dict[str, str]:
    """The map Triggers works out lazily, listed whole (as the reader once built it)."""
    found: Dict[str, str] = {}
    for kind, words in rules:
        for word in words:
            found.setdefault(word, kind)
    for word, kind in list(found.items()):
        found.setdefault(word[:1].upper() + word[1:], kind)
    return found


def test_triggers_find_what_the_listed_map_does() -> None:
    compiled = load_compiled("4")
    rows = compiled["reader"]["case"]
    endings = frozenset(load_lexicon("4").lexicon.cyrillic_suffixes)
    names = load_lexicon("4").names

    none: frozenset = frozenset()
    rules = [  # kind, words, the endings they may take
        ("number-suffix", rows.get("number-suffix", []), none), ("named-after", rows.get("named-after", []), none),
        ("place-type", rows.get("place-type", []), _after_possessive(endings)),
        ("org-head", rows.get("org-head", []), endings), ("patronymic", rows.get("patronymic", []), endings),
        ("given", sorted(names["given"]), none), ("org", [o.lower() for o in names["orgs"]], endings),
        ("acronym", sorted(a.lower() for a in names["acronyms"]), none),
    ]
    lists = [(kind, list(words) + [w + e for w in words for e in sorted(ends)]) for kind, words, ends in rules]
    lazy = Triggers([(kind, Forms(words, ends)) for kind, words, ends in rules])
    eager = _eager_triggers(lists)
    assert len(eager) > 10_000
    probes = list(eager) + [w.upper() for w in itertools.islice(eager, 0, None, 97)] + ["ауыл", "Ауыл", "", "1"]
    for probe in probes:
        expected: Optional[str] = eager.get(probe)
        assert lazy(probe) == expected, probe


def test_a_packed_part_is_cached_checked_rebuilt_and_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAZU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiler, "_memory", {})
    built = []

    def build(directory: Path) -> dict:
        built.append(directory)
        save_trie(directory / "t.marisa", ["а", "б"])
        return {"n": 2}

    part = compiler.load_packed("1", "test", build)
    assert part.meta["n"] == 2 and part.trie("t").keys() and len(built) == 1
    [entry] = tmp_path.glob("test-v1-*")
    assert entry.is_dir() and json.loads((entry / "meta.json").read_text())["key"]["version"] == "1"
    monkeypatch.setattr(compiler, "_memory", {})
    compiler.load_packed("1", "test", build)
    assert len(built) == 1  # mapped from the cache
    meta = json.loads((entry / "meta.json").read_text())
    meta["key"]["digest"] = "0" * 64  # another version of the tables wrote it: never trusted
    (entry / "meta.json").write_text(json.dumps(meta))
    monkeypatch.setattr(compiler, "_memory", {})
    compiler.load_packed("1", "test", build)
    assert len(built) == 2 and json.loads((entry / "meta.json").read_text())["key"]["digest"] != "0" * 64
    (entry / "meta.json").write_text("{")  # a broken entry is rebuilt too
    monkeypatch.setattr(compiler, "_memory", {})
    compiler.load_packed("1", "test", build)
    assert len(built) == 3 and not list(tmp_path.glob(".tmp-*")) and not list(tmp_path.glob(".old-*"))
    data = (entry / "t.marisa").read_bytes()
    (entry / "t.marisa").write_bytes(data[: len(data) // 2])  # a cut file: never mapped
    monkeypatch.setattr(compiler, "_memory", {})
    assert compiler.load_packed("1", "test", build).trie("t").keys() and len(built) == 4
    for i in range(6):  # entries of older code: the newest KEEP_CACHED are kept
        old = tmp_path / f"test-v1-old{i}"
        old.mkdir()
    monkeypatch.setattr(compiler, "_memory", {})
    (entry / "meta.json").unlink()
    compiler.load_packed("1", "test", build)
    assert entry.is_dir() and len(list(tmp_path.glob("test-v1-*"))) == compiler.KEEP_CACHED


def test_without_a_cache_directory_a_packed_part_is_built_in_a_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JAZU_CACHE_DIR", "off")
    monkeypatch.setattr(compiler, "_memory", {})
    part = compiler.load_packed("1", "test", lambda d: save_trie(d / "t.marisa", ["а"]) and {})
    assert part.trie("t").keys() == ["а"] and "jazu-" in part.directory.name
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")  # a cache that cannot be written (root writes a read-only one): the same
    monkeypatch.setenv("JAZU_CACHE_DIR", str(not_a_directory))
    monkeypatch.setattr(compiler, "_memory", {})
    part = compiler.load_packed("1", "test", lambda d: save_trie(d / "t.marisa", ["б"]) and {})
    assert part.trie("t").keys() == ["б"] and "jazu-" in part.directory.name


def test_a_damaged_file_is_rebuilt_and_an_interrupted_build_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    monkeypatch.setenv("JAZU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiler, "_memory", {})
    built = []

    def build(directory: Path) -> dict:
        built.append(directory)
        trie = save_trie(directory / "t.marisa", ["а", "б"])
        write_strings(directory / "r.strings", [["x", "y"][trie.key_id(k)] for k in ["а", "б"]])
        return {}

    compiler.load_packed("1", "test", build)
    [entry] = tmp_path.glob("test-v1-*")
    for name in ("r.strings", "t.marisa"):  # the same size, the wrong bytes: rebuilt, never mapped
        data = (entry / name).read_bytes()
        (entry / name).write_bytes(b"\0" * 8 + data[8:])
        monkeypatch.setattr(compiler, "_memory", {})
        part = compiler.load_packed("1", "test", build)
        assert part.strings("r")[part.trie("t")["б"]] in ("x", "y")
    assert len(built) == 3

    def interrupted(directory: Path) -> dict:
        save_trie(directory / "t.marisa", ["а"])
        raise KeyboardInterrupt

    monkeypatch.setattr(compiler, "_memory", {})
    with pytest.raises(KeyboardInterrupt):
        compiler.load_packed("2", "test", interrupted)
    assert not list(tmp_path.glob(".tmp-*"))
    stale = tmp_path / ".tmp-left-by-a-dead-process"  # an hour old: removed with the next entry
    stale.mkdir()
    os.utime(stale, (time.time() - 2 * compiler.STALE_SECONDS,) * 2)
    fresh = tmp_path / ".tmp-being-built-now"
    fresh.mkdir()
    monkeypatch.setattr(compiler, "_memory", {})
    compiler.load_packed("2", "test", build)
    assert not stale.exists() and fresh.exists()
