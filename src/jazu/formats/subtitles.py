"""SRT and WebVTT subtitles: only the cue text is converted; numbers, timings, cue settings, the
WEBVTT header and NOTE, STYLE and REGION blocks are kept as they are. Inline tags in a cue (<i>,
<v Name>, {\\an8}) and entities are kept too, and the text around them is one text. Each cue
begins a line, as its text does in the file (reading Arabic, a line begins a sentence)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->")
_VTT_BLOCKS = re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")
_MARKUP = re.compile(r"(<[^>\n]*>|\{\\[^}\n]*\}|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);)")


def convert_subtitles(text: str, transliterator: Any, vtt: bool = False) -> str:
    lines = text.splitlines(keepends=True)
    out = list(lines)
    cues: List[List[int]] = []  # the text lines of each cue, by index
    in_cue = skipping = False
    for i, line in enumerate(lines):
        blank = not line.strip()
        if blank:
            in_cue = skipping = False
        elif skipping:
            continue
        elif vtt and not in_cue and (_VTT_BLOCKS.match(line) or (i == 0 and line.lstrip("\ufeff").startswith("WEBVTT"))):
            skipping = True
        elif _TIMING.match(line) and not in_cue:
            in_cue = True
            cues.append([])
        elif in_cue:
            cues[-1].append(i)
    pieces: List[str] = []
    joined: List[bool] = []
    places: List[Tuple[int, int]] = []  # (line, index of the piece in the line's parts)
    parts_of: Dict[int, List[str]] = {}
    for cue in cues:
        for i in cue:
            parts = _MARKUP.split(lines[i])
            parts_of[i] = parts
            for p in range(0, len(parts), 2):  # text at even indexes, markup at odd ones
                if pieces:
                    joined.append(bool(places) and places[-1][0] in cue)
                pieces.append(parts[p])
                places.append((i, p))
    if not pieces:
        return text
    converted = transliterator.convert_pieces(pieces, joined)
    for (i, p), new in zip(places, converted):
        parts_of[i][p] = new
    for i, parts in parts_of.items():
        out[i] = "".join(parts)
    return "".join(out)
