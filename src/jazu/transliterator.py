"""`Transliterator`: one direction, one table version, compiled once and reused."""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from jazu.errors import InputTypeError, UnknownOptionError, UnsupportedConversionError
from jazu.scripts import kazakh_script, script_name
from jazu.tableset.load import resolve_version

CASES = ("restore", "lower")
AUTO_DETECT_LIMIT = 1 << 20  # characters a stream may hold back while it looks for a Kazakh letter


class _PassThrough:
    """Text already in the target script (or in none) is returned as it is."""

    initial_state = None
    state_reads_text = False

    def state_after(self, text: str, state: Any = None) -> Any:
        return None

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        return text, None


_PASS = _PassThrough()


class Transliterator:
    """Convert Kazakh text from `source` to `target` script with one table version.

    Thread-safe (converters are pure apart from a word cache whose updates are atomic) and
    picklable (it pickles as its arguments and recompiles, from the disk cache, on load).
    `source="auto"` picks the Kazakh script of each call's text (in a stream, of its first
    chunks that hold one): Arabic or Cyrillic, whichever has more letters, or Latin where Latin
    letters outnumber them and enough of them are Kazakh Latin's own (scripts.kazakh_script);
    English and other Latin text pass through. Any script converts to any other: through the
    Cyrillic pivot where there is no direct edge (graph.py); Latin needs tables version 4 on.
    `case` (read from Arabic or Latin): "restore" capitalises sentence starts, names and
    abbreviations; "lower" leaves every converted word in lower case.
    `profile` and `digits` shape Arabic output: the spelling profile (`jazu.available_profiles`:
    kazinform, the house style and default; unicode; xinjiang) and "ascii" or "arabic" (۰–۹) digits.
    """

    def __init__(
        self, source: str = "auto", target: str = "cyrl", tables: Optional[str] = None, case: str = "restore",
        lexicon: Optional[Union[str, "os.PathLike[str]"]] = None, profile: str = "kazinform", digits: str = "ascii",
    ) -> None:
        self.source = script_name(source, allow_auto=True)
        self.target = script_name(target)
        self.tables = resolve_version(tables)
        if case not in CASES:
            raise UnknownOptionError(f"unknown case {case!r}; use one of: {', '.join(CASES)}")
        self.case = case
        from jazu.graph import check_output_options

        check_output_options(self.tables, profile, digits)
        self.profile, self.digits = profile, digits
        self.lexicon = None if lexicon is None else os.fspath(lexicon)
        self._user = self._load_user_lexicon() if self.lexicon else None
        self._converters: Dict[str, Any] = {}
        self._lock = threading.Lock()
        if self.source != "auto":
            self._converter(self.source)  # fail early on an unsupported pair
        elif self.target == "latn" and not self._reads_latin():
            from jazu.graph import NEEDS_LATIN

            raise UnsupportedConversionError(
                f"Latin output needs the Latin tables of version {NEEDS_LATIN} or later; tables version {self.tables} has none"
            )

    def __repr__(self) -> str:
        return (
            f"Transliterator(source={self.source!r}, target={self.target!r}, tables={self.tables!r}, "
            f"case={self.case!r}, profile={self.profile!r}, digits={self.digits!r})"
        )

    def __reduce__(self) -> Any:
        return (Transliterator, (self.source, self.target, self.tables, self.case, self.lexicon, self.profile, self.digits))

    def __call__(self, text: str) -> str:
        if not isinstance(text, str):
            raise InputTypeError(f"jazu converts str, not {type(text).__name__} (decode bytes first)")
        converter = self._for_text(text)
        out, _ = converter.convert(text, converter.initial_state)
        return out

    def convert_pieces(self, pieces: Sequence[str], joined: Optional[Sequence[bool]] = None) -> List[str]:
        """Convert the text pieces of a document in order, as one text, one output per piece:
        a sentence goes on from piece to piece, and a word split between two pieces that touch
        (`joined[i]`: pieces i and i + 1 have only inline markup between them; all of them by
        default) is converted whole and shared back out (text/pieces.py). Where `joined[i]` is
        False, a block break (a line end) stands between the pieces. Document formats use this."""
        pieces = list(pieces)
        for piece in pieces:
            if not isinstance(piece, str):
                raise InputTypeError(f"convert_pieces() takes str pieces, not {type(piece).__name__}")
        links = [True] * max(len(pieces) - 1, 0) if joined is None else list(joined)
        if len(links) < len(pieces) - 1:
            raise UnknownOptionError("joined needs one flag for each pair of neighbouring pieces")
        from jazu.text.pieces import convert_pieces

        return convert_pieces(self._for_text("".join(pieces)), pieces, links)

    def convert_with_offsets(self, text: str) -> Tuple[str, List[Tuple[int, int, int, int]]]:
        """The conversion of `text` (exactly `self(text)`) and its alignment with the source at
        word level: `(start, end, out_start, out_end)` spans, one per word (a run of non-space
        characters) where the conversion kept the words, one for a group of words where the
        reader joined or split them (`ب ۇ ۇ- نىڭ` -> `БҰҰ-ның`: four source words, one span), so
        that annotations can be carried across scripts. The spans follow each other in order."""
        if not isinstance(text, str):
            raise InputTypeError(f"convert_with_offsets() takes str, not {type(text).__name__}")
        out = self(text)
        # Line by line where the lines come out as they went in (a converter never joins
        # lines): the alignment's cost then grows with the longest line, not with the text.
        source_lines, out_lines = text.split("\n"), out.split("\n")
        if len(source_lines) > 1 and len(source_lines) == len(out_lines):
            spans: List[Tuple[int, int, int, int]] = []
            at = out_at = 0
            for line, converted_line in zip(source_lines, out_lines):
                spans += [(a + at, b + at, c + out_at, d + out_at) for a, b, c, d in self._align(line, converted_line)]
                at, out_at = at + len(line) + 1, out_at + len(converted_line) + 1
            return out, spans
        return out, self._align(text, out)

    def _align(self, text: str, out: str) -> List[Tuple[int, int, int, int]]:
        """Word spans of `text` and of its conversion `out` (see `convert_with_offsets`)."""
        import re
        from difflib import SequenceMatcher

        words = [m.span() for m in re.finditer(r"\S+", text)]
        converted = [m.span() for m in re.finditer(r"\S+", out)]
        # Each word converted alone is a guide to which output word is its: they match but for
        # what the whole text decides (capitals) or joins (abbreviations, patronymics).
        alone = [self(text[a:b]).lower() for a, b in words]
        whole = [out[c:d].lower() for c, d in converted]
        spans: List[Tuple[int, int, int, int]] = []
        matcher = SequenceMatcher(None, alone, whole, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                spans += [(*words[i], *converted[j]) for i, j in zip(range(i1, i2), range(j1, j2))]
            elif i2 > i1:  # words the conversion joined, split or read otherwise
                groups = _groups(alone[i1:i2], whole[j1:j2])
                if groups is None:  # one span for the lot
                    end = converted[j2 - 1][1] if j2 > j1 else (converted[j1][0] if j1 < len(converted) else len(out))
                    begin = converted[j1][0] if j2 > j1 else end
                    spans.append((words[i1][0], words[i2 - 1][1], begin, end))
                else:
                    spans += [(words[i1 + a][0], words[i1 + b - 1][1], *converted[j1 + j]) for a, b, j in groups]
            elif spans:  # output words with no source word: they belong to the span before
                a, b, c, _ = spans[-1]
                spans[-1] = (a, b, c, converted[j2 - 1][1])
        return spans

    def explain(self, text: str) -> List[Dict[str, Any]]:
        """Why each word of `text` reads as it does: one entry per span of
        `convert_with_offsets(text)`, with `start`, `end` (in `text`), `output` (the span's
        conversion), `reading` (the word's reading before the text's rules of capitals; in
        Cyrillic, the pivot, where the route goes on to another script), `from` (where it comes
        from: acronym, user lexicon, lexicon, rule, n-gram rank, name rule; "joined" for words
        the reader read together; "table" for a writer), `case` ("rule" where the text's rules
        of capitals changed it), `alternatives` (other readings the tables allow, each with its
        `from`), `score` (0 to 1) and `uncertain` (score below 0.6); going to Cyrillic, a word in
        a quotation of fewer than QUOTED_NAME_WORDS words has `case_uncertain` (its capital is a
        guess: a title's words) and a score of 0.5 at most. The scores are documented in
        src/jazu/arabic/reader/explain.py and src/jazu/latin/reader.py."""
        import re

        out, spans = self.convert_with_offsets(text)
        converter = self._for_text(text)
        reader = converter.stages[0] if hasattr(converter, "stages") else converter
        explain_word = getattr(reader, "explain_word", None)
        entries: List[Dict[str, Any]] = []
        for start, end, out_start, out_end in spans:
            source, output = text[start:end], out[out_start:out_end]
            entry: Dict[str, Any] = {"start": start, "end": end, "out_start": out_start, "out_end": out_end,
                                     "source": source, "output": output}
            words = re.findall(r"[^\W\d_]+(?:['’ʼ`´-][^\W\d_]+)*", source)
            if explain_word is None or not words:
                entry.update({"reading": output, "from": "table" if words else "kept", "alternatives": [],
                              "score": 1.0, "uncertain": False})
            elif len(words) > 1 and len(output.split()) == 1:
                entry.update({"reading": output, "from": "joined", "alternatives": [], "score": 1.0, "uncertain": False})
            else:
                entry.update(explain_word(max(words, key=len)))
            reading = entry["reading"]
            if entry["from"] not in ("table", "kept", "joined") and reading.lower() in output.lower() and reading not in output:
                entry["case"] = "rule"
            entries.append(entry)
        if self.target == "cyrl" and explain_word is not None:
            _quoted_case(text, entries)
        return entries

    def stream(self, chunks: Iterable[str]) -> Iterator[str]:
        """Convert an iterable of str chunks lazily; memory stays bounded whatever the size."""
        iterator = iter(chunks)
        held: List[str] = []
        if self.source == "auto":
            # Detect from the first chunks that hold a Kazakh letter (up to 1 MiB of them), then
            # go on with the same converter.
            size = 0
            for chunk in iterator:
                _check_chunk(chunk)
                held.append(chunk)
                size += len(chunk)
                if kazakh_script(chunk) is not None or size >= AUTO_DETECT_LIMIT:
                    break
        converter = self._for_text("".join(held)) if self.source == "auto" else self._converter(self.source)

        def checked() -> Iterator[str]:
            yield from held
            for chunk in iterator:
                _check_chunk(chunk)
                yield chunk

        from jazu.text.stream import convert_stream  # lazily: it compiles regexes

        return convert_stream(converter, checked())

    def _load_user_lexicon(self) -> Any:
        """A user's lexicon file (`lexicon=`), validated like the shipped tables, spelled with
        this table version's writer."""
        from pathlib import Path

        from jazu.tableset.compile import load_compiled
        from jazu.arabic.writer import writers
        from jazu.arabic.lexicon import compile_lexicon
        from jazu.tableset.load import parse_user_lexicon

        table = parse_user_lexicon(Path(self.lexicon))  # type: ignore[arg-type]
        return compile_lexicon((table,), writers(load_compiled(self.tables)))

    def stream_bytes(self, blocks: Iterable[bytes], errors: str = "strict", label: str = "input") -> Iterator[bytes]:
        """Convert UTF-8 byte blocks lazily. `errors`: "strict" raises DecodeError (with the
        byte offset) on invalid UTF-8, "replace" puts U+FFFD there, "surrogateescape" passes
        the undecodable bytes through to the output unchanged."""
        from jazu.text.textio import decode, encode

        for piece in self.stream(decode(blocks, errors, label)):
            yield encode(piece, errors)

    def _for_text(self, text: str) -> Any:
        if self.source != "auto":
            return self._converter(self.source)
        found = self.source_of(text)
        if found is None or found == self.target:
            return _PASS
        return self._converter(found)

    def source_of(self, text: str) -> Optional[str]:
        """The script this Transliterator reads `text` as: its source, or with "auto" the
        Kazakh script of `text` (None: none, so it passes through)."""
        if self.source != "auto":
            return self.source
        found = kazakh_script(text)
        if found == "latn" and not self._reads_latin():
            found = kazakh_script(text, latin=False)  # tables before version 4 read no Latin
        return found

    def _reads_latin(self) -> bool:
        from jazu.graph import has_latin

        return has_latin(self.tables)

    def _converter(self, source: str) -> Any:
        conv = self._converters.get(source)
        if conv is not None:
            return conv
        if source == self.target:
            return _PASS
        with self._lock:
            conv = self._converters.get(source)
            if conv is None:
                from jazu.graph import build

                conv = build(source, self.target, self.tables, self.case, self._user, self.profile, self.digits)
                self._converters[source] = conv
        return conv


QUOTED_NAME_WORDS = 5  # a quotation of fewer words may be a name, whose words' capitals are guesses


def _quoted_case(text: str, entries: List[Dict[str, Any]]) -> None:
    """Words in a short quotation («Қастерлі Отан») may be a title's, whose capitals (beyond the
    first word's) no rule knows: their case is marked uncertain (score at most 0.5)."""
    import re

    for m in re.finditer(r"[«“\"]([^«»“”\"\n]{1,200})[»”\"]", text):
        inside = [e for e in entries if m.start() <= e["start"] < m.end()]
        if 0 < len(inside) < QUOTED_NAME_WORDS:
            for e in inside:
                if e["from"] not in ("table", "kept"):
                    e["case_uncertain"] = True
                    e["score"] = min(e["score"], 0.5)
                    e["uncertain"] = True


def _groups(alone: List[str], whole: List[str]) -> Optional[List[Tuple[int, int, int]]]:
    """Which source words (converted alone) make each output word, where they spell it but for
    spaces and hyphens (ілияс + ұлы: ілиясұлы; б ұ ұ- ның: бұұ-ның): (first, end, output word),
    or None where they do not."""
    def bare(word: str) -> str:
        return word.replace("-", "")

    found: List[Tuple[int, int, int]] = []
    k = 0
    for j, target in enumerate(whole):
        start, spelled = k, ""
        while k < len(alone) and len(spelled) < len(bare(target)):
            spelled += bare(alone[k])
            k += 1
        if spelled != bare(target) or k == start:
            return None
        found.append((start, k, j))
    return found if k == len(alone) else None


def _check_chunk(chunk: object) -> None:
    if not isinstance(chunk, str):
        raise InputTypeError(f"stream() takes str chunks, not {type(chunk).__name__}")
