#!/usr/bin/env python3
"""Expand a Hunspell dictionary (.dic + .aff) into all its word forms.

Pure Python, stdlib only.  ``expand(dic_path, aff_path)`` yields
``(stem, form)`` pairs; the CLI writes them as ``stem<TAB>form`` lines,
sorted by code point and unique (default output ``build/forms.tsv``).

The semantics follow libhunspell 1.7 (what the spell checker accepts), not
the ``unmunch`` tool, which tests affix conditions byte by byte and so
misreads UTF-8 conditions (see ``tools/compare_unmunch.py``).

Supported
---------
* ``SET``: UTF-8, ISO8859-1..15, KOI8-R/U, microsoft-cp1251 (default
  ISO8859-1); a UTF-8 byte-order mark in either file is skipped.  CRLF or LF.
* ``FLAG``: default one-character flags, ``long`` (two characters), ``num``
  (comma-separated numbers) and ``UTF-8``; ``AF`` flag aliases.
* ``PFX``/``SFX`` blocks: cross-product (``Y``/``N``) between prefixes and
  suffixes, strip strings (``0`` = none), append strings (``0`` = empty),
  conditions with literals, ``.``, ``[...]`` and ``[^...]`` tested per
  *character*, morphological fields after the condition (ignored), several
  blocks for one flag.  A rule is applied when the stem is longer than the
  strip string (or as long, with ``FULLSTRIP``), ends (starts) with it and
  matches the condition.
* Rule lines with only four fields (``SFX x у [аоуұыэ]ву``: no condition).
  libhunspell reads them as strip + append with the condition ``.``, and so
  does this module by default (the append then holds literal brackets).  With
  ``repair_short_rules=True`` (CLI ``--repair-short-rules``) a fourth field
  that looks like a condition is read as the condition and the append as
  empty, which is what the kk_KZ author evidently meant (``жазу`` -> ``жаз``).
* Stem flags ``NEEDAFFIX`` (bare stem not emitted), ``FORBIDDENWORD`` and
  ``ONLYINCOMPOUND`` (stem and its forms not emitted); ``IGNORE`` characters
  are removed from stems and affixes.
* .dic lines: the count line, ``word/flags``, ``\\/`` for a literal slash,
  morphological fields after a tab or after a space followed by ``xx:``.

Not supported (an error is raised if the .aff uses them): affix continuation
classes (``/flags`` in an affix, i.e. twofold suffixes), ``CIRCUMFIX``.
Compounding directives are accepted but compounds are not generated (their
number is unbounded), ``ICONV``/``OCONV`` and suggestion/analysis-only
directives are ignored; each ignored directive that could change the word set
is listed in ``AffixFile.warnings``.

What kk_KZ.aff (hunspell-kk 1.1-3) uses: ``SET UTF-8``, ``TRY``, default
one-character flags and 51 ``SFX`` blocks (2,593 rules, cross-product N, no
``PFX``), strip strings, conditions with ``[...]`` and one ``[^...]``, and 42
four-field rules in flag ``x``.  Nothing else.

Usage: python tools/hunspell_expand.py [--dic D] [--aff A] [-o build/forms.tsv]
       [--repair-short-rules]
"""

import argparse
import os
import re
import sys
import time
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIC = os.path.join(REPO_ROOT, "build", "sources", "kk_KZ.dic")
DEFAULT_AFF = os.path.join(REPO_ROOT, "build", "sources", "kk_KZ.aff")
DEFAULT_OUT = os.path.join(REPO_ROOT, "build", "forms.tsv")

ENCODINGS = {
    "UTF-8": "utf-8",
    "KOI8-R": "koi8_r",
    "KOI8-U": "koi8_u",
    "MICROSOFT-CP1251": "cp1251",
}
for _n in range(1, 16):
    ENCODINGS["ISO8859-%d" % _n] = "iso8859_%d" % _n
    ENCODINGS["ISO-8859-%d" % _n] = "iso8859_%d" % _n

# Directives that do not change the set of accepted simple words.
HARMLESS = {
    "TRY", "KEY", "REP", "MAP", "PHONE", "WORDCHARS", "BREAK", "NOSUGGEST",
    "KEEPCASE", "LANG", "NAME", "VERSION", "HOME", "AUTHOR", "DESC", "SUBSTANDARD",
    "MAXNGRAMSUGS", "MAXCPDSUGS", "MAXDIFF", "ONLYMAXDIFF", "NOSPLITSUGS",
    "SUGSWITHDOTS", "FORBIDWARN", "WARN", "CHECKSHARPS", "COMPLEXPREFIXES",
    "LEMMA_PRESENT", "AM", "FULLSTRIP", "IGNORE", "NEEDAFFIX", "PSEUDOROOT",
    "FORBIDDENWORD", "ONLYINCOMPOUND", "SET", "FLAG", "AF", "PFX", "SFX",
}
COMPOUND_PREFIX = "COMPOUND"


class AffixError(ValueError):
    """The .aff or .dic file cannot be read as Hunspell data."""


class Affix:
    """One PFX/SFX rule line."""

    __slots__ = ("kind", "flag", "cross", "strip", "append", "cond_text",
                 "cond_re", "cond_len", "contclass", "morph", "line", "note")

    def __init__(self, kind, flag, cross, strip, append, cond_text, contclass,
                 morph, line, note=None):
        self.kind = kind            # "PFX" or "SFX"
        self.flag = flag
        self.cross = cross          # cross-product allowed
        self.strip = strip
        self.append = append
        self.cond_text = cond_text  # "." when there is no condition
        self.cond_re, self.cond_len = compile_condition(cond_text, line)
        self.contclass = contclass
        self.morph = morph
        self.line = line            # 1-based line number in the .aff
        self.note = note            # set for oddly formed lines

    def applies(self, word: str, fullstrip: bool = False) -> bool:
        n, s = len(word), len(self.strip)
        if not (n > s or (fullstrip and n == s)):
            return False
        if self.kind == "SFX":
            if s and not word.endswith(self.strip):
                return False
            if self.cond_re is None:
                return True
            return n >= self.cond_len and \
                self.cond_re.fullmatch(word, n - self.cond_len) is not None
        if s and not word.startswith(self.strip):
            return False
        if self.cond_re is None:
            return True
        return n >= self.cond_len and \
            self.cond_re.fullmatch(word, 0, self.cond_len) is not None

    def apply(self, word: str) -> str:
        if self.kind == "SFX":
            return word[:len(word) - len(self.strip)] + self.append
        return self.append + word[len(self.strip):]

    def __repr__(self):
        return "%s %s %s %s %s (line %d)" % (
            self.kind, self.flag, self.strip or "0", self.append or "0",
            self.cond_text, self.line)


def parse_condition(text: str, line: int = 0) -> List[Tuple[str, str]]:
    """Split a condition into elements: ('any', ''), ('lit', c),
    ('set', chars) or ('nset', chars)."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "[":
            j = text.find("]", i + 1)
            if j < 0:
                raise AffixError("line %d: unclosed '[' in condition %r" % (line, text))
            body = text[i + 1:j]
            if body.startswith("^"):
                out.append(("nset", body[1:]))
            else:
                out.append(("set", body))
            i = j + 1
        elif c == ".":
            out.append(("any", ""))
            i += 1
        else:
            out.append(("lit", c))
            i += 1
    return out


def compile_condition(text: str, line: int = 0):
    if text == ".":
        return None, 0
    elems = parse_condition(text, line)
    if all(kind == "any" for kind, _ in elems):
        return None, len(elems) if elems else 0
    parts = []
    for kind, chars in elems:
        if kind == "any":
            parts.append(".")
        elif kind == "lit":
            parts.append(re.escape(chars))
        else:
            body = "".join("\\" + ch if ch in "\\]^-[" else ch for ch in chars)
            parts.append("[%s%s]" % ("^" if kind == "nset" else "", body))
    return re.compile("".join(parts), re.S), len(elems)


class AffixFile:
    """The parts of a .aff file that define the word set."""

    def __init__(self):
        self.encoding = "iso8859_1"
        self.set_name = "ISO8859-1"
        self.flag_type = "char"
        self.aliases: List[Tuple[str, ...]] = []
        self.rules: List[Affix] = []
        self.by_flag: Dict[str, List[Affix]] = {}
        self.needaffix: Optional[str] = None
        self.forbiddenword: Optional[str] = None
        self.onlyincompound: Optional[str] = None
        self.fullstrip = False
        self.ignore = ""
        self.directives: Dict[str, int] = {}
        self.warnings: List[str] = []

    # -- flags ---------------------------------------------------------
    def split_flags(self, text: str) -> Tuple[str, ...]:
        if not text:
            return ()
        if self.aliases and text.isdigit():
            idx = int(text)
            if not 1 <= idx <= len(self.aliases):
                raise AffixError("flag alias %s out of range" % text)
            return self.aliases[idx - 1]
        return self._split_raw(text)

    def _split_raw(self, text: str) -> Tuple[str, ...]:
        if self.flag_type == "long":
            return tuple(text[i:i + 2] for i in range(0, len(text), 2))
        if self.flag_type == "num":
            return tuple(str(int(p)) for p in text.split(",") if p.strip())
        return tuple(text)  # "char" and "UTF-8": one character per flag

    # -- indexes used by expand() --------------------------------------
    def build_index(self):
        """Per flag: rules keyed by the character the stem must end (SFX)
        or start (PFX) with, plus rules that need any stem."""
        self.index = {}
        for flag, rules in self.by_flag.items():
            keyed: Dict[str, List[Affix]] = {}
            wild: List[Affix] = []
            for r in rules:
                keys = _edge_chars(r)
                if keys is None:
                    wild.append(r)
                else:
                    for k in keys:
                        keyed.setdefault(k, []).append(r)
            self.index[flag] = (rules[0].kind, keyed, wild)


def _edge_chars(r: Affix) -> Optional[str]:
    """Characters the stem's last (SFX) / first (PFX) char must be in."""
    if r.strip:
        return r.strip[-1] if r.kind == "SFX" else r.strip[0]
    if r.cond_re is None:
        return None
    elems = parse_condition(r.cond_text, r.line)
    kind, chars = elems[-1] if r.kind == "SFX" else elems[0]
    if kind in ("lit", "set"):
        return "".join(sorted(set(chars)))
    return None


def _read_text(path: str, encoding: str) -> str:
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode(encoding)


def _lines(text: str) -> List[str]:
    return [l[:-1] if l.endswith("\r") else l for l in text.split("\n")]


def parse_aff(aff_path: str, repair_short_rules: bool = False) -> AffixFile:
    aff = AffixFile()
    with open(aff_path, "rb") as fh:
        raw = fh.read()
    m = re.search(rb"^(?:\xef\xbb\xbf)?[ \t]*SET[ \t]+(\S+)", raw, re.M)
    if m:
        aff.set_name = m.group(1).decode("ascii", "replace")
        enc = ENCODINGS.get(aff.set_name.upper())
        if enc is None:
            raise AffixError("unsupported SET %s" % aff.set_name)
        aff.encoding = enc
    lines = _lines(_read_text(aff_path, aff.encoding))

    i = 0
    af_header_seen = False
    while i < len(lines):
        lineno = i + 1
        f = lines[i].split()
        i += 1
        if not f or f[0].startswith("#"):
            continue
        key = f[0]
        aff.directives[key] = aff.directives.get(key, 0) + 1
        arg = f[1] if len(f) > 1 else ""
        if key == "FLAG":
            t = arg.upper()
            aff.flag_type = {"LONG": "long", "NUM": "num", "UTF-8": "utf-8"}.get(t)
            if aff.flag_type is None:
                raise AffixError("line %d: unknown FLAG type %s" % (lineno, arg))
        elif key == "AF":
            if not af_header_seen and arg.isdigit() and len(f) == 2:
                af_header_seen = True  # header: the number of aliases
                continue
            aff.aliases.append(aff._split_raw(arg))
        elif key in ("NEEDAFFIX", "PSEUDOROOT"):
            aff.needaffix = aff._split_raw(arg)[0]
        elif key == "FORBIDDENWORD":
            aff.forbiddenword = aff._split_raw(arg)[0]
        elif key == "ONLYINCOMPOUND":
            aff.onlyincompound = aff._split_raw(arg)[0]
        elif key == "FULLSTRIP":
            aff.fullstrip = True
        elif key == "IGNORE":
            aff.ignore = arg
        elif key == "CIRCUMFIX":
            raise AffixError("line %d: CIRCUMFIX is not supported" % lineno)
        elif key in ("PFX", "SFX"):
            if len(f) < 4:
                raise AffixError("line %d: bad %s header" % (lineno, key))
            flag = f[1]
            cross = f[2] == "Y"
            try:
                count = int(f[3])
            except ValueError:
                raise AffixError("line %d: bad %s header count" % (lineno, key))
            for _ in range(count):
                if i >= len(lines):
                    raise AffixError("line %d: %s %s block ends early" % (lineno, key, flag))
                rule = _parse_rule(aff, key, flag, cross, lines[i], i + 1,
                                   repair_short_rules)
                i += 1
                aff.rules.append(rule)
                aff.by_flag.setdefault(flag, []).append(rule)
        elif key.startswith(COMPOUND_PREFIX) or key in ("ICONV", "OCONV", "CHECKCOMPOUNDPATTERN"):
            aff.warnings.append("line %d: %s ignored (not expanded)" % (lineno, key))
        elif key not in HARMLESS:
            aff.warnings.append("line %d: unknown directive %s ignored" % (lineno, key))
    for r in aff.rules:
        if r.contclass:
            raise AffixError("line %d: affix continuation classes (twofold affixes) "
                             "are not supported" % r.line)
    kinds = {}
    for r in aff.rules:
        if kinds.setdefault(r.flag, r.kind) != r.kind:
            raise AffixError("flag %s is used by both PFX and SFX" % r.flag)
    aff.build_index()
    return aff


def _parse_rule(aff, key, flag, cross, text, lineno, repair) -> Affix:
    f = text.split()
    if len(f) < 4 or f[0] != key or f[1] != flag:
        raise AffixError("line %d: expected a %s %s rule, got %r" % (lineno, key, flag, text))
    strip = "" if f[2] == "0" else f[2]
    app_field = f[3]
    note = None
    if len(f) == 4:
        if repair and (app_field == "." or "[" in app_field or "]" in app_field):
            note = "4 fields; 4th read as condition, append empty (repaired)"
            cond, app_field = app_field, "0"
        else:
            note = "4 fields; no condition (hunspell reads it as '.')"
            cond = "."
    else:
        cond = f[4]
    append, _, cont = app_field.partition("/")
    if append == "0":
        append = ""
    if aff.ignore:
        append = "".join(c for c in append if c not in aff.ignore)
    contclass = aff.split_flags(cont) if cont else ()
    return Affix(key, flag, cross, strip, append, cond, contclass,
                 " ".join(f[5:]), lineno, note)


_MORPH_SPLIT = re.compile(r"\t| (?=[^\s:/]{2}:)")


def parse_dic(dic_path: str, aff: AffixFile) -> Iterator[Tuple[str, Tuple[str, ...], int]]:
    """Yield (word, flags, line number) for each entry of the .dic."""
    lines = _lines(_read_text(dic_path, aff.encoding))
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or not lines[first].strip().isdigit():
        raise AffixError("%s: first line is not the entry count" % dic_path)
    for n in range(first + 1, len(lines)):
        line = lines[n]
        if not line.strip():
            continue
        m = _MORPH_SPLIT.search(line)
        entry = (line[:m.start()] if m else line).rstrip()
        if not entry:
            continue
        word, flags = entry, ""
        pos = entry.find("/", 1)
        while pos > 0 and entry[pos - 1] == "\\":
            pos = entry.find("/", pos + 1)
        if pos > 0:
            word, flags = entry[:pos], entry[pos + 1:]
        word = word.replace("\\/", "/")
        if aff.ignore:
            word = "".join(c for c in word if c not in aff.ignore)
        yield word, aff.split_flags(flags), n + 1


def _candidates(aff: AffixFile, flag: str, word: str) -> List[Affix]:
    entry = aff.index.get(flag)
    if entry is None or not word:
        return []
    kind, keyed, wild = entry
    edge = word[-1] if kind == "SFX" else word[0]
    hit = keyed.get(edge)
    if hit is None:
        return wild
    if not wild:
        return hit
    # keep file order, as the rules were declared
    return sorted(hit + wild, key=lambda r: r.line)


def expand_entry(aff: AffixFile, word: str, flags: Sequence[str]
                 ) -> Iterator[Tuple[str, Optional[Affix], Optional[Affix]]]:
    """Yield (form, suffix rule, prefix rule) for one stem; rules are None
    where not used.  May yield a form more than once."""
    fs = aff.fullstrip
    flagset = list(dict.fromkeys(flags))
    if aff.forbiddenword in flagset or aff.onlyincompound in flagset:
        return
    if aff.needaffix not in flagset:
        yield word, None, None
    prefixes = []
    for flag in flagset:
        for r in _candidates(aff, flag, word):
            if not r.applies(word, fs):
                continue
            if r.kind == "SFX":
                form = r.apply(word)
                yield form, r, None
                if r.cross:
                    for pflag in flagset:
                        ent = aff.index.get(pflag)
                        if ent is None or ent[0] != "PFX":
                            continue
                        for p in _candidates(aff, pflag, form):
                            if p.cross and p.applies(form, fs):
                                yield p.apply(form), r, p
            else:
                prefixes.append(r)
    for p in prefixes:
        yield p.apply(word), None, p


def expand(dic_path: str, aff_path: str, repair_short_rules: bool = False
           ) -> Iterator[Tuple[str, str]]:
    """Yield (stem, form) pairs for every entry of the dictionary.

    Each pair is yielded once per .dic entry (duplicates across entries with
    the same stem are possible); the stem itself comes first unless it has
    NEEDAFFIX."""
    aff = parse_aff(aff_path, repair_short_rules)
    for word, flags, _ in parse_dic(dic_path, aff):
        seen: Set[str] = set()
        for form, _, _ in expand_entry(aff, word, flags):
            if form not in seen:
                seen.add(form)
                yield word, form


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Expand a hunspell .dic/.aff into word forms.")
    ap.add_argument("--dic", default=DEFAULT_DIC)
    ap.add_argument("--aff", default=DEFAULT_AFF)
    ap.add_argument("-o", "--output", default=DEFAULT_OUT,
                    help="stem<TAB>form lines, sorted, unique (default build/forms.tsv)")
    ap.add_argument("--repair-short-rules", action="store_true",
                    help="read a 4-field rule's last field as its condition")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        aff = parse_aff(args.aff, args.repair_short_rules)
        for w in aff.warnings:
            print("hunspell_expand: warning: %s" % w, file=sys.stderr)
        pairs = set(expand(args.dic, args.aff, args.repair_short_rules))
    except (AffixError, OSError, UnicodeDecodeError) as exc:
        print("hunspell_expand: error: %s" % exc, file=sys.stderr)
        return 1
    t1 = time.perf_counter()
    out = sorted(pairs)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for stem, form in out:
            fh.write("%s\t%s\n" % (stem, form))
    os.replace(tmp, args.output)
    stems = {s for s, _ in out}
    forms = {f for _, f in out}
    print("%d stems, %d (stem, form) pairs, %d distinct forms -> %s "
          "(expansion %.1f s, total %.1f s)"
          % (len(stems), len(out), len(forms), args.output, t1 - t0,
             time.perf_counter() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
