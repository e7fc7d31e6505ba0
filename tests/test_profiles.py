"""Arabic output profiles and digits (tables version 4 on): kazinform (the house style, the
default), unicode (the high hamza U+0674), xinjiang (Xinjiang's spelling of loans)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jazu
from conftest import ROOT, read
from jazu.tableset.load import parse_table, tables_root

SEEDS = [next((ROOT / "seeds").glob(f"{n}_*.txt")) for n in ("003", "004")]


def _profile_rows() -> List[Tuple[str, str, str]]:
    table = parse_table(tables_root() / "4" / "writer.tsv", "writer", "4")
    return [tuple(row.values) for row in table.of("profile-test")]  # type: ignore[misc]


@pytest.mark.parametrize("profile,cyrillic,arabic", _profile_rows())
def test_golden_rows_of_each_profile(profile: str, cyrillic: str, arabic: str) -> None:
    assert jazu.transliterate(cyrillic, target="arab", source="cyrl", profile=profile) == arabic


def test_the_profiles_are_listed_default_first() -> None:
    assert jazu.available_profiles() == ("kazinform", "unicode", "xinjiang")
    assert jazu.available_profiles("3") == ("kazinform",)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_unicode_writes_the_house_style_with_u0674_only(seed: Path) -> None:
    text = read(seed)
    house = jazu.transliterate(text, target="arab", source="cyrl")
    unicode = jazu.transliterate(text, target="arab", source="cyrl", profile="unicode")
    assert "\u0621" in house and "\u0621" not in unicode
    assert unicode == house.replace("\u0621", "\u0674")
    # and it reads back as the house style does
    assert jazu.transliterate(unicode, target="cyrl") == jazu.transliterate(house, target="cyrl")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_xinjiang_differs_from_the_house_style_on_loans_only(seed: Path) -> None:
    house = jazu.Transliterator("cyrl", "arab")
    xinjiang = jazu.Transliterator("cyrl", "arab", profile="xinjiang")
    words = read(seed).split()
    differing = [w for w in words if house(w) != xinjiang(w)]
    assert differing, "the seeds hold loans"
    loan = set("вфхцчщъьэёюя")
    for word in differing:
        low = word.lower()
        # a loan letter, a doubled letter, an initial consonant cluster or the р of a cluster
        assert loan & set(low) or "р" in low or "дж" in low or any(a == b for a, b in zip(low, low[1:])) or (
            low[:2].isalpha() and not set(low[:2]) & set("аәеиоөуұүыіэюяё")
        ), word


def test_digits_in_numbers_only() -> None:
    text = "2024-жылы 15 қаңтарда 3,5 пайыз, www.inform.kz/2024 iPhone15 №7"
    arabic = jazu.transliterate(text, target="arab", source="cyrl", digits="arabic")
    assert arabic.startswith("۲۰۲۴ -جىلى ۱۵ قاڭتاردا ۳,۵ پايىز، www.inform.kz/2024 iPhone15 №۷")
    # a number is whole (a time, a date), and never in a Latin word, a URL or an address
    text = "сағат 10:30, 04.12.2026, COVID-19, https://kaz.kz/news?id=12345 https://kaz.kz/a-1 x@y.kz"
    arabic = jazu.transliterate(text, target="arab", source="cyrl", digits="arabic")
    assert arabic == "ساعات ۱۰:۳۰, ۰۴.۱۲.۲۰۲۶, COVID-19, https://kaz.kz/news?id=12345 https://kaz.kz/a-1 x@y.kz"
    assert jazu.transliterate(arabic, target="cyrl") == jazu.transliterate(
        jazu.transliterate(text, target="arab", source="cyrl"), target="cyrl"
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,-абвқ/:@xyz\n", max_size=50))
def test_arabic_digits_change_nothing_but_digits(text: str) -> None:
    plain = jazu.transliterate(text, target="arab", source="cyrl")
    arabic = jazu.transliterate(text, target="arab", source="cyrl", digits="arabic")
    assert arabic.translate({0x06F0 + d: str(d) for d in range(10)}) == plain


def test_bad_profiles_and_digits_are_clear_errors() -> None:
    with pytest.raises(jazu.UnknownOptionError, match="unknown profile 'tote'.*kazinform, unicode, xinjiang"):
        jazu.Transliterator("cyrl", "arab", profile="tote")
    with pytest.raises(jazu.UnknownOptionError, match="unknown profile 'unicode' for tables version 3"):
        jazu.Transliterator("cyrl", "arab", tables="3", profile="unicode")
    with pytest.raises(jazu.UnknownOptionError, match="unknown digits 'roman'"):
        jazu.Transliterator("cyrl", "arab", digits="roman")


def test_a_transliterator_pickles_with_its_profile() -> None:
    t = jazu.Transliterator("cyrl", "arab", profile="unicode", digits="arabic")
    again = pickle.loads(pickle.dumps(t))
    assert (again.profile, again.digits) == ("unicode", "arabic")
    assert again("білім 5") == t("білім 5") == "ٴبىلىم ۵"


def test_the_cli_lists_and_uses_profiles() -> None:
    run = [sys.executable, "-m", "jazu"]
    listed = subprocess.run(run + ["--list-profiles"], capture_output=True, text=True)
    assert listed.stdout.split("\n")[:3] == ["kazinform  (default)", "unicode", "xinjiang"]
    done = subprocess.run(run + ["--to", "arab", "--profile", "xinjiang", "--digits", "arabic"], input="метр 5\n",
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "مەتىر ۵\n")
    bad = subprocess.run(run + ["--to", "arab", "--profile", "tote"], input="x\n", capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("jazu: unknown profile 'tote'") and bad.stdout == ""
