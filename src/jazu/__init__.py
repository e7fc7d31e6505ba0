"""jazu: Kazakh script converter, Arabic script (төте жазу) <-> Cyrillic.

    >>> import jazu
    >>> jazu.transliterate("Қазақстан Республикасы", target="arab")
    'قازاقستان رەسپۋبليكاسى'

Public API: `transliterate`, `Transliterator`, `detect_script`, `available_tables`, and the
`JazuError` exception family. Importing jazu loads no tables: they compile on first use.
"""

from __future__ import annotations

import threading
from typing import Dict, Optional, Tuple

from jazu.errors import (
    DecodeError,
    InputTypeError,
    JazuError,
    TableError,
    UnknownOptionError,
    UnknownScriptError,
    UnknownTablesError,
    UnsupportedConversionError,
)
from jazu.scripts import detect_script
from jazu.transliterator import Transliterator

__version__ = "0.1.0"

__all__ = [
    "transliterate",
    "Transliterator",
    "detect_script",
    "available_tables",
    "JazuError",
    "UnknownScriptError",
    "UnknownOptionError",
    "UnsupportedConversionError",
    "UnknownTablesError",
    "TableError",
    "InputTypeError",
    "DecodeError",
    "__version__",
    "available_profiles",
]

_shared: Dict[tuple, Transliterator] = {}
_shared_lock = threading.Lock()


def transliterate(
    text: str, target: str = "cyrl", source: str = "auto", tables: Optional[str] = None, case: str = "restore",
    lexicon: Optional[str] = None, profile: str = "kazinform", digits: str = "ascii",
) -> str:
    """Convert `text` to the `target` script; `source="auto"` detects it. `case="lower"` leaves
    output read from Arabic or Latin in lower case (default "restore": sentence starts, names,
    abbreviations). `lexicon`: a user lexicon file (`word<TAB>spelling` lines) whose words the
    reader prefers. Arabic output: `profile` (`available_profiles()`), `digits` ("ascii" or
    "arabic": ۰–۹)."""
    if not isinstance(text, str):
        raise InputTypeError(f"transliterate() takes str, not {type(text).__name__} (decode bytes first)")
    key = _shared_key(source, target, tables, case, lexicon) + (profile, digits)
    t = _shared.get(key)
    if t is None:
        with _shared_lock:
            t = _shared.get(key) or Transliterator(
                source=source, target=target, tables=tables, case=case, lexicon=lexicon, profile=profile, digits=digits
            )
            _shared[key] = t
    return t(text)


def available_profiles(tables: Optional[str] = None) -> Tuple[str, ...]:
    """The Arabic output profiles of a table version (the newest by default), default first."""
    from jazu.graph import profiles

    return profiles(tables)


def _shared_key(source: str, target: str, tables: Optional[str], case: str, lexicon: Optional[str]) -> tuple:
    """Canonical names (kk-Arab and arab share a Transliterator), and a user lexicon by its
    file's size and time, so that an edited lexicon is read again."""
    from jazu.scripts import script_name

    try:
        source, target = script_name(source, allow_auto=True), script_name(target)
    except JazuError:
        pass  # the Transliterator raises the error
    if lexicon is not None:
        import os

        try:
            st = os.stat(lexicon)
            return (source, target, tables, case, lexicon, st.st_size, st.st_mtime_ns)
        except OSError:
            pass
    return (source, target, tables, case, lexicon)


def available_tables() -> Tuple[str, ...]:
    """The table versions shipped, oldest first."""
    from jazu.tableset.load import available_versions

    return available_versions()
