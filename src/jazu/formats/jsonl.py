"""JSON Lines: the chosen string values of each line's JSON are converted (`--field a.b`, dotted
paths into nested objects; arrays on the way are looked through), or every string value where no
field is named. Every other byte of a line is kept: a value is re-encoded only where its
conversion differs, with \\u escapes where the source used them. Where no field is named, a
value that is a URL or an e-mail address is no text and is left alone. A line that is not JSON is an
error naming its number, or with errors="skip" is passed through unchanged and counted."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple

from jazu.errors import DocumentError

_DECODER = json.JSONDecoder()
_SURROGATE = re.compile("[\udc80-\udcff]").search
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*|www\.\S+|[^\s@]+@[^\s@]+\.\S+").fullmatch
_SPACE = " \t\n\r"


def _skip(s: str, i: int) -> int:
    while i < len(s) and s[i] in _SPACE:
        i += 1
    return i


def _strings(s: str, i: int, path: Tuple[str, ...], out: List[Tuple[Tuple[str, ...], int, int]]) -> int:
    """Scan the JSON value at s[i:] (already valid JSON): record each string value (not key) as
    (path, start, end of its token); return where the value ends."""
    i = _skip(s, i)
    c = s[i]
    if c == '"':
        _, end = scanstring(s, i + 1)
        out.append((path, i, end))
        return end
    if c in "{[":
        close = "}" if c == "{" else "]"
        i = _skip(s, i + 1)
        if s[i] == close:
            return i + 1
        while True:
            key_path = path
            if c == "{":
                key, i = scanstring(s, _skip(s, i) + 1)
                i = _skip(s, i) + 1  # the colon
                key_path = path + (key,)
            i = _skip(s, _strings(s, i, key_path, out))
            if s[i] == close:
                return i + 1
            i += 1  # the comma
    _, end = _DECODER.raw_decode(s, i)
    return end


def convert_line(line: str, transliterator: Any, fields: Sequence[Tuple[str, ...]]) -> str:
    """One JSON text (a line without its line end). Raises ValueError if it is not JSON."""
    if line.startswith("\ufeff"):  # a byte order mark before the first line: kept, not parsed
        return "\ufeff" + convert_line(line[1:], transliterator, fields)
    try:
        json.loads(line)  # the whole line must be one valid JSON value
    except RecursionError:
        raise ValueError("nested too deeply") from None
    found: List[Tuple[Tuple[str, ...], int, int]] = []
    try:
        _strings(line, 0, (), found)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    chosen = [(start, end) for path, start, end in found if not fields or path in fields]
    values = [json.loads(line[start:end]) for start, end in chosen]
    if not fields:  # every string: but a URL or an address is no text, even with Cyrillic in it
        kept = [(place, value) for place, value in zip(chosen, values) if not _ADDRESS(value)]
        chosen, values = [p for p, _ in kept], [v for _, v in kept]
    if not chosen:
        return line
    converted = transliterator.convert_pieces(values, [False] * (len(values) - 1))
    out: List[str] = []
    last = 0
    for (start, end), old, new in zip(chosen, values, converted):
        if new == old:
            continue
        raw = line[start:end]
        # \u escapes where the source had them; never for bytes kept as lone surrogates
        # (errors="surrogateescape"), which must come out as the bytes they were.
        escape = "\\u" in raw and not _SURROGATE(new)
        out += [line[last:start], json.dumps(new, ensure_ascii=escape)]
        last = end
    out.append(line[last:])
    return "".join(out)


def convert_lines(
    lines: Iterable[str], transliterator: Any, fields: Sequence[str] = (), errors: str = "strict",
    skipped: Optional[List[int]] = None, first: int = 1,
) -> Iterator[str]:
    """Each line (with its line end) converted. errors="skip": a bad line passes through and its
    number is appended to `skipped`; else DocumentError("line N: ..."). `first`: the number of
    the first line (a part of a file that starts further on: `--jobs`)."""
    paths = [tuple(f.split(".")) for f in fields]
    for number, line in enumerate(lines, start=first):
        body = line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line
        if not body.lstrip("\ufeff").strip():
            yield line
            continue
        try:
            new = convert_line(body, transliterator, paths)
        except ValueError as e:
            if errors != "skip":
                raise DocumentError(f"line {number}: not JSON ({e})") from None
            if skipped is not None:
                skipped.append(number)
            yield line
            continue
        yield new + line[len(body):]
