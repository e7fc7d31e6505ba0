"""Documents: find the text a format holds, hand it to a Transliterator (`convert_pieces`, the
public API only), and put the conversion back with every other byte as it was.

    text   plain text (the default of the CLI: streamed)
    html   HTML and XHTML: text nodes and readable attributes; lang and dir on <html>
    xml    XML: text nodes and the same attributes, no lang/dir
    jsonl  JSON Lines: string values (all, or the `fields` named: dotted paths)
    srt    SubRip subtitles: cue text only
    vtt    WebVTT subtitles: cue text only
    md     Markdown: not code, link targets or HTML markup
    docx   Word: every paragraph's text, runs keeping their formatting (python-docx, an extra)

`detect_format` tells them by file extension, then by content.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator, List, Optional, Sequence

FORMATS = ("text", "html", "xml", "jsonl", "srt", "vtt", "md", "docx")
BINARY = ("docx",)  # formats read as bytes, not as text
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".srt": "srt", ".vtt": "vtt", ".md": "md", ".markdown": "md",
    ".docx": "docx",
}
ZIP = b"PK\x03\x04"  # a .docx is a zip file


def detect_bytes(name: Optional[str], head: bytes) -> str:
    """The format of a file called `name` (None: stdin) whose bytes begin with `head`."""
    if name:
        found = EXTENSIONS.get(os.path.splitext(name)[1].lower())
        if found:
            return found
    if head.startswith(ZIP):
        return "docx"
    return detect_format(None, head[:65536].decode("utf-8", "replace"))


def detect_format(name: Optional[str], head: str) -> str:
    """The format of a file called `name` (None: stdin) whose text begins with `head`."""
    if name:
        found = EXTENSIONS.get(os.path.splitext(name)[1].lower())
        if found:
            return found
    import re

    start = head.lstrip("\ufeff \t\r\n")
    lower = start[:1000].lower()
    if start.startswith("WEBVTT"):
        return "vtt"
    if re.match(r"\d+\r?\n\d{1,2}:\d{2}:\d{2},\d{3} -->", start):
        return "srt"
    if lower.startswith("<?xml") and "<html" not in lower:
        return "xml"
    if lower.startswith(("<!doctype html", "<html", "<?xml")) or re.match(r"<(head|body|div|p|meta)\b", lower):
        return "html"
    if start.startswith("{"):
        import json

        try:
            json.loads(start.split("\n", 1)[0])
            return "jsonl"
        except ValueError:
            pass
    return "text"


def check_format(fmt: str) -> str:
    from jazu.errors import UnknownOptionError

    if fmt != "auto" and fmt not in FORMATS:
        raise UnknownOptionError(f"unknown format {fmt!r}; use one of: auto, {', '.join(FORMATS)}")
    return fmt


def convert_document(
    text: str, fmt: str, transliterator: Any, fields: Sequence[str] = (), errors: str = "strict",
    skipped: Optional[List[int]] = None,
) -> str:
    """A whole document of a text format, converted."""
    if fmt == "text":
        return transliterator(text)  # type: ignore[no-any-return]
    if fmt in ("html", "xml"):
        from jazu.formats.html import convert_html

        return convert_html(text, transliterator, xml=fmt == "xml")
    if fmt in ("srt", "vtt"):
        from jazu.formats.subtitles import convert_subtitles

        return convert_subtitles(text, transliterator, vtt=fmt == "vtt")
    if fmt == "md":
        from jazu.formats.markdown import convert_markdown

        return convert_markdown(text, transliterator)
    if fmt == "jsonl":
        return "".join(convert_jsonl_lines(lines_of([text]), transliterator, fields, errors, skipped))
    if fmt in BINARY:
        from jazu.errors import UnknownOptionError

        raise UnknownOptionError(f"{fmt} is a binary format: convert its bytes (convert_bytes)")
    check_format(fmt)
    raise AssertionError(fmt)  # pragma: no cover


def convert_jsonl_lines(
    lines: Iterable[str], transliterator: Any, fields: Sequence[str] = (), errors: str = "strict",
    skipped: Optional[List[int]] = None,
) -> Iterator[str]:
    """JSON Lines, lazily (see formats/jsonl.py)."""
    from jazu.formats.jsonl import convert_lines

    return convert_lines(lines, transliterator, fields, errors, skipped)


def lines_of(chunks: Iterable[str]) -> Iterator[str]:
    """Text chunks as JSON Lines' lines, each with its line end (\\n; a \\r before it goes
    with it), lazily. Only \\n ends a line: U+2028 or U+0085 may stand inside a JSON string."""
    rest = ""
    for chunk in chunks:
        rest += chunk
        parts = rest.split("\n")
        rest = parts.pop()  # the last part may go on in the next chunk
        for part in parts:
            yield part + "\n"
    if rest:
        yield rest


def convert_bytes(data: bytes, fmt: str, transliterator: Any) -> bytes:
    """A document of a binary format (docx), converted."""
    if fmt == "docx":
        from jazu.formats.docx import convert_docx

        return convert_docx(data, transliterator)
    from jazu.errors import UnknownOptionError

    raise UnknownOptionError(f"{fmt!r} is no binary format; binary formats: {', '.join(BINARY)}")
