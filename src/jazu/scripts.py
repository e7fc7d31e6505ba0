"""Script names, their aliases, and detection of the script a text is written in."""

from __future__ import annotations

from typing import Optional

from jazu.errors import UnknownScriptError

SCRIPT_NAMES = ("arab", "cyrl", "latn")
_ALIASES = {
    "arab": "arab", "arabic": "arab", "kk-arab": "arab", "kk_arab": "arab",
    "cyrl": "cyrl", "cyrillic": "cyrl", "kk-cyrl": "cyrl", "kk_cyrl": "cyrl",
    "latn": "latn", "latin": "latn", "kk-latn": "latn", "kk_latn": "latn",
}


def script_name(name: object, allow_auto: bool = False) -> str:
    """Canonical script name for `name` (case-insensitive; BCP 47 kk-Arab etc. accepted)."""
    if not isinstance(name, str):
        raise UnknownScriptError(f"script name must be a string, not {type(name).__name__}")
    key = name.strip().lower()
    if allow_auto and key == "auto":
        return "auto"
    if key in _ALIASES:
        return _ALIASES[key]
    choices = ", ".join(SCRIPT_NAMES + (("auto",) if allow_auto else ()))
    raise UnknownScriptError(f"unknown script {name!r}; use one of: {choices} (or kk-Arab, kk-Cyrl, kk-Latn)")


def detect_script(text: str) -> Optional[str]:
    """The script most of the letters in `text` belong to: "arab", "cyrl", "latn", or None when
    the text has no letters of those scripts. Looks at the first 64 KiB only."""
    if not isinstance(text, str):
        from jazu.errors import InputTypeError

        raise InputTypeError(f"detect_script() takes str, not {type(text).__name__}")
    counts = _letter_counts(text)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


# Kazakh Latin (2021, 2018 or 2017) against English and other Latin-script languages: its own
# letters and spellings (q ä ñ ū, 2018's accents, 2017's apostrophe after a letter), which no
# other common language writes; the letters it shares with Turkish (ı ş ğ ö ü); and the letters
# it never writes (c ç w x), which English and Turkish write often.
_LATIN_CLASSES = None
# An apostrophe inside a word after one of 2017's apostrophe letters, not an English contraction
# (n't 's 're 've 'll 'd 'm): ta'n'ir. The Latin reader tells a 2017 line by the same pattern.
APOSTROPHE_MARK = r"(?<=[agnouyscAGNOUYSCi])['’ʼ`´](?=\p{L})(?!(?:t|s|re|ve|ll|d|m)\b)"
APOSTROPHES_NEEDED = 3
KAZAKH_OWN = 0.01  # of the Latin letters: Kazakh Latin has 3-5 % (q alone ~3 %), English ~0.1 %
KAZAKH_ALL = 0.03  # own and shared together: Kazakh Latin ~10 %


def kazakh_script(text: str, latin: bool = True) -> Optional[str]:
    """The Kazakh script of `text`: "arab" or "cyrl", whichever has more letters, or "latn"
    where Latin letters outnumber both and look like Kazakh Latin (`_looks_kazakh_latin`);
    None if none. Latin letters otherwise do not count: a Kazakh text full of English names is
    still Kazakh, and English text is no Kazakh. `latin=False`: Latin is never the answer (table
    versions before 4, which read no Latin)."""
    counts = _letter_counts(text)
    letters = counts["latn"]
    if latin and letters > counts["arab"] and letters > counts["cyrl"] and _looks_kazakh_latin(text, letters):
        return "latn"
    if not counts["arab"] and not counts["cyrl"]:
        return None
    return "arab" if counts["arab"] > counts["cyrl"] else "cyrl"


def _looks_kazakh_latin(text: str, latin: int) -> bool:
    global _LATIN_CLASSES
    if _LATIN_CLASSES is None:
        import regex

        _LATIN_CLASSES = tuple(
            regex.compile(pattern).findall
            for pattern in (
                r"[qäñūQÄÑŪáǵńóúýÁǴŃÓÚÝ]",  # Kazakh Latin's own letters
                APOSTROPHE_MARK,  # 2017's apostrophe letters
                r"[ışğöüİŞĞÖÜ]",  # shared with Turkish
                r"[çwxÇWX]|[cC](?![hH'’ʼ])",  # never in Kazakh Latin (c only in 2018's ch, 2017's c')
            )
        )
    own, apostrophes, shared, never = (len(find(text[:65536])) for find in _LATIN_CLASSES)
    if apostrophes >= APOSTROPHES_NEEDED:  # a few are English or Turkish ('s, Ankara'da)
        own += apostrophes
    # Two of its own letters at least: one ñ or q alone is no evidence of a language.
    return own >= max(2, KAZAKH_OWN * latin) and own + shared >= KAZAKH_ALL * latin and never < own
def _letter_counts(text: str) -> dict:
    counts = {"arab": 0, "cyrl": 0, "latn": 0}
    for ch in text[:65536]:
        cp = ord(ch)
        if cp < 0x80:
            if ch.isalpha():
                counts["latn"] += 1
        elif 0x0400 <= cp <= 0x04FF or 0x0500 <= cp <= 0x052F:
            if ch.isalpha():
                counts["cyrl"] += 1
        elif 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE:
            if ch.isalpha():
                counts["arab"] += 1
        elif 0x00C0 <= cp <= 0x024F and ch.isalpha():
            counts["latn"] += 1
    return counts
