"""Compilation: the trie-shaped regex, and the disk cache keyed by version + content hash."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import regex

from jazu.tableset import compile as compiler
from jazu.tableset.load import version_digest


def test_trie_pattern_is_longest_match() -> None:
    keys = ["ия", "ий", "ию", "и", "абв", "аб"]
    pattern = regex.compile(compiler.trie_pattern(keys))
    assert pattern.findall("ияийиюиабвабаx") == ["ия", "ий", "ию", "и", "абв", "аб"]
    assert compiler.trie_pattern(["a.b"]) == "a\\.b"


def test_disk_cache_is_written_and_refused_on_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAZU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiler, "_memory", {})
    first = compiler.load_compiled("1")
    files = list(tmp_path.glob("tables-v1-*.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert stored["key"] == {
        "version": "1", "digest": version_digest("1"), "compiler": compiler.COMPILER_VERSION,
        "code": compiler._code_digest(), "byteorder": sys.byteorder,
    }
    # A cache file whose key does not match (another compiler or edited tables) is not trusted.
    stored["key"]["digest"] = "0" * 64
    stored["compiled"]["writer"]["letters"]["а"] = "X"
    files[0].write_text(json.dumps(stored), encoding="utf-8")
    monkeypatch.setattr(compiler, "_memory", {})
    again = compiler.load_compiled("1")
    assert again["writer"]["letters"]["а"] == "ا" and again == first


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAZU_CACHE_DIR", "off")
    monkeypatch.setattr(compiler, "_memory", {})
    assert compiler.load_compiled("1")["version"] == "1"
