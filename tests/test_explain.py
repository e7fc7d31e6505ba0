"""Transliterator.explain: where each word's reading comes from, its alternatives, and whether
the reader is unsure (src/jazu/arabic/reader/explain.py, src/jazu/latin/reader.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import jazu

READ = jazu.Transliterator("arab", "cyrl")


def test_each_word_says_where_its_reading_comes_from() -> None:
    entries = READ.explain("ءبىز قازاقستاندا تۇرامىز. ب ۇ ۇ- نىڭ وكىلى سيفرلىق")
    by_source = {e["source"]: e for e in entries}
    assert by_source["ءبىز"]["from"] == "lexicon" and by_source["ءبىز"]["case"] == "rule"  # a sentence start
    assert by_source["ءبىز"]["uncertain"] is False and by_source["ءبىز"]["score"] == 1.0
    assert by_source["ب ۇ ۇ- نىڭ"]["from"] == "joined" and by_source["ب ۇ ۇ- نىڭ"]["output"] == "БҰҰ-ның"
    assert {"reading", "from", "alternatives", "score", "uncertain", "start", "end", "output"} <= set(entries[0])


def test_an_unknown_word_is_read_by_rule_and_may_be_unsure() -> None:
    (entry,) = READ.explain("قىرىقجىلدىققا")
    assert entry["from"] in ("rule", "n-gram rank", "name rule") and entry["score"] < 1.0
    (known,) = READ.explain("كىتاپ")
    assert known["from"] == "lexicon" and known["score"] == 1.0


def test_words_in_a_short_quotation_have_an_unsure_case() -> None:
    entries = READ.explain("ول «التىن ادام» فيلمىن كوردى")
    quoted = [e for e in entries if "التىن" in e["source"] or "ادام" in e["source"]]
    assert quoted and all(e.get("case_uncertain") and e["uncertain"] for e in quoted)


def test_latin_and_writers() -> None:
    latin = {e["source"]: e for e in jazu.Transliterator("latn", "cyrl").explain("Qazaqstan sirk jahandyq")}
    assert latin["Qazaqstan"]["from"] == "lexicon" and not latin["Qazaqstan"]["uncertain"]
    assert latin["sirk"]["reading"] == "цирк" and any(a["reading"] == "сирк" for a in latin["sirk"]["alternatives"])
    assert latin["jahandyq"]["from"] == "rule" and latin["jahandyq"]["uncertain"]
    written = jazu.Transliterator("cyrl", "arab").explain("Біз келдік")
    assert [e["from"] for e in written] == ["table", "table"] and not any(e["uncertain"] for e in written)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ءابۆگعدەجزيكقلمنڭوپرستۋۇفحھچشىي «»., 1-", max_size=40))
def test_explain_covers_the_conversion(text: str) -> None:
    entries = READ.explain(text)
    out, spans = READ.convert_with_offsets(text)
    assert [(e["start"], e["end"]) for e in entries] == [(a, b) for a, b, _, _ in spans]
    assert all(0 <= e["score"] <= 1 and e["uncertain"] == (e["score"] < 0.6) for e in entries)
