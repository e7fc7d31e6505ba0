"""The public contract of DESIGN.md §3: names, errors, pickling, streaming, detection."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

import jazu


def test_transliterate_both_ways_and_auto() -> None:
    assert jazu.transliterate("Қазақстан Республикасы", target="arab") == "قازاقستان رەسپۋبليكاسى"
    assert jazu.transliterate("قازاقستان", target="cyrl") == "Қазақстан"
    assert jazu.transliterate("Қазақстан", target="cyrl") == "Қазақстан"  # already the target
    assert jazu.transliterate("Қазақстан", target="kk-Arab", source="kk-Cyrl", tables="1") == "قازاقستان"


@pytest.mark.parametrize("name", ["arab", "ARAB", "kk-Arab", "Arabic", "kk_arab"])
def test_script_names_and_aliases(name: str) -> None:
    assert jazu.Transliterator(source="cyrl", target=name).target == "arab"


def test_errors_are_documented_types() -> None:
    with pytest.raises(jazu.UnknownScriptError, match="unknown script 'greek'"):
        jazu.transliterate("x", target="greek")
    with pytest.raises(jazu.UnknownTablesError, match="known versions"):
        jazu.transliterate("x", target="arab", tables="0")
    with pytest.raises(jazu.UnsupportedConversionError):
        jazu.Transliterator(source="cyrl", target="latn", tables="3")  # Latin: version 4 on
    with pytest.raises(jazu.InputTypeError):
        jazu.transliterate(b"bytes", target="arab")  # type: ignore[arg-type]
    with pytest.raises(jazu.InputTypeError):
        list(jazu.Transliterator("cyrl", "arab").stream([b"x"]))  # type: ignore[list-item]
    for cls in (jazu.UnknownScriptError, jazu.UnknownTablesError, jazu.InputTypeError, jazu.TableError):
        assert issubclass(cls, jazu.JazuError)
    assert issubclass(jazu.UnknownScriptError, ValueError) and issubclass(jazu.InputTypeError, TypeError)


def test_transliterator_pickles_and_keeps_working() -> None:
    t = jazu.Transliterator("cyrl", "arab", tables="1")
    clone = pickle.loads(pickle.dumps(t))
    assert repr(clone) == repr(t) == (
        "Transliterator(source='cyrl', target='arab', tables='1', case='restore', profile='kazinform', digits='ascii')"
    )
    assert clone("бірақ") == t("бірақ") == "ءبىراق"


def test_stream_is_lazy_and_equal() -> None:
    t = jazu.Transliterator("arab", "cyrl")
    lines = ["ءبىز كەلدىك.\n", "ول كەتتى", " دە.\n", "ەندى"]
    pieces = t.stream(iter(lines))
    assert next(pieces) == "Біз келдік.\n"  # the first line comes before the rest is read
    assert "".join(pieces) == "Ол кетті де.\nЕнді"
    auto = jazu.Transliterator("auto", "arab")
    assert "".join(auto.stream(["", "Біз ", "келдік"])) == "ءبىز كەلدىك"


def test_detect_script() -> None:
    assert jazu.detect_script("Қазақстан") == "cyrl"
    assert jazu.detect_script("قازاقستان") == "arab"
    assert jazu.detect_script("Kazakhstan") == "latn"
    assert jazu.detect_script("2023 — 😀") is None
    assert jazu.detect_script("فوتو: Фото: Photo: ءبىز قازاقستاندا") == "arab"


def test_import_is_light() -> None:
    code = "import sys, jazu; print(sorted(m for m in ('regex', 'typer', 'marisa_trie') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_auto_ignores_latin_and_waits_for_a_kazakh_letter() -> None:
    assert jazu.transliterate("ChatGPT OpenAI Microsoft ءبىز", target="cyrl") == "ChatGPT OpenAI Microsoft біз"
    auto = jazu.Transliterator("auto", "cyrl")
    assert "".join(auto.stream(["2024\n", "ءبىز قازاقستاندا\n"])) == "2024\nБіз Қазақстанда\n"


def test_known_abbreviations_read_back_and_survive_stream_cuts() -> None:
    write, read = jazu.Transliterator("cyrl", "arab"), jazu.Transliterator("arab", "cyrl")
    assert read(write("ҚР ІІМ хабарлады, ЖІӨ өсті.")) == "ҚР ІІМ хабарлады, ЖІӨ өсті."
    text = "ءبىز " * 20_000 + "ب ۇ ۇ وكىلى " + "ءبىز " * 100  # one line of over 64 KiB
    cut = text.index("ب ۇ ۇ") + 3
    assert "".join(read.stream([text[:cut], text[cut:]])) == read(text)
