"""Markdown: the text is converted, never the code (fenced and indented code blocks, `code`
spans), link and image targets, autolinks and bare URLs, reference definitions' targets, HTML
comments, scripts and styles, or the markup of inline and block HTML (its text between tags is
converted). Every other byte is kept. Not recognised: a fence inside a blockquote or a list
item, and a code span that runs over a line end (their text is converted)."""

from __future__ import annotations

import re
from typing import Any, List, Tuple

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d+[.)])\s")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(\S+)(.*)$", re.S)
# Inline spans kept as written: code spans, link/image targets, autolinks, HTML tags, bare URLs.
_INLINE = re.compile(
    r"(`+)(?:.+?)\1"
    r"|\](?=\()\((?:<[^>\n]*>|[^)\s]*)"
    r"|<(?:https?|mailto|ftp):[^>\s]*>|<[^@>\s]+@[^>\s]+>"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->"
    r"|(?:https?|ftp)://[^\s)<>]+|www\.[^\s)<>]+",
    re.S,
)


def _blocks(text: str) -> List[Tuple[str, bool]]:
    """The text as (part, convert it?) in order: code blocks and reference targets are kept."""
    parts: List[Tuple[str, bool]] = []
    fence = None
    previous_blank, in_list = True, False
    for line in text.splitlines(keepends=True):
        if fence is not None:
            parts.append((line, False))
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip(" \t\r\n`~"):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            parts.append((line, False))
            continue
        blank = not line.strip()
        if not blank and _LIST_ITEM.match(line):
            in_list = True
        elif blank:
            pass
        elif not _INDENTED.match(line):
            in_list = in_list and not previous_blank
        if not blank and _INDENTED.match(line) and previous_blank and not in_list:
            parts.append((line, False))  # an indented code block (its lines stay "blank-led")
            continue
        ref = _REFERENCE.match(line)
        if ref:
            parts += [(ref.group(1), True), (ref.group(2), False), (ref.group(3), True)]
        else:
            parts.append((line, True))
        previous_blank = blank
    return parts


# Whole blocks kept as written, found before the lines are read: HTML comments, scripts and
# styles (which may run over many lines).
_HTML_BLOCKS = re.compile(r"<!--.*?-->|<(script|style|pre|code|textarea)\b.*?</\1\s*>", re.S | re.I)


def convert_markdown(text: str, transliterator: Any) -> str:
    pieces: List[Tuple[str, bool]] = []
    parts: List[Tuple[str, bool]] = []
    last = 0
    for m in _HTML_BLOCKS.finditer(text):
        parts += _blocks(text[last:m.start()]) + [(m.group(), False)]
        last = m.end()
    parts += _blocks(text[last:])
    for part, convert in parts:
        if not convert:
            pieces.append((part, False))
            continue
        last = 0
        for m in _INLINE.finditer(part):
            pieces += [(part[last:m.start()], True), (m.group(), False)]
            last = m.end()
        pieces.append((part[last:], True))
    # The text parts in order, as one text (a protected span between two is inline).
    texts = [i for i, (_, convert) in enumerate(pieces) if convert and pieces[i][0]]
    converted = transliterator.convert_pieces([pieces[i][0] for i in texts])
    out = [part for part, _ in pieces]
    for i, new in zip(texts, converted):
        out[i] = new
    return "".join(out)
