"""HTML, XHTML and XML: the text nodes and the human-readable attributes are converted; every
other byte of the page is kept as it was.

The page is read by the standard library's tokenizer (`html.parser`, entities left unresolved),
and each event's place in the source is kept: the output is the source with only the converted
texts replaced, never a page written anew. Nothing is converted inside script, style, code, pre,
kbd, samp or textarea, nor in comments, declarations, tag names or other attributes (URLs).
Text nodes with only inline tags (b, i, a, span ...) or entities between them are one text: a
sentence and a split word (`Қаз<b>ақ</b>стан`) go on across them (`Transliterator.convert_pieces`).
Going to Arabic, `<html>` gets lang="kk-Arab" and dir="rtl" (kk-Cyrl or kk-Latn and ltr the
other way); an XML document (not XHTML) keeps its attributes.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any, List, Tuple

SKIP = frozenset(("script", "style", "code", "pre", "kbd", "samp", "textarea"))
INLINE = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark",
    "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
))
READABLE = frozenset(("title", "alt", "placeholder", "aria-label"))
LANGUAGE = {"arab": ("kk-Arab", "rtl"), "cyrl": ("kk-Cyrl", "ltr"), "latn": ("kk-Latn", "ltr")}
_ATTRIBUTE = re.compile(r"""(\s)([^\s"'>/=]+)(\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACE_ENTITIES = frozenset(("\u00a0", "\u2002", "\u2003", "\u2009", " ", "\n", "\t"))


class _Events(HTMLParser):
    """The tokenizer's events, each with where it starts in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.events: List[Tuple[str, int, Any]] = []
        self._lines = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._lines.append(i + 1)

    def _at(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.events.append(("start", self._at(), tag))

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        self.events.append(("startend", self._at(), tag))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", self._at(), tag))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", self._at(), None))

    def _entity(self, name: str) -> None:
        self.events.append(("entity", self._at(), None))

    def _other(self, data: str) -> None:  # a comment, a declaration, a processing instruction
        self.events.append(("other", self._at(), None))

    handle_entityref = handle_charref = _entity
    handle_comment = handle_decl = handle_pi = unknown_decl = _other


def convert_html(text: str, transliterator: Any, xml: bool = False) -> str:
    """`text` (a page, a fragment or an XML document) with its Kazakh text converted."""
    parser = _Events(text)
    parser.feed(text)
    # What the tokenizer holds back unread (an unfinished tag or comment at the end) is no text:
    # it stays as it is, like anything before the first event (it drops `</>`).
    tail_from = len(text) - len(parser.rawdata)
    events = parser.events
    spans = [(kind, start, events[k + 1][1] if k + 1 < len(events) else tail_from, tag)
             for k, (kind, start, tag) in enumerate(events)]
    out: List[str] = [text[: spans[0][1]] if spans else ""]
    skipping = 0
    # The texts to convert: (index in `out`, source text, joined to the text before it, an
    # entity's stand-in whose output is dropped for the entity as written)
    texts: List[Tuple[int, str, bool, bool]] = []
    inline = True  # only inline markup since the last text
    for kind, start, end, tag in spans:
        raw = text[start:end]
        if kind in ("start", "startend"):
            if kind == "start" and tag in SKIP:
                skipping += 1
            raw = _attributes(raw, tag, transliterator, xml)
            inline = inline and tag in INLINE
        elif kind == "end":
            if tag in SKIP and skipping:
                skipping -= 1
            inline = inline and tag in INLINE
        elif kind == "data" and not skipping:
            texts.append((len(out), raw, inline, False))
            inline = True
        elif kind == "entity" and not skipping:
            # An entity in running text is kept as written; the converter sees a space for a
            # space (&nbsp;), so that words stay apart, and nothing for any other (&shy; inside
            # a word, &laquo; before one).
            texts.append((len(out), " " if unescape(raw) in _SPACE_ENTITIES else "", inline, True))
            inline = True
        else:
            inline = inline and kind == "entity"
        out.append(raw)
    if texts:
        converted = transliterator.convert_pieces([t for _, t, _, _ in texts], [j for _, _, j, _ in texts[1:]])
        for (index, _, _, entity), new in zip(texts, converted):
            if not entity:
                out[index] = new
    out.append(text[tail_from:] if spans else text[len(out[0]):])
    return "".join(out)


def _attributes(raw: str, tag: str, transliterator: Any, xml: bool) -> str:
    """A start tag with its readable attributes converted and, on <html>, lang and dir set."""
    readable = READABLE
    if tag == "meta" and re.search(r"""\sname\s*=\s*["']?description\b""", raw, re.I):
        readable = READABLE | {"content"}
    if tag == "html" and not xml:
        raw = _set_language(raw, transliterator.target)

    def one(m: Any) -> str:
        name = m.group(2).lower()
        if name not in readable:
            return m.group(0)
        value_at = m.start(5) if m.group(5) is not None else m.start(6) if m.group(6) is not None else m.start(7)
        value = m.group(5) if m.group(5) is not None else m.group(6) if m.group(6) is not None else m.group(7)
        new = _with_entities(value, transliterator)
        start = value_at - m.start()
        return m.group(0)[:start] + new + m.group(0)[start + len(value):]

    return _ATTRIBUTE.sub(one, raw)


def _with_entities(value: str, transliterator: Any) -> str:
    """An attribute's value converted, its entities kept as written (to the converter, a space
    entity is a space, any other nothing)."""
    parts = _ENTITY.split(value)
    entities = _ENTITY.findall(value)
    if not any(parts):
        return value
    pieces: List[str] = [parts[0]]
    for entity, part in zip(entities, parts[1:]):
        pieces += [" " if unescape(entity) in _SPACE_ENTITIES else "", part]
    converted = transliterator.convert_pieces(pieces)
    out = [converted[0]]
    for k, entity in enumerate(entities):
        out += [entity, converted[2 * k + 2]]
    return "".join(out)


# Every attribute of a start tag, with or without a value: what a value holds is never a name.
_ANY_ATTRIBUTE = re.compile(r"""(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def _set_language(raw: str, target: str) -> str:
    """<html ...> with lang (and xml:lang, where there is one) and dir for the target script."""
    lang, direction = LANGUAGE[target]
    wanted = {"lang": lang, "xml:lang": lang, "dir": direction}
    done = set()

    def one(m: Any) -> str:
        name = m.group(2).lower()
        if name not in wanted or name in done:
            return m.group(0)
        done.add(name)
        return f'{m.group(1)}{m.group(2)}="{wanted[name]}"'

    head, rest = raw[:5], raw[5:]  # "<html"
    raw = head + _ANY_ATTRIBUTE.sub(one, rest)
    for name in ("lang", "dir"):
        if name not in done:
            close = len(raw) - (2 if raw.endswith("/>") else 1)
            kept = raw[:close].rstrip()
            raw = kept + f' {name}="{wanted[name]}"' + raw[len(kept):]
    return raw
