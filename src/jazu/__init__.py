"""jazu: Kazakh script converter, Arabic script (төте жазу) <-> Cyrillic.

    >>> import jazu
    >>> jazu.transliterate("Қазақстан Республикасы", target="arab")
    'قازاقستان رەسپۋبليكاسى'

Public API: `transliterate`, `Transliterator`, `detect_script`, `available_tables`, and the
`JazuError` exception family. Importing jazu loads no tables: they compile on first use.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, Optional, Sequence, Tuple, Union

from jazu.errors import (
    DecodeError,
    DocumentError,
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
    "convert_document",
    "convert_file",
    "convert_html",
    "convert_xml",
    "convert_jsonl",
    "convert_srt",
    "convert_vtt",
    "convert_markdown",
    "DocumentError",
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
    return _transliterator(source, target, tables, case, lexicon, profile, digits)(text)


def _transliterator(
    source: str, target: str, tables: Optional[str], case: str, lexicon: Optional[str], profile: str, digits: str
) -> Transliterator:
    """One Transliterator per set of options in a process (compiling costs; using is thread-safe)."""
    key = _shared_key(source, target, tables, case, lexicon) + (profile, digits)
    t = _shared.get(key)
    if t is None:
        with _shared_lock:
            t = _shared.get(key) or Transliterator(
                source=source, target=target, tables=tables, case=case, lexicon=lexicon, profile=profile, digits=digits
            )
            _shared[key] = t
    return t


def convert_document(
    text: str, format: str, target: str = "cyrl", source: str = "auto", fields: Sequence[str] = (),
    errors: str = "strict", tables: Optional[str] = None, case: str = "restore", lexicon: Optional[str] = None,
    profile: str = "kazinform", digits: str = "ascii",
) -> str:
    """A document of `format` (text, html, xml, jsonl, srt, vtt, md; see `jazu.formats`) with its
    Kazakh text converted and every other byte kept. JSONL: `fields` (dotted paths; default every
    string value); errors="skip" passes a line that is not JSON through, else DocumentError."""
    from jazu.formats import check_format, convert_document as convert

    if not isinstance(text, str):
        raise InputTypeError(f"convert_document() takes str, not {type(text).__name__} (decode bytes first)")
    if check_format(format) == "auto":
        from jazu.formats import detect_format

        format = detect_format(None, text[:4096])
    t = _for_document(target, source, tables, case, lexicon, profile, digits)
    return convert(text, format, t, fields, errors)


def _for_document(
    target: str, source: str = "auto", tables: Optional[str] = None, case: str = "restore",
    lexicon: Optional[str] = None, profile: str = "kazinform", digits: str = "ascii",
    fields: Sequence[str] = (), errors: str = "strict",
) -> Transliterator:
    """The shared Transliterator for `convert_document`'s options (`fields` and `errors` are the
    document's, not the converter's)."""
    return _transliterator(source, target, tables, case, lexicon, profile, digits)


def convert_file(
    path: Union[str, "os.PathLike[str]"], output: Union[str, "os.PathLike[str]"], target: str = "cyrl",
    format: str = "auto",
    **options: Any,
) -> str:
    """Convert the document at `path` into `output` (written atomically: a temporary file renamed
    at the end), its format told by its extension, then by its content; returns the format.
    `options` are those of `convert_document`."""
    from jazu.formats import BINARY, check_format, convert_bytes, detect_bytes
    from jazu.text.textio import AtomicFile

    source_path, output_path = os.fspath(path), os.fspath(output)
    try:
        with open(source_path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise JazuError(f"cannot read {source_path!r}: {e.strerror}") from None
    if check_format(format) == "auto":
        format = detect_bytes(source_path, data[:65536])
    if format in BINARY:
        converted_bytes = convert_bytes(data, format, _for_document(target, **options))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DecodeError(source_path, e.start) from None
        converted_bytes = convert_document(text, format, target, **options).encode("utf-8")
    out = AtomicFile(output_path)
    try:
        out.file.write(converted_bytes)
        out.commit()
    finally:
        out.discard()
    return format


def _format_function(fmt: str) -> Any:
    def convert(text: str, target: str = "cyrl", **options: Any) -> str:
        return convert_document(text, fmt, target, **options)

    convert.__name__ = f"convert_{fmt if fmt != 'md' else 'markdown'}"
    convert.__doc__ = f"`convert_document(text, {fmt!r}, target, **options)`."
    return convert


convert_html = _format_function("html")
convert_xml = _format_function("xml")
convert_jsonl = _format_function("jsonl")
convert_srt = _format_function("srt")
convert_vtt = _format_function("vtt")
convert_markdown = _format_function("md")


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
